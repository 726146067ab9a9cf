import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import type { RelatedResponse } from '../../../src/api/widget';
import { createCall, createHttp } from '../../../ui/api/http';
import { DEMO_ORG, eventually, isDone, leadsWithEmail, runsOf } from '../../support/automation';
import { demoLicense, demoVisitors, nora } from '../../support/factories/people';
import { startWorldForWorkers, type WebProcess, type WorkerProcess } from '../../support/workerProcess';
import type { World } from '../../support/world';

/**
 * The app scaled out on one PostgreSQL: two web processes (`AUTOMATION_WORKER=none`) behind a load
 * balancer that alternates between them, and two worker processes (`npm run worker`), all configured
 * from the environment as in production, against the emulators.
 */
let world: World;
let workers: Awaited<ReturnType<typeof startWorldForWorkers>>;
let web: WebProcess[];
// A job whose worker died goes to another after 15 s; a run's lease is as long. Retries enough that
// a chat never runs out of them in the storm (each attempt fails at about 60 %).
const env = { AUTOMATION_JOB_TIMEOUT_SECONDS: '15', AUTOMATION_RETRY_LIMIT: '50' };

beforeAll(async () => {
  workers = await startWorldForWorkers('scaleout');
  world = workers.world;
  web = await Promise.all([workers.spawnWeb(env), workers.spawnWeb(env)]);
}, 180_000);
afterAll(async () => {
  await workers?.close();
});

type Call = ReturnType<typeof createCall>;

const started = (worker: WorkerProcess) =>
  eventually(() => expect(worker.output()).toContain('automation worker started'), 90_000, 100);

