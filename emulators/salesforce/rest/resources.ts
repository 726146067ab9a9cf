import type { ApiContext, ApiRequest, ApiResponse } from './types';

const SEASONS = ['Winter', 'Spring', 'Summer'] as const;

/** `Winter '24` for 59.0: three releases a year, 59.0 being Winter '24. */
export function releaseLabel(major: number): string {
  const offset = major - 59;
  const season = SEASONS[((offset % 3) + 3) % 3] ?? 'Winter';
  const year = 24 + Math.floor(offset / 3);
  return `${season} '${String(year).padStart(2, '0')}`;
}

export const OLDEST_VERSION = 31;
export const LATEST_VERSION = 64;

/** `GET /services/data/`: every version, oldest first (no auth, not counted). */
export function versionsList() {
  const list = [];
  for (let major = OLDEST_VERSION; major <= LATEST_VERSION; major++) {
    list.push({ label: releaseLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` });
  }
  return list;
}

/** `GET /services/data/vNN.N`: the resources of a version, with `identity` (jsforce reads it). */
export function resourcesByVersion(ctx: ApiContext, request: ApiRequest): ApiResponse {
  const base = `/services/data/v${request.version}`;
  const names = [
    'tooling',
    'metadata',
    'eclair',
    'folders',
    'prechatForms',
    'contact-tracing',
    'jsonxform',
    'chatter',
    'tabs',
    'appMenu',
    'quickActions',
    'queryAll',
    'commerce',
    'wave',
    'iot',
    'analytics',
    'search',
    'identity',
    'composite',
    'parameterizedSearch',
    'fingerprint',
    'theme',
    'nouns',
    'domino',
    'event',
    'serviceTemplates',
    'recent',
    'connect',
    'licensing',
    'limits',
    'process',
    'dedupe',
    'async-queries',
    'query',
    'match',
    'emailConnect',
    'compactLayouts',
    'knowledgeManagement',
    'sobjects',
    'actions',
    'support',
  ];
  const body: Record<string, string> = {};
  for (const name of names) body[name] = `${base}/${name}`;
  body.identity = `${ctx.origin}/id/${ctx.org.id}/${ctx.session.userId}`;
  return { status: 200, body };
}
