/**
 * The ended-chat webhook's acknowledgement, as LiveChat sees it: `chat_deactivated` posted at 200
 * requests a second (open loop: each request leaves on time whatever the answers do) to the app as
 * a deployment runs it (bench/support/productionStack.ts: the web process, its automation worker in
 * a process of its own, both emulators in processes of their own, this load generator in another),
 * with the Salesforce emulator answering in 150 ms.
 *
 * - Idle: the worker has nothing to create (the Lead mapping's automation is off, so each job ends
 *   at its first query).
 * - Busy: while the worker works through a backlog of ended chats (automation on); the records it
 *   created during the measure are counted, and the backlog must still be there when it ends.
 *
 * Latency is from the request's start to its answer's end; p50 and p99 of each window. The web
 * process's CPU time per acknowledgement (from /proc, in the idle window) says what an answer costs
 * whatever else the machine runs.
 */
import { endpoints } from '../src/api/endpoints';
import { demoLicense } from '../emulators/demo/people';
import { licenseNumber, startProductionStack, type ProductionStack } from './support/productionStack';

const RATE = 200;
const REQUESTS = 1_000;
const BACKLOG = 4_000;
const SALESFORCE_LATENCY_MS = 150;
const DEMO_ORG = '00D5g0000000001EAA';
const agent = 'nora.agent@demo-shop.example';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Registration {
  id: string;
  secret_key: string;
}

async function registration(stack: ProductionStack): Promise<Registration> {
  const hooks = (await stack.admin(`${stack.livechatUrl}/__admin/webhooks`, 'GET')) as (Registration & {
    action: string;
    url: string;
  })[];
  const ours = hooks.find((h) => h.action === 'chat_deactivated' && h.url.startsWith(stack.appUrl));
  if (!ours) throw new Error('the app registered no chat_deactivated webhook');
  return ours;
}

/** Chats of new visitors in LiveChat's archives (`active: false`: no webhook fires for them). */
async function archivedChats(stack: ProductionStack, n: number, tag: string) {
  const chats: { chatId: string; threadId: string }[] = [];
  for (let i = 0; i < n; i++) {
    chats.push(
      (await stack.admin(`${stack.livechatUrl}/__admin/licenses/${licenseNumber}/chats`, 'POST', {
        visitor: { name: `Hook ${tag} Visitor${i}`, email: `bench.${tag}.${i}@example.com` },
        agentEmail: agent,
        active: false,
        messages: [
          ['c', 'Hello, I would like a quote.'],
          ['a', 'Sure, let me help you.'],
        ],
      })) as { chatId: string; threadId: string },
    );
  }
  return chats;
}

