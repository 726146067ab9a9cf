import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagesWithConfig } from '../../../server/http/pagesWithConfig';
import { publicConfigElementId, type PublicConfig } from '../../../src/api/session';

// A client id no real one looks like: it would close the element if it were written unescaped.
const config: PublicConfig = {
  livechat: {
    clientId: 'id</script><script>alert(1)</script>&',
    accountsUrl: 'https://accounts.livechat.com',
  },
  demo: false,
};
const page = (title: string) =>
  `<!doctype html>\n<html>\n  <head>\n    <title>${title}</title>\n  </head>\n  <body><div id="root"></div></body>\n</html>\n`;

let distDir: string;
let url: string;
let close: () => void;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-pages-'));
  for (const app of ['widget', 'settings']) {
    await mkdir(path.join(distDir, app));
    await writeFile(path.join(distDir, app, 'index.html'), page(app));
  }
  const app = express().use(pagesWithConfig(distDir, config));
  app.use((_req, res) => res.status(404).send('fell through'));
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://localhost:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await rm(distDir, { recursive: true, force: true });
});

/** What a browser reads from the element: its text, parsed as JSON. */
function configIn(html: string): unknown {
  const re = new RegExp(`<script type="application/json" id="${publicConfigElementId}">([^<]*)</script>`);
  return JSON.parse(re.exec(html)![1]!);
}

describe('the pages, with public-config written into them', () => {
  it('carry the configuration in a data block no value can close, inside the head', async () => {
    for (const pathname of ['/widget/', '/widget/index.html', '/settings/']) {
      const res = await fetch(url + pathname);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(configIn(html)).toEqual(config);
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html.indexOf(publicConfigElementId)).toBeLessThan(html.indexOf('</head>'));
    }
  });

  it('are revalidated on every load, and a 304 answers an unchanged one', async () => {
    const first = await fetch(`${url}/widget/`);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"/);
    // As a browser revalidates (fetch() would add `Cache-Control: no-cache`, which asks for the page).
    const status = await new Promise<number | undefined>((resolve, reject) =>
      http
        .get(`${url}/widget/`, { headers: { 'if-none-match': etag } }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject),
    );
    expect(status).toBe(304);
    const settings = await fetch(`${url}/settings/`);
    expect(settings.headers.get('etag')).not.toBe(etag);
  });

  it('leave everything else to the static files', async () => {
    const res = await fetch(`${url}/widget/other.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('fell through');
  });
});
