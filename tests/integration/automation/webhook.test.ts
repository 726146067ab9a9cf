import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import {
  DEMO_ORG,
  endNewChat,
  eventually,
  leadsWithEmail,
  queueIsIdle,
  runsOf,
} from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { demoLicense, olivia } from '../../support/factories/people';

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: true });
});
afterAll(async () => {
  await world?.close();
});

const post = (body: unknown) =>
  fetch(`${world.appUrl}/webhooks/livechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('the ended-chat webhook', () => {
  it('creates the mapped Lead once, however often the webhook is delivered', async () => {
    const ended = endNewChat(world, { name: 'Ines Ferreira', email: 'ines.ferreira@example.pt' });
    const lead = await eventually(() => {
      const found = leadsWithEmail(world, 'ines.ferreira@example.pt');
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(lead).toMatchObject({
      LastName: 'Ferreira',
      FirstName: 'Ines',
      Company: 'Unknown (LiveChat)',
      LeadSource: 'Web',
    });
    expect(lead.OwnerId).toBe('0055g0000000004AAA'); // Nora, auto-matched by the agent's email, kept (no auto-assign)
    expect(String(lead.Description)).toContain('Ines Ferreira: Hello, I would like a quote.');

    const delivered = world.livechat.admin.deliveries().find((d) => d.body.payload.chat_id === ended.chatId)!;
    for (let i = 0; i < 4; i++) {
      const res = await post(delivered.body);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, stored: false });
    }
    await queueIsIdle(world);
    expect(leadsWithEmail(world, 'ines.ferreira@example.pt')).toHaveLength(1);
    const runs = await runsOf(world, ended.chatId);
    expect(runs.map((r) => [r.objectName, r.status])).toEqual([['Lead', 'created']]);
    expect(await world.app.db.webhookEvent.count({ where: { chatId: ended.chatId } })).toBe(1);
  });

  it('spends one Salesforce call per chat for a "link" mapping with an auto-matched owner, the org’s duplicate rule checking Email', async () => {
    world.salesforce.admin.clearCalls(DEMO_ORG);
    const ended = endNewChat(world, { name: 'Jonas Berg', email: 'jonas.berg@example.se' });
    const run = await eventually(async () => {
      const [r] = await runsOf(world, ended.chatId);
      expect(r?.status).toBe('created');
      return r!;
    });
    // The org's duplicate rules were read with the first chat of this file (and are cached for 15 minutes).
    const calls = world.salesforce.admin.calls(DEMO_ORG, { counted: true });
    expect(calls.map((c) => c.kind)).toEqual(['composite']);
    expect(run.sfCalls).toBe(1);
  });

  it('links to the existing Lead instead of creating a second one', async () => {
    const ended = endNewChat(world, { name: 'Maria Garcia', email: 'maria.garcia@globex.example' });
    const run = await eventually(async () => {
      const [r] = await runsOf(world, ended.chatId);
      expect(r?.status).toBe('linked');
      return r!;
    });
    const leads = leadsWithEmail(world, 'maria.garcia@globex.example');
    expect(leads).toHaveLength(1);
    expect(run.recordId).toBe(leads[0]!.Id);
    expect(run.recordUrl).toBe(`${world.salesforceUrl}/lightning/r/Lead/${leads[0]!.Id}/view`);
    const page = await fetch(run.recordUrl!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('maria.garcia@globex.example');
  });

  it('answers 401 to a wrong secret and stores nothing', async () => {
    const before = await world.app.db.webhookEvent.count();
    const res = await post({
      webhook_id: 'x',
      secret_key: 'wrong',
      action: 'chat_deactivated',
      organization_id: demoLicense.organizationId,
      payload: { chat_id: 'ABCDEF1234', thread_id: 'T1' },
    });
    expect(res.status).toBe(401);
    expect(await world.app.db.webhookEvent.count()).toBe(before);
  });

  it('answers 401 to an unknown license and stores nothing', async () => {
    const before = await world.app.db.webhookEvent.count();
    const res = await post({
      secret_key: 'anything',
      action: 'chat_deactivated',
      organization_id: 'not-a-license',
      payload: { chat_id: 'ABCDEF1234', thread_id: 'T1' },
    });
    expect(res.status).toBe(401);
    expect(await world.app.db.webhookEvent.count()).toBe(before);
  });

  it('answers 400 to a payload without a chat id, saying what is missing', async () => {
    const res = await post({
      secret_key: 's',
      action: 'chat_deactivated',
      organization_id: 'o',
      payload: { thread_id: 'T' },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details.problems).toEqual([
      { path: 'body.payload.chat_id', message: expect.stringMatching(/chat_id/) },
    ]);
  });

  it('records a failed run with a clear reason when a required value is missing in the chat', async () => {
    const owner = world.tokenFor(olivia.email);
    const accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
    const { mappings } = await world.call(owner, endpoints.listMappings, { params: { id: accountId } });
    const lead = mappings.find((m) => m.objectName === 'Lead')!;
    const { id, accountId: _a, objectLabel: _l, createdAt: _c, updatedAt: _u, ...saved } = lead;
    const mapping = {
      ...saved,
      fields: saved.fields.map((f) =>
        f.field === 'Company'
          ? { entryType: 'dynamic' as const, field: 'Company', source: 'prechat:Company' as const }
          : f,
      ),
    };
    await world.call(owner, endpoints.updateMapping, { params: { mappingId: id }, body: mapping });

    const ended = endNewChat(world, { name: 'Karl Nilsen', email: 'karl.nilsen@example.no' });
    const run = await eventually(async () => {
      const [r] = await runsOf(world, ended.chatId);
      expect(r?.status).toBe('failed');
      return r!;
    });
    expect(run.errorMessage).toMatch(/Company/);
    expect(run.errorFields).toContain('Company');
    expect(leadsWithEmail(world, 'karl.nilsen@example.no')).toHaveLength(0);

    const activity = await world.call(owner, endpoints.listActivity, { query: { status: 'failed' } });
    expect(activity.runs[0]).toMatchObject({
      chatId: ended.chatId,
      status: 'failed',
      objectLabel: 'Lead',
      // Named by its visitor, and found by them.
      visitor: { name: 'Karl Nilsen', email: 'karl.nilsen@example.no' },
    });
    for (const visitor of ['karl', 'NILSEN@example']) {
      const found = await world.call(owner, endpoints.listActivity, { query: { visitor } });
      expect(found.runs.map((r) => r.chatId)).toEqual([ended.chatId]);
    }
    expect(
      (await world.call(owner, endpoints.listActivity, { query: { visitor: 'nobody-here' } })).runs,
    ).toEqual([]);

    // Fixed mapping + Retry. Suppose the failed attempt had in fact reached Salesforce: the retry
    // finds that record (created since the run's first attempt) instead of creating a second one.
    const fixed = {
      ...mapping,
      fields: mapping.fields.map((f) =>
        f.field === 'Company' ? { entryType: 'static' as const, field: 'Company', value: 'Nilsen AS' } : f,
      ),
    };
    await world.call(owner, endpoints.updateMapping, { params: { mappingId: id }, body: fixed });
    const earlier = world.salesforce.admin.insertRecord(DEMO_ORG, 'Lead', {
      LastName: 'Nilsen',
      Company: 'Nilsen AS',
      Email: 'karl.nilsen@example.no',
    });
    const retried = await world.call(owner, endpoints.retryRun, { params: { runId: run.id } });
    expect(retried.run).toMatchObject({ id: run.id, status: 'pending' });
    const settled = await eventually(async () => {
      const [r] = await runsOf(world, ended.chatId);
      expect(r?.status).toBe('created');
      return r!;
    });
    expect(settled.recordId).toBe(earlier);
    expect(leadsWithEmail(world, 'karl.nilsen@example.no')).toHaveLength(1);
    const again = await world.api(owner, `/api/settings/activity/${run.id}/retry`, { method: 'POST' });
    expect(again.status).toBe(409);
  });
});
