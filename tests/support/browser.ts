import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const screenshotDir = new URL('../../test-results/screenshots/', import.meta.url).pathname;
