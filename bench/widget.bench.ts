/**
 * The Chat Details widget's benchmark: what every chat's sidebar loads (the JS files dist/widget/index.html
 * loads, raw and gzip) and the time from asking /api/widget/related (as the widget does on each
 * customer_profile) to the visitor's records, against the emulators: cold (one Salesforce search per
 * account) and cached (none).
 */
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { startDemo, type Demo } from '../emulators/demo/demo';
import { demoClient } from '../emulators/livechat';
import { demoLicense, demoVisitors } from '../emulators/demo/people';
import { ensureBuilt } from '../tests/support/builtFrontends';
import { buildConfig } from '../tests/support/config';

const CHATS = 30;
const agent = 'nora.agent@demo-shop.example';

async function bundleSize(distDir: string) {
  const html = await readFile(path.join(distDir, 'widget', 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const file = await readFile(path.join(distDir, src.replace(/^\//, '')));
    raw += file.length;
    gzip += gzipSync(file, { level: 9 }).length;
  }
  return { files: scripts.length, raw, gzip };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** What the widget does on customer_profile: ask for the chat's related records, wait for them. */
async function related(world: Demo, token: string, chatId: string) {
  const res = await fetch(`${world.appUrl}/api/widget/related?chatId=${chatId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`related answered ${res.status}: ${text}`);
}

async function timeRelated(world: Demo, token: string, chatIds: string[]) {
  const times: number[] = [];
  for (const chatId of chatIds) {
    const started = performance.now();
    await related(world, token, chatId);
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export async function run(): Promise<Record<string, number | string>> {
  const distDir = ensureBuilt();
  const bundle = await bundleSize(distDir);
  // Its own embedded PostgreSQL in a throwaway folder, and both emulators, as the demo runs.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sfl-bench-'));
  await chmod(dataDir, 0o777); // PostgreSQL runs as its own user when we are root
  const world = await startDemo(
    buildConfig({ port: 0, dataDir, databaseUrl: undefined }),
    pino({ level: 'silent' }),
    {
      seed: true,
      worker: false,
      distDir,
    },
  );
  try {
    const visitors = [
      demoVisitors.existingContact,
      demoVisitors.existingLead,
      demoVisitors.newVisitor,
      demoVisitors.newVisitor2,
    ];
    const chatIds = Array.from({ length: CHATS }, (_, n) => {
      const v = visitors[n % visitors.length]!;
      return world.livechat.admin.createChat(demoLicense.licenseId, {
        visitor: { name: v.name, email: v.email },
        agentEmail: agent,
      }).chatId;
    });
    const token = world.livechat.admin.issueAgentToken(agent, { clientId: demoClient.clientId });
    // The org's describes are read once per org, ever (not per chat): warm them outside the measure.
    const warm = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Warm Up', email: 'warm@example.com' },
      agentEmail: agent,
    });
    await related(world, token, warm.chatId);

    const org = world.salesforce.admin.orgs().find((o) => o.name === demoLicense.name)!.id;
    world.salesforce.admin.clearCalls(org);
    const cold = await timeRelated(world, token, chatIds);
    const coldCalls = world.salesforce.admin.callCount(org);
    world.salesforce.admin.clearCalls(org);
    const cached = await timeRelated(world, token, chatIds);
    const cachedCalls = world.salesforce.admin.callCount(org);

    return {
      'widget bundle JS files': bundle.files,
      'widget bundle JS (bytes)': bundle.raw,
      'widget bundle JS gzip (bytes)': bundle.gzip,
      'chats measured': CHATS,
      'related cold p50 (ms)': Math.round(cold.p50 * 10) / 10,
      'related cold p95 (ms)': Math.round(cold.p95 * 10) / 10,
      'related cold Salesforce calls per chat': coldCalls / CHATS,
      'related cached p50 (ms)': Math.round(cached.p50 * 10) / 10,
      'related cached p95 (ms)': Math.round(cached.p95 * 10) / 10,
      'related cached Salesforce calls per chat': cachedCalls / CHATS,
    };
  } finally {
    await world.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (results) => {
      for (const [name, value] of Object.entries(results)) process.stdout.write(`${name}: ${value}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