/** Posts one webhook per chat, `RATE` a second on schedule; each answer's latency, sorted. */
async function fire(
  stack: ProductionStack,
  hook: Registration,
  chats: { chatId: string; threadId: string }[],
) {
  const bodies = chats.map(({ chatId, threadId }) =>
    JSON.stringify({
      webhook_id: hook.id,
      secret_key: hook.secret_key,
      action: 'chat_deactivated',
      organization_id: demoLicense.organizationId,
      payload: { chat_id: chatId, thread_id: threadId },
      additional_data: {},
    }),
  );
  // A refusal is counted, not thrown: an app that cannot keep up answers some with 5xx, and LiveChat
  // delivers those again later.
  let refused = 0;
  const post = async (body: string) => {
    const started = performance.now();
    const res = await fetch(`${stack.appUrl}/webhooks/livechat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    await res.arrayBuffer();
    if (res.status !== 200) refused++;
    return performance.now() - started;
  };
  const interval = 1000 / RATE;
  const start = performance.now();
  const answers: Promise<number>[] = [];
  let lateMs = 0;
  for (let i = 0; i < bodies.length; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 1) await sleep(wait);
    lateMs = Math.max(lateMs, performance.now() - (start + i * interval));
    answers.push(post(bodies[i]!));
  }
  const times = (await Promise.all(answers)).sort((a, b) => a - b);
  return { times, lateMs, refused, seconds: (performance.now() - start) / 1000 };
}

async function setLeadAutomation(stack: ProductionStack, automation: boolean) {
  const [account] = (await stack.call(endpoints.listAccounts)).accounts;
  const { mappings } = await stack.call(endpoints.listMappings, { params: { id: account!.id } });
  const lead = mappings.find((m) => m.objectName === 'Lead')!;
  const { id, accountId: _a, objectLabel: _l, createdAt: _c, updatedAt: _u, ...mapping } = lead;
  await stack.call(endpoints.updateMapping, { params: { mappingId: id }, body: { ...mapping, automation } });
}

const leadsCreated = async (stack: ProductionStack, tag: string) =>
  (
    (await stack.admin(`${stack.salesforceUrl}/__admin/orgs/${DEMO_ORG}/records/Lead`, 'GET')) as {
      Email?: string;
    }[]
  ).filter((l) => l.Email?.startsWith(`bench.${tag}.`)).length;

export async function run(): Promise<Record<string, number | string>> {
  const stack = await startProductionStack();
  try {
    await stack.admin(`${stack.salesforceUrl}/__admin/latency`, 'PUT', { ms: SALESFORCE_LATENCY_MS });
    const hook = await registration(stack);
    // Warm up: connections, the first job, the org's describes.
    await fire(stack, hook, await archivedChats(stack, 50, 'warm'));

    await setLeadAutomation(stack, false);
    const idleChats = await archivedChats(stack, REQUESTS, 'idle');
    const cpuBefore = stack.app.cpuSeconds();
    const idle = await fire(stack, hook, idleChats);
    const webCpuMsPerAck = ((stack.app.cpuSeconds() - cpuBefore) * 1000) / REQUESTS;
    await setLeadAutomation(stack, true);

    // The backlog: chats ended in LiveChat, whose webhooks the emulator delivers as LiveChat does.
    const busyChats = await archivedChats(stack, REQUESTS, 'busy');
    const endChat = async (i: number) => {
      const chats = `${stack.livechatUrl}/__admin/licenses/${licenseNumber}/chats`;
      const { chatId } = (await stack.admin(chats, 'POST', {
        visitor: { name: `Backlog Visitor${i}`, email: `bench.backlog.${i}@example.com` },
        agentEmail: agent,
        messages: [
          ['c', 'Hello, I would like a quote.'],
          ['a', 'Sure, let me help you.'],
        ],
      })) as { chatId: string };
      await stack.admin(`${chats}/${chatId}/end`, 'POST', {});
    };
    for (let i = 0; i < BACKLOG; i += 20) {
      await Promise.all(Array.from({ length: Math.min(20, BACKLOG - i) }, (_, j) => endChat(i + j)));
    }
    for (;;) {
      const deliveries = (await stack.admin(`${stack.livechatUrl}/__admin/deliveries`, 'GET')) as {
        body: { action: string };
      }[];
      if (deliveries.filter((d) => d.body.action === 'chat_deactivated').length >= BACKLOG) break;
      await sleep(1_000);
    }
    const before = await leadsCreated(stack, 'backlog');
    const busy = await fire(stack, hook, busyChats);
    const after = await leadsCreated(stack, 'backlog');
    if (after >= BACKLOG) throw new Error('the worker finished its backlog before the busy measure ended');

    return {
      'webhook.ackP50MsIdle': round(percentile(idle.times, 50), 2),
      'webhook.ackP99MsIdle': round(percentile(idle.times, 99), 2),
      'webhook.ackP50MsBusy': round(percentile(busy.times, 50), 2),
      'webhook.ackP99MsBusy': round(percentile(busy.times, 99), 2),
      'webhook.ackMaxMsBusy': round(busy.times.at(-1) ?? NaN, 2),
      'webhook.webCpuMsPerAck': round(webCpuMsPerAck, 2),
      'webhook.requestsPerWindow': REQUESTS,
      'webhook.rateIdle': round(REQUESTS / idle.seconds, 1),
      'webhook.rateBusy': round(REQUESTS / busy.seconds, 1),
      'webhook.refusedIdle': idle.refused,
      'webhook.refusedBusy': busy.refused,
      'webhook.generatorLateMsMax': round(Math.max(idle.lateMs, busy.lateMs), 1),
      'webhook.busyRecordsCreatedDuringMeasure': after - before,
    };
  } finally {
    await stack.stop();
  }
}
