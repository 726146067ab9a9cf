import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { uncompressedCdp } from './uncompressedCdp';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Debian's Chromium (or CHROMIUM_PATH). Undefined when none is installed. */
export function findChromium(): string | undefined {
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

/**
 * Whether end-to-end tests can run. Without a Chromium they are skipped with a loud message on a
 * developer's machine, and fail in CI (CI=true), where .ci/run must have installed one.
 */
export function chromiumOrExplain(): string | undefined {
  const path = findChromium();
  if (path) return path;
  const message =
    '\n!!! No Chromium found (tried CHROMIUM_PATH, /usr/bin/chromium). End-to-end tests cannot run.\n' +
    '!!! Install it with: apt-get install -y chromium\n';
  if (process.env.CI) throw new Error(message);
  process.stderr.write(message);
  return undefined;
}

/**
 * Debian's Chromium on a profile of its own whose third-party cookie setting is chosen, as a user's
 * is: `allowed` (Chrome's default), or `blocked` (Safari always, Chrome when the user says so; this
 * Chromium build's own default, also in Playwright's fresh contexts). The setting is the profile
 * preference Chrome's "Third-party cookies" page writes (`profile.cookie_controls_mode`: 0 allows,
 * 1 blocks); Playwright cannot launch on a chosen profile and still open contexts, so Chromium is
 * started here and Playwright connects to it over CDP. Contexts opened later follow the profile.
 */
export async function launchChromium(
  executablePath: string,
  options: { thirdPartyCookies?: 'allowed' | 'blocked' } = {},
): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sfl-chromium-'));
  mkdirSync(path.join(profile, 'Default'));
  const mode = options.thirdPartyCookies === 'blocked' ? 1 : 0;
  writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: mode } }),
  );
  const child = spawn(
    executablePath,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before it listened:\n${seen}`));
    });
  });
  child.stderr.resume();
  // Through a relay that keeps the connection uncompressed: Playwright always asks for
  // permessage-deflate, which cost the Node process that also runs the app about 50 ms per page.
  const relay = await uncompressedCdp(endpoint);
  const browser = await chromium.connectOverCDP(relay.endpoint);
  const close = browser.close.bind(browser);
  browser.close = async (...args) => {
    await close(...args).catch(() => undefined);
    await relay.close();
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(profile, { recursive: true, force: true });
  };
  return browser;
}

export const screenshotDir = new URL('../../test-results/screenshots/', import.meta.url).pathname;
