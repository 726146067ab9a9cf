import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Where LiveChat runs apps' widgets: the Agent App (https://my.livechatinc.com, also inside the
 * desktop apps), and the hosts the Agent App SDK itself accepts messages from (products-sdk,
 * packages/widget-core-sdk/src/connection/helpers.ts: livechatinc.com, livechat.com, text.com,
 * helpdesk.com and their subdomains). LiveChat documents no frame-ancestors list of its own, and
 * says Fullscreen apps are not supported in its mobile apps; the SDK's list is the one we follow.
 */
const LIVECHAT_FRAME_ANCESTORS = [
  'https://*.livechatinc.com',
  'https://*.livechat.com',
  'https://*.text.com',
  'https://*.helpdesk.com',
];

/**
 * Security headers. The frontends must be frameable by LiveChat's Agent App, so instead of
 * X-Frame-Options the CSP's frame-ancestors lists LiveChat's origins (and, in the demo, the local
 * Agent App page). The browser talks to LiveChat's accounts service for sign-in.
 */
export function securityHeaders(options: {
  frameAncestors: string[];
  livechatAccountsUrl: string;
  development: boolean;
  /** Served over https: browsers are told to stay on https. */
  secure: boolean;
}): RequestHandler {
  const accounts = new URL(options.livechatAccountsUrl).origin;
  return helmet({
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'unsafe-none' },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    strictTransportSecurity: options.secure,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'", ...(options.development ? ["'unsafe-inline'", "'unsafe-eval'"] : [])],
        'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
        'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
        'img-src': ["'self'", 'data:', 'https:'],
        'connect-src': ["'self'", accounts, ...(options.development ? ['ws:'] : [])],
        'frame-src': ["'self'", accounts],
        'frame-ancestors': ["'self'", ...LIVECHAT_FRAME_ANCESTORS, ...options.frameAncestors],
        'form-action': ["'self'", accounts],
        'upgrade-insecure-requests': options.secure ? [] : null,
      },
    },
  });
}
