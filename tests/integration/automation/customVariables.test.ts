import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '../../../src/api/endpoints';
import { eventually, leadsWithEmail, runsOf } from '../../support/automation';
import { startWorld, type World } from '../../support/world';
import { demoLicense, nora, olivia } from '../../support/factories/people';

let world: World;
let owner: string;

beforeAll(async () => {
  world = await startWorld({ seed: true });
  owner = world.tokenFor(olivia.email);
  // The Lead's Company comes from a custom variable the shop's page sets.
  const { mapping, mappingId } = await leadMapping();
  await world.call(owner, endpoints.updateMapping, {
    params: { mappingId },
    body: {
      ...mapping,
      fields: mapping.fields.map((f) =>
        f.field === 'Company'
          ? {
              entryType: 'dynamic' as const,
              field: 'Company',
              source: 'customVariable:company_name' as const,
            }
          : f,
      ),
    },
  });
});

/** The demo's Lead mapping, as the settings app edits it (without its saved-row fields). */
async function leadMapping() {
  const { accounts } = await world.call(owner, endpoints.listAccounts);
  const accountId = accounts[0]!.id;
  const { mappings } = await world.call(owner, endpoints.listMappings, { params: { id: accountId } });
  const {
    id,
    accountId: _a,
    objectLabel: _l,
    createdAt: _c,
    updatedAt: _u,
    ...mapping
  } = mappings.find((m) => m.objectName === 'Lead')!;
  return { accountId, mappingId: id, mapping };
}
afterAll(async () => {
  await world?.close();
});

describe('custom variables, captured while the chat is live', () => {
  it('reach the record after the visitor left, though the archive no longer has them', async () => {
    const email = 'petra.lang@example.at';
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Petra Lang', email },
      agentEmail: nora.email,
      messages: [['c', 'Hallo, a quote please.']],
      sessionFields: { plan: 'trial' },
    });
    // The page sets more while the chat goes on (customer_session_fields_updated).
    world.livechat.admin.updateSessionFields(demoLicense.licenseId, chatId, { company_name: 'Lang GmbH' });
    await world.livechat.admin.waitForDeliveries();
    expect(
      (
        await world.app.db.chatSessionFields.findUniqueOrThrow({
          where: { licenseId_chatId: { licenseId: demoLicense.organizationId, chatId } },
        })
      ).fields,
    ).toEqual({ plan: 'trial', company_name: 'Lang GmbH' });

    // The visitor leaves with the chat: the session, and its fields, are gone from LiveChat.
    world.livechat.admin.endChat(demoLicense.licenseId, chatId, { userId: nora.email, visitorLeft: true });
    const archived = await fetch(`${world.livechatUrl}/v3.5/agent/action/get_chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${world.tokenFor(nora.email)}` },
      body: JSON.stringify({ chat_id: chatId }),
    }).then((r) => r.json() as Promise<{ users: { type: string; session_fields?: unknown }[] }>);
    expect(archived.users.find((u) => u.type === 'customer')?.session_fields).toBeUndefined();

    const lead = await eventually(() => {
      const [found] = leadsWithEmail(world, email);
      expect(found).toBeDefined();
      return found!;
    });
    expect(lead.Company).toBe('Lang GmbH');
    // Salesforce has the record a moment before the run's outcome is written.
    await eventually(async () => expect((await runsOf(world, chatId))[0]?.status).toBe('created'));
  });

  it('the owner’s preview of that chat reads them too', async () => {
    const { chatId } = world.livechat.admin.createChat(demoLicense.licenseId, {
      visitor: { name: 'Rolf Berg', email: 'rolf.berg@example.no' },
      agentEmail: nora.email,
      sessionFields: { company_name: 'Berg AS' },
    });
    await world.livechat.admin.waitForDeliveries();
    world.livechat.admin.endChat(demoLicense.licenseId, chatId, { userId: nora.email, visitorLeft: true });
    const { accountId, mapping } = await leadMapping();
    const preview = await world.call(owner, endpoints.previewMapping, {
      params: { id: accountId },
      body: { mapping, chatId },
    });
    expect(preview.record).toMatchObject({ Company: 'Berg AS', LastName: 'Berg' });
  });

  it('answers 400 naming what is missing, and 401 to a secret that is not ours', async () => {
    const post = (body: unknown) =>
      fetch(`${world.appUrl}/webhooks/livechat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const envelope = {
      secret_key: 'not-ours',
      action: 'customer_session_fields_updated',
      organization_id: demoLicense.organizationId,
    };
    const bad = await post({ ...envelope, payload: { session_fields: [] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.details.problems).toEqual([
      { path: 'body.payload.active_chat', message: expect.any(String) },
    ]);
    const forged = await post({
      ...envelope,
      payload: { active_chat: { chat_id: 'X1' }, session_fields: [{ a: 'b' }] },
    });
    expect(forged.status).toBe(401);
    expect(await world.app.db.chatSessionFields.count({ where: { chatId: 'X1' } })).toBe(0);
  });
});
