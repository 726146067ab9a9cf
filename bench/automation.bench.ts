/**
 * Automation's benchmark, with the product's shipped defaults and every part in a process of its own:
 * the LiveChat emulator, the Salesforce emulator (answering every call after 150 ms, a real org's
 * latency), the web tier (`server/main.ts` with AUTOMATION_WORKER=none), one worker (`npm run worker`,
 * no other AUTOMATION_* setting), and this process as the load generator. Each app process reaches
 * PostgreSQL through a counting proxy (tests/support/pgWire.ts), so its statements are counted on
 * the wire, BEGIN and COMMIT included.
 *
 * Two runs, after a warm-up chat (the org's describes are cached once per org, not per chat):
 * - the seeded Lead mapping (policy "link", owner auto-matched): a burst of ended chats of new visitors;
 * - a three-record set on one chat: the same Lead, a Contact and a Case (no references between them);
 * - the linked set of three mappings (the demo's `demoLinkedSet`): the visitor's Contact (link by
 *   Email), a Case whose ContactId is that Contact, the conversation as a Task on both; at most two
 *   Salesforce calls per chat (one composite read, one composite graph).
 * Each gives ended chats per second (from the first ended chat to the last run's finish), the worker's
 * statements per chat, the web tier's per webhook, Salesforce calls per chat (the emulator's log), and
 * each process's CPU time per chat (from /proc: what the figures cost, whatever else the machine runs).
 *
 * BENCH_DEBUG=1 prints a timeline of each run; BENCH_PROFILE=<folder> writes the worker's CPU profile.
 */
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { demoLinkedSet, demoMappings } from '../emulators/demo/demo';
import { demoAgents, demoLicense } from '../emulators/demo/people';
import { demoClient } from '../emulators/livechat';
import { demoConnectedApp } from '../emulators/salesforce';
import { createServices } from '../server/app';
import { parseConfig } from '../server/config';
import { findFreePort } from '../server/db/embeddedPostgres';
import { createDatabase, type Database } from '../server/db/prisma';
import { createMapping, listMappings } from '../server/mappings/mappings.repo';
import type { Mapping } from '../src/mapping/mapping';
import { DEMO_ORG, isDone } from '../tests/support/automation';
import { createEmptyDatabase } from '../tests/support/database';
import { startWireCounter, type WireCounter } from '../tests/support/pgWire';
import { startProcess, type BenchProcess } from './support/processes';

const SALESFORCE_LATENCY_MS = 150;
const ONE_MAPPING_CHATS = 300;
const THREE_RECORD_CHATS = 150;
const LINKED_SET_CHATS = 150;
const owner = demoAgents.find((a) => a.role === 'owner')!;
const agentEmail = 'nora.agent@demo-shop.example';

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function http<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Statements on every connection of a process, each statement of a multi-statement simple query
 * counted (pg-boss sends "BEGIN; …; COMMIT" scripts as one), BEGIN and COMMIT included.
 */
const statementsOf = (counter: WireCounter) =>
  counter.traffic().reduce((n, c) => n + c.statements.reduce((m, text) => m + statementCount(text), 0), 0);
const roundTripsOf = (counter: WireCounter) => counter.traffic().reduce((n, c) => n + c.roundTrips, 0);

/** How many statements a query text holds: semicolons outside quotes and dollar quotes split it. */
function statementCount(sql: string): number {
  let count = 0;
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    const quote =
      c === "'" || c === '"' ? c : c === '$' ? /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0] : undefined;
    if (quote) {
      const end = sql.indexOf(quote, i + quote.length);
      const stop = end === -1 ? sql.length : end + quote.length;
      current += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === ';') {
      if (current.trim()) count++;
      current = '';
    } else current += c;
  }
  return count + (current.trim() ? 1 : 0);
}

/** Runs `fn` over `items`, `width` at a time. */
async function inParallel<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!);
      }
    }),
  );
  return out;
}

