/**
 * Automation's benchmark, against the emulators with the real app and one worker (the demo wiring):
 * Salesforce calls per ended chat (counted from the Salesforce emulator's log) for the seeded Lead
 * mapping (duplicate policy "link": search, then auto-match and create) and for the same mapping with
 * policy "create"; how long the webhook endpoint takes to acknowledge `chat_deactivated` (p50/p99);
 * and how many ended chats one worker turns into records per second.
 */
import { demoLicense } from '../emulators/demo/people';
import { DEMO_ORG, isDone } from '../tests/support/automation';
import { startWorld, type World } from '../tests/support/world';

const THROUGHPUT_CHATS = 50;
const CREATE_POLICY_CHATS = 20;
const WEBHOOKS = 200;
const owner = 'olivia.owner@demo-shop.example';
const agent = 'nora.agent@demo-shop.example';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Active chats of new visitors (no Lead yet), each to be ended by the caller. */
function newChats(world: World, n: number, tag: string) {
  return Array.from(
    { length: n },
    (_, i) =>
      world.livechat.admin.createChat(demoLicense.licenseId, {
        visitor: { name: `Bench ${tag} Visitor${i}`, email: `bench.${tag}.${i}@example.com` },
        agentEmail: agent,
        messages: [
          ['c', 'Hello, I would like a quote.'],
          ['a', 'Sure, let me help you.'],
        ],
      }).chatId,
  );
}

/** Polls the runs of these chats until every one has an outcome; answers the time it took from `since`. */
async function untilAllDone(
  world: World,
  chatIds: string[],
  since: number,
  timeoutMs = 40_000,
): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    const runs = await world.app.db.automationRun.findMany({
      where: { chatId: { in: chatIds } },
      select: { status: true },
    });
    if (runs.length >= chatIds.length && runs.every((r) => isDone(r.status)))
      return performance.now() - since;
    if (performance.now() > deadline) {
      throw new Error(
        `only ${runs.filter((r) => isDone(r.status)).length} of ${chatIds.length} runs finished`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function statuses(world: World, chatIds: string[]) {
  const runs = await world.app.db.automationRun.groupBy({
    by: ['status'],
    where: { chatId: { in: chatIds } },
    _count: true,
  });
  return runs.map((r) => `${r.status} ${r._count}`).join(', ');
}

/** Ends the chats at once (webhooks fire), waits for every run; calls are counted from a clean log. */
async function endAll(world: World, chatIds: string[]) {
  world.salesforce.admin.clearCalls(DEMO_ORG);
  const started = performance.now();
  for (const chatId of chatIds) world.livechat.admin.endChat(demoLicense.licenseId, chatId);
  const ms = await untilAllDone(world, chatIds, started);
  return { ms, calls: world.salesforce.admin.callCount(DEMO_ORG, { counted: true }) };
}

async function setLeadPolicy(world: World, policy: 'link' | 'create') {
  const token = world.tokenFor(owner);
  const accountId = (await world.api(token, '/api/settings/accounts')).body.accounts[0].id as string;
  const mappings = (await world.api(token, `/api/settings/accounts/${accountId}/mappings`)).body.mappings;
  const lead = mappings.find((m: { objectName: string }) => m.objectName === 'Lead');
  const { id, accountId: _a, objectLabel: _l, createdAt: _c, updatedAt: _u, ...mapping } = lead;
  const saved = await world.api(token, `/api/settings/mappings/${id}`, {
    method: 'PUT',
    body: { ...mapping, duplicatePolicy: policy },
  });
  if (saved.status !== 200)
    throw new Error(`saving the Lead mapping answered ${saved.status}: ${saved.text}`);
}

/** POSTs `chat_deactivated` as LiveChat would, one at a time, for archived chats of the license. */
/** The registration's own id and secret, as LiveChat sends them with each delivery. */
async function webhookLatencies(world: World, registration: { webhookId: string; secret: string }) {
  const chats = Array.from({ length: WEBHOOKS }, (_, i) =>
    world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: `Hook Visitor${i}`, email: `bench.hook.${i}@example.com` },
      agentEmail: agent,
      active: false,
    }),
  );
  const times: number[] = [];
  for (const { chatId, threadId } of chats) {
    const body = JSON.stringify({
      webhook_id: registration.webhookId,
      secret_key: registration.secret,
      action: 'chat_deactivated',
      organization_id: demoLicense.organizationId,
      payload: { chat_id: chatId, thread_id: threadId },
    });
    const started = performance.now();
    const res = await fetch(`${world.appUrl}/webhooks/livechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`the webhook answered ${res.status}`);
  }
  return times.sort((a, b) => a - b);
}

export async function run(): Promise<Record<string, number | string>> {
  const world = await startWorld({ seed: true });
  try {
    // Warm up: the org's describes are cached once per org, not per chat, and the worker's first job.
    const warm = newChats(world, 1, 'warm');
    await endAll(world, warm);
    const delivered = world.livechat.admin.deliveries().find((d) => d.body.payload.chat_id === warm[0]);
    if (!delivered) throw new Error('the emulator delivered no webhook');

    // Policy "link" (the seeded mapping), new visitors: also the throughput of one worker.
    const linkChats = newChats(world, THROUGHPUT_CHATS, 'link');
    const link = await endAll(world, linkChats);
    const linkOutcomes = await statuses(world, linkChats);

    await setLeadPolicy(world, 'create');
    const createChats = newChats(world, CREATE_POLICY_CHATS, 'create');
    const create = await endAll(world, createChats);
    const createOutcomes = await statuses(world, createChats);

    const latencies = await webhookLatencies(world, {
      webhookId: delivered.body.webhook_id,
      secret: delivered.body.secret_key,
    });

    return {
      'chats ended at once': THROUGHPUT_CHATS,
      'time until all runs finished (s)': round(link.ms / 1000, 2),
      'chats processed per second (one worker)': round(THROUGHPUT_CHATS / (link.ms / 1000), 1),
      'policy link: outcomes': linkOutcomes,
      'policy link: Salesforce calls per ended chat': round(link.calls / THROUGHPUT_CHATS, 2),
      'policy create: outcomes': createOutcomes,
      'policy create: Salesforce calls per ended chat': round(create.calls / CREATE_POLICY_CHATS, 2),
      'webhooks posted': WEBHOOKS,
      'webhook ack p50 (ms)': round(percentile(latencies, 50), 2),
      'webhook ack p99 (ms)': round(percentile(latencies, 99), 2),
      'webhook ack max (ms)': round(latencies.at(-1) ?? NaN, 2),
    };
  } finally {
    await world.close();
  }
}
