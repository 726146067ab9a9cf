import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFrontends } from '../../../server/http/frontends';
import { buildFrontends } from '../../support/builtFrontends';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTestApp, type TestApp } from '../../support/testApp';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, not decoded. */
  body: Buffer;
}

/** A request over real HTTP that leaves the body as it came (fetch would decode it). */
function request(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const decoded = (res: Raw): Buffer => {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  expect(encoding).toBeUndefined();
  return res.body;
};

const IMMUTABLE_YEAR = 'public, max-age=31536000, immutable';

let outDir: string;
let database: TestDatabase;
let app: TestApp;
/** The widget's entry script, as dist/widget/index.html names it: /assets/widget-<hash>.js. */
let widgetJs: string;
let widgetJsFile: Buffer;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-dist-frontends-'));
  buildFrontends(outDir);
  const html = await readFile(path.join(outDir, 'widget', 'index.html'), 'utf8');
  widgetJs = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  widgetJsFile = await readFile(path.join(outDir, widgetJs));
  database = await createTestDatabase();
  app = await startTestApp(database, { frontends: builtFrontends(outDir) });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('the build', () => {
  it('leaves a brotli and a gzip copy beside each script and stylesheet of a kilobyte or more', async () => {
    const files = await readdir(path.join(outDir, 'assets'));
    const originals = files.filter((f) => /\.(js|css)$/.test(f));
    expect(originals.length).toBeGreaterThan(0);
    for (const name of originals) {
      const file = await readFile(path.join(outDir, 'assets', name));
      if (file.length < 1024) continue;
      expect(files, name).toContain(`${name}.br`);
      expect(files, name).toContain(`${name}.gz`);
      expect(brotliDecompressSync(await readFile(path.join(outDir, 'assets', `${name}.br`)))).toEqual(file);
      expect(gunzipSync(await readFile(path.join(outDir, 'assets', `${name}.gz`)))).toEqual(file);
    }
  });

  it('builds the widget on Preact and the settings on React, each page with its own scripts', async () => {
    /** The text of every script a page loads: its own and those its scripts import, lazily or not. */
    const scriptsOf = async (page: string) => {
      const html = await readFile(path.join(outDir, page, 'index.html'), 'utf8');
      const seen = new Set<string>();
      const queue = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
      let text = '';
      while (queue.length > 0) {
        const name = queue.shift()!;
        if (seen.has(name)) continue;
        seen.add(name);
        const file = await readFile(path.join(outDir, 'assets', name), 'utf8');
        text += file;
        for (const m of file.matchAll(/["'`](?:\.\/|\/?assets\/)([\w.-]+\.js)["'`]/g)) queue.push(m[1]!);
      }
      return { names: seen, text };
    };
    const widget = await scriptsOf('widget');
    const settings = await scriptsOf('settings');
    // React DOM's production build names its error page in its invariants; Preact's React layer does not.
    expect(settings.text).toContain('react.dev/errors');
    expect(widget.text).not.toContain('react.dev/errors');
    expect(widget.names.size).toBeGreaterThan(1); // its lazy chunks were followed
    expect([...widget.names].filter((n) => settings.names.has(n))).toEqual([]);
    // accounts-sdk's qs is answered by ui/auth/accountsSdkQs.ts: neither qs (its `arrayFormat` option)
    // nor its side-channel dependency (its error message) ships.
    for (const page of [widget, settings]) {
      expect(page.text).not.toContain('arrayFormat');
      expect(page.text).not.toContain('Side channel does not contain');
    }
  });
});

describe('the frontends’ files over HTTP', () => {
  it('sends brotli to a browser that accepts it, the file once decoded, with its JavaScript type', async () => {
    const res = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(widgetJsFile.length / 2);
    expect(brotliDecompressSync(res.body)).toEqual(widgetJsFile);
  });

  it('prefers brotli when a browser accepts both, as Chromium says it', async () => {
    const res = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.headers['content-encoding']).toBe('br');
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const res = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(gunzipSync(res.body)).toEqual(widgetJsFile);
  });

  it('sends the file as it is to a client that accepts no encoding', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]) {
      const res = await request(`${app.url}${widgetJs}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['vary']).toMatch(/accept-encoding/i);
      expect(res.headers['content-type']).toMatch(/^text\/javascript/);
      expect(res.body).toEqual(widgetJsFile);
    }
  });

  it('keeps hashed assets cached for a year, immutable, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const res = await request(`${app.url}${widgetJs}`, { 'accept-encoding': encoding });
      expect(res.headers['cache-control']).toBe(IMMUTABLE_YEAR);
    }
    const css = /<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/.exec(
      await readFile(path.join(outDir, 'widget', 'index.html'), 'utf8'),
    )![1]!;
    const res = await request(`${app.url}${css}`, { 'accept-encoding': 'br' });
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE_YEAR);
    expect(decoded(res)).toEqual(await readFile(path.join(outDir, css)));
  });

  it('answers a repeated request with 304 when its ETag still matches, per encoding', async () => {
    const br = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br' });
    const plain = await request(`${app.url}${widgetJs}`);
    expect(br.headers.etag).toBeTruthy();
    // Two bodies, two tags: a cache never answers one encoding's request with the other's tag.
    expect(br.headers.etag).not.toBe(plain.headers.etag);

    const again = await request(`${app.url}${widgetJs}`, {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);

    const otherTag = await request(`${app.url}${widgetJs}`, {
      'accept-encoding': 'br',
      'if-none-match': plain.headers.etag!,
    });
    expect(otherTag.status).toBe(200);
    expect(brotliDecompressSync(otherTag.body)).toEqual(widgetJsFile);
  });

  it('answers HEAD with the headers of the encoded file and no body', async () => {
    const get = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br' });
    const head = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const name of [
      'content-encoding',
      'content-type',
      'content-length',
      'etag',
      'cache-control',
      'vary',
    ]) {
      expect(head.headers[name], name).toBe(get.headers[name]);
    }
  });

  it('answers a Range request with bytes of the encoded body it names', async () => {
    const whole = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br' });
    const part = await request(`${app.url}${widgetJs}`, { 'accept-encoding': 'br', range: 'bytes=0-99' });
    expect(part.status).toBe(206);
    expect(part.headers['content-encoding']).toBe('br');
    expect(part.headers['content-range']).toBe(`bytes 0-99/${whole.body.length}`);
    expect(part.body).toEqual(whole.body.subarray(0, 100));
  });

  it('serves each app’s index.html at /widget/ and /settings/, revalidated each time, under the CSP', async () => {
    for (const name of ['widget', 'settings']) {
      const page = await readFile(path.join(outDir, name, 'index.html'));
      for (const encoding of ['br', 'gzip', 'identity']) {
        const res = await request(`${app.url}/${name}/`, { 'accept-encoding': encoding });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('public, max-age=0');
        expect(res.headers['content-security-policy']).toMatch(/frame-ancestors [^;]*livechatinc\.com/);
        expect(decoded(res)).toEqual(page);

        const again = await request(`${app.url}/${name}/`, {
          'accept-encoding': encoding,
          'if-none-match': res.headers.etag!,
        });
        expect(again.status).toBe(304);
      }
    }
  });

  it('still redirects /widget to /widget/', async () => {
    const res = await request(`${app.url}/widget`);
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/widget/');
  });

  it('answers an unknown asset with the JSON 404, unencoded', async () => {
    const res = await request(`${app.url}/assets/nothing-here.js`, { 'accept-encoding': 'br, gzip' });
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('a dist/ rebuilt under the running app', () => {
  it('answers an asset the rebuild removed with the JSON 404, not with a brotli header on it', async () => {
    const copy = await mkdtemp(path.join(os.tmpdir(), 'sfl-dist-rebuilt-'));
    const running = await (async () => {
      await cp(outDir, copy, { recursive: true });
      return startTestApp(database, { frontends: builtFrontends(copy) });
    })();
    try {
      for (const suffix of ['', '.br', '.gz']) await rm(path.join(copy, `${widgetJs}${suffix}`));
      const res = await request(`${running.url}${widgetJs}`, { 'accept-encoding': 'br' });
      expect(res.status).toBe(404);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await running.close();
      await rm(copy, { recursive: true, force: true });
    }
  });
});