/** The Case of the three-record set: one per chat, no duplicate check. */
const caseMapping: Mapping = {
  objectName: 'Case',
  fields: [
    { entryType: 'static', field: 'Subject', value: 'LiveChat conversation' },
    { entryType: 'static', field: 'Origin', value: 'Chat' },
    { entryType: 'dynamic', field: 'SuppliedEmail', source: 'visitor.email' },
    { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
  ],
  searchableFields: [],
  automation: true,
  duplicatePolicy: 'create',
  autoAssign: false,
};

interface SetUp {
  livechatUrl: string;
  salesforceUrl: string;
  db: Database;
  web: WireCounter;
  worker: WireCounter;
  accountId: string;
  /** The processes by role, for their CPU time. */
  roles: Record<'livechat' | 'salesforce' | 'web' | 'worker', BenchProcess>;
  close(): Promise<void>;
}

/** The demo's license installed and org connected, as the demo does at start, through the emulators' admin APIs. */
async function seed(env: NodeJS.ProcessEnv, db: Database, livechatUrl: string, salesforceUrl: string) {
  const parsed = parseConfig(env);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const logger = pino({ level: 'warn' });
  const services = createServices({ config: parsed.config, logger, db });
  const agent = {
    licenseId: demoLicense.organizationId,
    accountId: owner.accountId,
    email: owner.email,
    name: owner.name,
    role: 'owner' as const,
    groupIds: [],
  };
  await db.license.upsert({
    where: { id: agent.licenseId },
    create: { id: agent.licenseId, licenseNumber: demoLicense.licenseId },
    update: {},
  });
  await services.installation.installWithTokens(
    agent,
    await http(`${livechatUrl}/__admin/tokens`, {
      body: { email: owner.email, client_id: demoClient.clientId },
    }),
  );
  const session = await http<{
    accessToken: string;
    refreshToken: string;
    instanceUrl: string;
    orgId: string;
    userId: string;
  }>(`${salesforceUrl}/__admin/sessions`, {
    body: { username: owner.email, clientId: demoConnectedApp.clientId },
  });
  const account = await db.salesforceAccount.create({
    data: {
      licenseId: agent.licenseId,
      label: 'Demo Shop',
      environment: 'production',
      orgId: session.orgId,
      orgName: 'Demo Shop',
      connectedUserId: session.userId,
      connectedUserName: owner.name,
      connectedUserEmail: owner.email,
      connectedByEmail: owner.email,
      connectedAt: new Date(),
      accessTokenEnc: services.secretBox.encrypt(session.accessToken),
      refreshTokenEnc: services.secretBox.encrypt(session.refreshToken),
      tokenKeyId: services.secretBox.keyId,
      instanceUrl: session.instanceUrl,
      loginUrl: salesforceUrl,
      status: 'connected',
      accessRule: { create: { mode: 'everyone' } },
    },
  });
  for (const mapping of demoMappings)
    await createMapping(db, {
      licenseId: agent.licenseId,
      accountId: account.id,
      objectLabel: mapping.objectName,
      mapping,
    });
  await services.apiUsage.stop();
  return account.id;
}

async function setUp(): Promise<SetUp> {
  const processes: BenchProcess[] = [];
  const database = await createEmptyDatabase('bench_automation');
  const web = await startWireCounter(database.url);
  const worker = await startWireCounter(database.url);
  const webPort = await findFreePort();
  const appUrl = `http://localhost:${webPort}`;

  const [livechat, salesforce] = await Promise.all([
    startProcess('emulators/livechat/cli.ts', ['--port', String(await findFreePort()), '--app-url', appUrl], {
      ready: /LiveChat emulator listening on (\S+)/,
    }),
    startProcess('emulators/salesforce/cli.ts', ['--port', String(await findFreePort())], {
      ready: /Salesforce emulator listening on (\S+)/,
    }),
  ]);
  processes.push(livechat.process, salesforce.process);
  const livechatUrl = livechat.match[1]!;
  const salesforceUrl = salesforce.match[1]!;
  const pat = await http<{ accountId: string; token: string }>(
    `${livechatUrl}/__admin/personal-access-tokens`,
    {
      body: { email: owner.email, scopes: ['webhooks.configuration:rw'] },
    },
  );

  const env = (databaseUrl: string): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(webPort),
    HOST: '127.0.0.1',
    PUBLIC_URL: appUrl,
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: encryptionKey,
    LIVECHAT_CLIENT_ID: demoClient.clientId,
    LIVECHAT_CLIENT_SECRET: demoClient.clientSecret ?? '',
    LIVECHAT_ACCOUNTS_URL: livechatUrl,
    LIVECHAT_API_URL: livechatUrl,
    LIVECHAT_AUTHOR_PAT: `${pat.accountId}:${pat.token}`,
    SALESFORCE_CLIENT_ID: demoConnectedApp.clientId,
    SALESFORCE_CLIENT_SECRET: demoConnectedApp.clientSecret,
    SALESFORCE_PRODUCTION_LOGIN_URL: salesforceUrl,
    SALESFORCE_SANDBOX_LOGIN_URL: salesforceUrl,
    SALESFORCE_ALLOWED_LOGIN_HOSTS:
      'login.salesforce.com,test.salesforce.com,*.my.salesforce.com,127.0.0.1,localhost',
  });
  const encryptionKey = randomBytes(32).toString('base64');

  // The web tier first: it migrates the database and registers the app's webhooks with LiveChat.
  const webApp = await startProcess('server/main.ts', [], {
    env: { ...env(web.url), AUTOMATION_WORKER: 'none' },
    ready: /is listening on/,
  });
  processes.push(webApp.process);
  const db = createDatabase(database.url, { max: 2 });
  const accountId = await seed(env(database.url), db, livechatUrl, salesforceUrl);
  const workerApp = await startProcess('server/worker.ts', [], {
    env: {
      ...env(worker.url),
      ...(process.env.BENCH_PROFILE
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE}` }
        : {}),
    },
    ready: /automation worker started/,
  });
  processes.push(workerApp.process);
  await http(`${salesforceUrl}/__admin/latency`, { method: 'PUT', body: { ms: SALESFORCE_LATENCY_MS } });

  return {
    livechatUrl,
    salesforceUrl,
    db,
    web,
    worker,
    accountId,
    roles: {
      livechat: livechat.process,
      salesforce: salesforce.process,
      web: webApp.process,
      worker: workerApp.process,
    },
    close: async () => {
      for (const p of processes.reverse()) await p.stop();
      await db.$disconnect();
      await web.close();
      await worker.close();
      await database.drop();
    },
  };
}

/** BENCH_DEBUG=1: where the time went (webhooks stored, runs taken and finished, run lengths, CPU). */
async function timeline(
  s: SetUp,
  tag: string,
  chatIds: string[],
  started: number,
  cpuMsPerChat: Record<string, number>,
) {
  const where = { chatId: { in: chatIds } };
  const events = await s.db.webhookEvent.aggregate({
    where,
    _min: { receivedAt: true },
    _max: { receivedAt: true },
  });
  const runs = await s.db.automationRun.findMany({ where, select: { createdAt: true, finishedAt: true } });
  const at = (d: Date | null | undefined) => (d ? d.getTime() - started : NaN);
  const lengths = runs.map((r) => r.finishedAt!.getTime() - r.createdAt.getTime()).sort((x, y) => x - y);
  // The most runs in flight at once.
  const edges = runs.flatMap((r) => [
    { t: r.createdAt.getTime(), d: 1 },
    { t: r.finishedAt!.getTime(), d: -1 },
  ]);
  edges.sort((x, y) => x.t - y.t || x.d - y.d);
  let inFlight = 0;
  let most = 0;
  for (const e of edges) most = Math.max(most, (inFlight += e.d));
  const span = (values: number[]) => `${Math.min(...values)}..${Math.max(...values)} ms`;
  process.stdout.write(
    [
      `${tag}: webhooks stored ${at(events._min.receivedAt)}..${at(events._max.receivedAt)} ms`,
      `runs taken ${span(runs.map((r) => at(r.createdAt)))}, finished ${span(runs.map((r) => at(r.finishedAt)))}`,
      `run length p50 ${lengths[Math.floor(lengths.length / 2)]} ms, p90 ${lengths[Math.floor(lengths.length * 0.9)]} ms, ${most} at once`,
      `CPU ms per chat ${JSON.stringify(cpuMsPerChat)}`,
    ].join('; ') + '\n',
  );
}

/** Ends `count` chats of new visitors at once and waits until each of their runs has an outcome. */
async function burst(s: SetUp, tag: string, count: number, runsPerChat: number) {
  const chats = await inParallel(
    Array.from({ length: count }, (_, i) => i),
    8,
    (i) =>
      http<{ chatId: string }>(`${s.livechatUrl}/__admin/licenses/${demoLicense.licenseId}/chats`, {
        body: {
          visitor: { name: `Bench ${tag} Visitor${i}`, email: `bench.${tag}.${i}@example.com` },
          agentEmail,
          messages: [
            ['c', 'Hello, I would like a quote.'],
            ['a', 'Sure, let me help you.'],
          ],
        },
      }),
  );
  const chatIds = chats.map((c) => c.chatId);
  await http(`${s.salesforceUrl}/__admin/calls`, { method: 'DELETE' });
  s.web.reset();
  s.worker.reset();

  const cpuBefore = Object.fromEntries(Object.entries(s.roles).map(([k, p]) => [k, p.cpuSeconds()]));
  const started = Date.now();
  await inParallel(chatIds, 16, (chatId) =>
    http(`${s.livechatUrl}/__admin/licenses/${demoLicense.licenseId}/chats/${chatId}/end`, { body: {} }),
  );
  const deadline = started + 120_000;
  for (;;) {
    const done = await s.db.automationRun.count({
      where: {
        chatId: { in: chatIds },
        status: { in: ['created', 'linked', 'updated', 'skipped', 'failed'] },
      },
    });
    if (done >= count * runsPerChat) break;
    if (Date.now() > deadline) throw new Error(`only ${done} of ${count * runsPerChat} runs finished`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const last = await s.db.automationRun.aggregate({
    where: { chatId: { in: chatIds } },
    _max: { finishedAt: true },
  });
  const seconds = (last._max.finishedAt!.getTime() - started) / 1000;
  const cpuMsPerChat = Object.fromEntries(
    Object.entries(s.roles).map(([k, p]) => [k, round(((p.cpuSeconds() - cpuBefore[k]!) * 1000) / count, 1)]),
  );
  if (process.env.BENCH_DEBUG) await timeline(s, tag, chatIds, started, cpuMsPerChat);
  // The last completions and usage writes land within moments.
  await new Promise((r) => setTimeout(r, 500));
  const calls = await http<{ count: number }>(
    `${s.salesforceUrl}/__admin/orgs/${DEMO_ORG}/calls?counted=true`,
  );
  const statuses = await s.db.automationRun.groupBy({
    by: ['status'],
    where: { chatId: { in: chatIds } },
    _count: true,
  });
  if (statuses.some((r) => !isDone(r.status) || r.status === 'failed'))
    throw new Error(`runs ended otherwise: ${JSON.stringify(statuses)}`);
  return {
    chatsPerSecond: count / seconds,
    seconds,
    workerStatementsPerChat: statementsOf(s.worker) / count,
    workerRoundTripsPerChat: roundTripsOf(s.worker) / count,
    webStatementsPerChat: statementsOf(s.web) / count,
    webRoundTripsPerChat: roundTripsOf(s.web) / count,
    salesforceCallsPerChat: calls.count / count,
    cpuMsPerChat,
    outcomes: statuses.map((r) => `${r.status} ${r._count}`).join(', '),
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const s = await setUp();
  try {
    await burst(s, 'warm', 2, 1);
    const one = await burst(s, `one${Date.now()}`, ONE_MAPPING_CHATS, 1);

    // The three-record set: the Contact mapping too, and a Case.
    await s.db.objectMapping.updateMany({ where: { objectName: 'Contact' }, data: { automation: true } });
    if (
      !(await listMappings(s.db, demoLicense.organizationId, s.accountId)).some(
        (m) => m.objectName === 'Case',
      )
    )
      await createMapping(s.db, {
        licenseId: demoLicense.organizationId,
        accountId: s.accountId,
        objectLabel: 'Case',
        mapping: caseMapping,
      });
    await burst(s, 'warm3', 2, 3);
    const three = await burst(s, `three${Date.now()}`, THREE_RECORD_CHATS, 3);

    // The linked set: Contact (link) → Case (ContactId) → conversation Task (WhoId, WhatId), alone.
    await s.db.objectMapping.deleteMany({ where: { accountId: s.accountId } });
    for (const mapping of demoLinkedSet)
      await createMapping(s.db, {
        licenseId: demoLicense.organizationId,
        accountId: s.accountId,
        objectLabel: mapping.objectName,
        mapping,
      });
    await burst(s, 'warmSet', 2, 3);
    const linked = await burst(s, `set${Date.now()}`, LINKED_SET_CHATS, 3);

    return {
      'automation.salesforceLatencyMs': SALESFORCE_LATENCY_MS,
      'automation.chats': ONE_MAPPING_CHATS,
      'automation.chatsPerSecond': round(one.chatsPerSecond),
      'automation.queriesPerChat': round(one.workerStatementsPerChat, 2),
      'automation.roundTripsPerChat': round(one.workerRoundTripsPerChat, 2),
      'automation.webhookQueriesPerChat': round(one.webStatementsPerChat, 2),
      'automation.webhookRoundTripsPerChat': round(one.webRoundTripsPerChat, 2),
      'automation.salesforceCallsPerChat': round(one.salesforceCallsPerChat, 2),
      'automation.workerCpuMsPerChat': one.cpuMsPerChat.worker!,
      'automation.webCpuMsPerChat': one.cpuMsPerChat.web!,
      'automation.outcomes': one.outcomes,
      'automation.chatsThreeRecords': THREE_RECORD_CHATS,
      'automation.chatsPerSecondThreeRecords': round(three.chatsPerSecond),
      'automation.queriesPerChatThreeRecords': round(three.workerStatementsPerChat, 2),
      'automation.salesforceCallsPerChatThreeRecords': round(three.salesforceCallsPerChat, 2),
      'automation.workerCpuMsPerChatThreeRecords': three.cpuMsPerChat.worker!,
      'automation.outcomesThreeRecords': three.outcomes,
      'automation.chatsThreeMappings': LINKED_SET_CHATS,
      'automation.chatsPerSecondThreeMappings': round(linked.chatsPerSecond),
      'automation.queriesPerChatThreeMappings': round(linked.workerStatementsPerChat, 2),
      'automation.salesforceCallsPerChatThreeMappings': round(linked.salesforceCallsPerChat, 2),
      'automation.outcomesThreeMappings': linked.outcomes,
    };
  } finally {
    await s.close();
  }
}