describe('two web processes and two workers on one PostgreSQL', () => {
  it('creates every ended chat’s record exactly once through a Salesforce storm, a killed worker and redeliveries', async () => {
    const registration = world.livechat.admin.webhooks().find((w) => w.action === 'chat_deactivated')!;
    const deliver = (to: WebProcess, chat: { chatId: string; threadId: string }) =>
      fetch(`${to.url}/webhooks/livechat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          webhook_id: registration.id,
          secret_key: registration.secret_key,
          action: 'chat_deactivated',
          organization_id: demoLicense.organizationId,
          payload: { chat_id: chat.chatId, thread_id: chat.threadId },
          additional_data: {},
        }),
      }).then(async (res) => {
        expect(res.status).toBe(200);
        return ((await res.json()) as { stored: boolean }).stored;
      });
    const visitors = Array.from({ length: 30 }, (_, i) => ({
      name: `Scale Visitor${i}`,
      email: `scale.${i}@example.com`,
    }));
    // Ended chats in LiveChat's archives; the test is LiveChat delivering their webhooks.
    const chats = visitors.map((visitor) =>
      world.livechat.admin.createChat(demoLicense.licenseId, {
        visitor,
        agentEmail: nora.email,
        active: false,
        messages: [
          ['c', 'Hello, I would like a quote.'],
          ['a', 'Sure, let me help you.'],
        ],
      }),
    );

    const first = workers.spawn(env);
    const second = workers.spawn(env);
    await Promise.all([started(first), started(second)]);
    // The storm: slow answers, 5xx, the daily limit, gateway pages, and requests that hang.
    world.salesforce.admin.setLatency(100);
    world.salesforce.admin.failRate({
      probability: 0.35,
      kind: [503, 500, 'REQUEST_LIMIT_EXCEEDED', 'HTML_502'],
      orgId: DEMO_ORG,
      seed: 17,
    });
    world.salesforce.admin.failNext(2, { kind: 'hang', orgId: DEMO_ORG });

    // Alternating between the web processes; every third chat delivered twice at once, to both.
    const stored = await Promise.all(
      chats.flatMap((chat, i) => {
        const to = web[i % 2]!;
        return i % 3 === 0 ? [deliver(to, chat), deliver(web[(i + 1) % 2]!, chat)] : [deliver(to, chat)];
      }),
    );
    expect(stored.filter(Boolean)).toHaveLength(chats.length);

    // The hung requests answer once the faults are lifted (well within the lease), the storm goes on.
    await eventually(
      async () =>
        expect(
          await world.app.db.automationRun.count({ where: { status: 'created' } }),
        ).toBeGreaterThanOrEqual(3),
      90_000,
      50,
    );
    world.salesforce.admin.clearFaults();
    world.salesforce.admin.failRate({
      probability: 0.35,
      kind: [503, 500, 'REQUEST_LIMIT_EXCEEDED', 'HTML_502'],
      orgId: DEMO_ORG,
      seed: 18,
    });

    // A worker dies mid-batch and is started again.
    await eventually(
      async () =>
        expect(
          await world.app.db.automationRun.count({ where: { status: 'created' } }),
        ).toBeGreaterThanOrEqual(6),
      90_000,
      50,
    );
    first.kill();
    expect(await world.app.db.automationRun.count({ where: { status: 'created' } })).toBeLessThan(
      chats.length,
    );
    const restarted = workers.spawn(env);

    // LiveChat delivers some again, to either process.
    const again = await Promise.all(chats.slice(0, 10).map((chat, i) => deliver(web[i % 2]!, chat)));
    expect(again.filter(Boolean)).toEqual([]);

    await eventually(
      async () => {
        for (const chat of chats) {
          const runs = await runsOf(world, chat.chatId);
          expect(runs).toHaveLength(1);
          expect(isDone(runs[0]!.status), `${chat.chatId} ${runs[0]!.status}`).toBe(true);
        }
      },
      150_000,
      250,
    );
    world.salesforce.admin.clearFaults();
    world.salesforce.admin.setLatency(0);
    const runs = await world.app.db.automationRun.findMany({
      select: { chatId: true, status: true, errorMessage: true },
    });
    expect(runs.filter((r) => r.status !== 'created')).toEqual([]);
    expect(runs).toHaveLength(chats.length);
    for (const v of visitors) expect(leadsWithEmail(world, v.email), v.email).toHaveLength(1);
    for (const chat of chats) {
      expect(await world.app.db.webhookEvent.count({ where: { chatId: chat.chatId } })).toBe(1);
    }
    expect(world.salesforce.admin.calls(DEMO_ORG, { counted: false }).length).toBeGreaterThan(0);
    await restarted.stop();
    await second.stop();
  }, 300_000);

  it('shows a record created through one web process at once through the other', async () => {
    const token = world.tokenFor(nora.email);
    const [a, b] = web.map((w) =>
      createCall(createHttp({ baseUrl: w.url, getToken: () => Promise.resolve(token) })),
    ) as [Call, Call];
    const { newVisitor: zoe } = demoVisitors;
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: zoe.name, email: zoe.email },
      agentEmail: nora.email,
    });
    const contacts = (answer: RelatedResponse) =>
      answer.accounts[0]!.objects.find((o) => o.objectName === 'Contact')!.records;

    // B answers (and keeps) the visitor's records: no Contact yet.
    expect(contacts(await b(endpoints.related, { query: { chatId } }))).toEqual([]);
    expect(contacts(await b(endpoints.related, { query: { chatId } }))).toEqual([]);

    // The agent's widget, served by A, creates the Contact from the chat.
    const forms = await a(endpoints.forms, { query: { chatId } });
    const form = forms.accounts[0]!.forms.find((f) => f.objectName === 'Contact')!;
    const values = Object.fromEntries(form.fields.map((f) => [f.name, f.value]));
    const created = await a(endpoints.createRecord, { body: { chatId, mappingId: form.mappingId, values } });

    // B's next answer, without asking for a refresh, has it.
    const seen = contacts(await b(endpoints.related, { query: { chatId } }));
    expect(seen.map((r) => r.id)).toEqual([created.record.id]);
  }, 60_000);
});
