import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Router } from 'express';
import { publicConfigElementId, type PublicConfig } from '../../src/api/session';

/**
 * The two pages (/widget/, /settings/) with public-config written into them, so a frontend starts the
 * LiveChat sign-in without asking for it first: one round trip less before the agent sees anything.
 * It is a JSON data block (`type="application/json"`, never run, so the CSP is unchanged), escaped so
 * that no value can close the element. The configuration is the process's own, so each page is built
 * once, at start; it is revalidated on every load, like the pages it replaces (an ETag of its bytes).
 * A page not built yet falls through to the frontends' static files (and their 404).
 */
export function pagesWithConfig(distDir: string, config: PublicConfig): Router {
  const router = Router();
  const block = `<script type="application/json" id="${publicConfigElementId}">${JSON.stringify(config)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')}</script>`;
  for (const app of ['widget', 'settings']) {
    const file = path.join(distDir, app, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8').replace('</head>', `  ${block}\n  </head>`);
    const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
    router.get([`/${app}/`, `/${app}/index.html`], (req, res) => {
      res.set({ 'Cache-Control': 'no-cache', ETag: etag });
      if (req.fresh) return void res.status(304).end();
      res.type('html').send(html);
    });
  }
  return router;
}
