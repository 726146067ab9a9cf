import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createChatFieldsService } from '../../../server/chatFields/chatFields.service';
import type { Agent } from '../../../server/auth/agent';
import { endpoints } from '../../../src/api/endpoints';
import type { ChatFieldCatalogue, DeclareChatFieldRequest } from '../../../src/api/mappings';
import { ApiError } from '../../../ui/api/ApiError';
import { buildMapping } from '../../support/factories/mapping';
import { demoLicense, olivia, oscar, otherLicense } from '../../support/factories/people';
import { watchListArchives, type ListArchivesWatch } from '../../support/listArchivesWatch';
import { startWorld, type World } from '../../support/world';

let world: World;
let owner: string;
let accountId: string;

/** The LiveChat emulator's `list_archives` requests, and an outage switch for them. */
let archives: ListArchivesWatch;

beforeAll(async () => {
  world = await startWorld({ seed: true, worker: false });
  archives = watchListArchives(world);
  owner = world.tokenFor(olivia.email);
  accountId = (await world.call(owner, endpoints.listAccounts)).accounts[0]!.id;
});
afterAll(async () => {
  await world?.close();
});
beforeEach(() => {
  archives.outage = null;
});

const getChatFields = (token = owner) => world.call(token, endpoints.getChatFields);
const scanned = (licenseId: string = demoLicense.organizationId) =>
  world.app.db.license.findUniqueOrThrow({ where: { id: licenseId } }).then((l) => l.chatFieldsScannedAt);
const setScannedAt = (at: Date | null, licenseId: string = demoLicense.organizationId) =>
  world.app.db.license.update({ where: { id: licenseId }, data: { chatFieldsScannedAt: at } });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
const idsOf = (catalogue: ChatFieldCatalogue) => catalogue.discovered.map((f) => f.id);

/** list_archives calls one scan of the demo archive makes, measured by the first scan. */
let callsPerScan = 0;

describe('the scan runs by itself when needed', () => {
  it('scans the archive at the first look, so nobody sees "not scanned yet"', async () => {
    expect(await scanned()).toBeNull();
    const before = archives.calls;

    const catalogue = await getChatFields();

    callsPerScan = archives.calls - before;
    expect(callsPerScan).toBeGreaterThan(0);
    expect(catalogue.scan.scannedAt).not.toBeNull();
    expect(catalogue.scan.chatsScanned).toBeGreaterThan(0);
    expect(catalogue.scan).toMatchObject({ message: null, failure: null });
    expect(idsOf(catalogue)).toEqual(expect.arrayContaining(['customVariable:plan', 'prechat:Topic']));
    const plan = catalogue.discovered.find((f) => f.id === 'customVariable:plan')!;
    expect(plan).toMatchObject({
      sample: expect.any(String),
      chatCount: expect.any(Number),
      lastSeenAt: expect.any(String),
      declared: null,
    });
    expect(Date.parse(plan.lastSeenAt!)).toBeLessThanOrEqual(Date.now());
  });

  it('does not scan again while the last scan is fresh', async () => {
    const before = archives.calls;
    const at = await scanned();

    await getChatFields();
    await getChatFields();

    expect(archives.calls).toBe(before);
    expect(await scanned()).toEqual(at);
  });

  it('scans again when the last scan is more than a day old', async () => {
    await setScannedAt(hoursAgo(25));
    const before = archives.calls;

    const catalogue = await getChatFields();

    expect(archives.calls - before).toBe(callsPerScan);
    expect(Date.parse(catalogue.scan.scannedAt!)).toBeGreaterThan(hoursAgo(1).getTime());
    expect(await getChatFields()).toEqual(catalogue);
    expect(archives.calls - before).toBe(callsPerScan);
  });

  it('keeps a scan of 23 hours ago', async () => {
    await setScannedAt(hoursAgo(23));
    const before = archives.calls;

    await getChatFields();

    expect(archives.calls).toBe(before);
  });

  it('runs one scan when two tabs and another process ask at once', async () => {
    await setScannedAt(null);
    // Another app process on the same database: a service of its own, with nothing shared in memory.
    const otherProcess = createChatFieldsService({
      db: world.app.db,
      livechat: world.app.services.livechat,
      clock: world.app.services.clock,
      logger: pino({ level: 'silent' }),
      agentAppUrl: world.livechatUrl,
    });
    const agent: Agent = {
      licenseId: demoLicense.organizationId,
      accountId: olivia.accountId,
      email: olivia.email,
      name: olivia.name,
      role: 'owner',
      groupIds: [],
    };
    const before = archives.calls;

    const answers = await Promise.all([
      getChatFields(),
      getChatFields(),
      otherProcess.catalogue(agent, owner),
    ]);

    expect(archives.calls - before).toBe(callsPerScan);
    for (const answer of answers) {
      expect(answer.scan.scannedAt).not.toBeNull();
      expect(idsOf(answer)).toEqual(idsOf(answers[0]!));
    }
  });

  it('Scan again scans now, even when the last scan is fresh', async () => {
    const before = archives.calls;
    const at = await scanned();

    const catalogue = await world.call(owner, endpoints.scanChatFields);

    expect(archives.calls - before).toBe(callsPerScan);
    expect(Date.parse(catalogue.scan.scannedAt!)).toBeGreaterThan(at!.getTime());
  });

  it('shows the last known fields with a note when LiveChat is down during an automatic scan', async () => {
    const known = idsOf(await getChatFields());
    await setScannedAt(hoursAgo(30));
    archives.outage = 503;

    const res = await world.api(owner, '/api/settings/chat-fields');

    expect(res.status).toBe(200);
    const catalogue = res.body as ChatFieldCatalogue;
    expect(idsOf(catalogue)).toEqual(known);
    expect(catalogue.scan.failure).toMatch(/^LiveChat could not be reached just now, so your latest chats/);
    expect(Date.parse(catalogue.scan.scannedAt!)).toBeLessThan(hoursAgo(29).getTime());

    // Once LiveChat answers again, the next look scans.
    archives.outage = null;
    const after = await getChatFields();
    expect(after.scan.failure).toBeNull();
    expect(Date.parse(after.scan.scannedAt!)).toBeGreaterThan(hoursAgo(1).getTime());
  });

  it('says so, with what still works, when LiveChat is down at the very first look', async () => {
    archives.outage = 502;
    const oscarToken = world.tokenFor(oscar.email);

    const catalogue = await getChatFields(oscarToken);

    expect(catalogue.discovered).toEqual([]);
    expect(catalogue.scan.scannedAt).toBeNull();
    expect(catalogue.scan.failure).toMatch(/could not be read yet.*declared fields can be mapped meanwhile/);
    expect(await scanned(otherLicense.organizationId)).toBeNull();
    // Scan again is the owner asking: that failure is an error, said as such.
    const scan = await world.api(oscarToken, '/api/settings/chat-fields/scan', { method: 'POST' });
    expect(scan.status).toBe(503);
    expect(scan.body.error.code).toBe('upstream_unavailable');
  });
});

describe('declared chat fields', () => {
  const declare = (body: DeclareChatFieldRequest) => world.call(owner, endpoints.declareChatField, { body });
  let budgetId = '';

  it('lists a declared pre-chat field at once, as declared and not seen yet', async () => {
    const catalogue = await declare({ kind: 'prechat', name: 'Budget', valueKind: 'datetime' });

    const budget = catalogue.discovered.find((f) => f.id === 'prechat:Budget');
    expect(budget).toMatchObject({
      label: 'Budget',
      group: 'Pre-chat form',
      kind: 'datetime',
      chatCount: 0,
      seenInChatId: null,
      lastSeenAt: null,
      declared: { declaredBy: olivia.email, valueKind: 'datetime', declaredAt: expect.any(String) },
    });
    budgetId = budget!.declared!.id;
    expect((await getChatFields()).discovered.find((f) => f.id === 'prechat:Budget')).toEqual(budget);
  });

  it('marks a declared field that chats already have as both', async () => {
    const catalogue = await declare({ kind: 'customVariable', name: 'plan' });

    const plan = catalogue.discovered.find((f) => f.id === 'customVariable:plan')!;
    expect(plan.chatCount).toBeGreaterThan(0);
    expect(plan.sample).toEqual(expect.any(String));
    expect(plan.declared).toMatchObject({ valueKind: null });
    expect(catalogue.discovered.filter((f) => f.id === 'customVariable:plan')).toHaveLength(1);
  });

  it('lets a mapping use a declared field before any chat has it, and knows its kind of value', async () => {
    await declare({ kind: 'prechat', name: 'Company size' });
    const saved = await world.call(owner, endpoints.createMapping, {
      params: { id: accountId },
      body: buildMapping({
        objectName: 'Case',
        fields: [{ entryType: 'dynamic', field: 'Subject', source: 'prechat:Company size' }],
        autoAssign: false,
      }),
    });
    expect(saved.fields).toContainEqual({
      entryType: 'dynamic',
      field: 'Subject',
      source: 'prechat:Company size',
    });

    // "Budget" was declared a date and time: it cannot go into a number field, said at save.
    const lead = (
      await world.call(owner, endpoints.listMappings, { params: { id: accountId } })
    ).mappings.find((m) => m.objectName === 'Lead')!;
    const refused = await world
      .call(owner, endpoints.updateMapping, {
        params: { mappingId: lead.id },
        body: {
          ...lead,
          fields: [
            ...lead.fields,
            { entryType: 'dynamic', field: 'NumberOfEmployees', source: 'prechat:Budget' },
          ],
        },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).details).toMatchObject({
      problems: [
        expect.objectContaining({
          path: `fields.${lead.fields.length}.source`,
          message: expect.stringMatching(/pre-chat form field "Budget" cannot go into/),
        }),
      ],
    });
  });

  it('refuses to declare the same field twice, at its name', async () => {
    const res = await world.api(owner, '/api/settings/chat-fields/declared', {
      body: { kind: 'prechat', name: 'Budget' },
    });

    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'conflict',
      message: 'The pre-chat form field "Budget" is declared already.',
      details: { problems: [{ path: 'body.name', message: expect.any(String) }] },
    });
    // The same name as a post-chat field is another field.
    await declare({ kind: 'postchat', name: 'Budget' });
  });

  it.each([
    ['no kind', { name: 'Budget' }, 'body.kind'],
    ['an unknown kind', { kind: 'survey', name: 'Budget' }, 'body.kind'],
    ['an empty name', { kind: 'prechat', name: '' }, 'body.name'],
    ['a name of spaces', { kind: 'prechat', name: '   ' }, 'body.name'],
    ['spaces around the name', { kind: 'prechat', name: ' Budget ' }, 'body.name'],
    ['a line break', { kind: 'prechat', name: 'Bud\nget' }, 'body.name'],
    ['a name too long', { kind: 'prechat', name: 'x'.repeat(201) }, 'body.name'],
    ['a NUL byte', { kind: 'prechat', name: 'Bud\u0000get' }, 'body.name'],
    ['an unknown kind of value', { kind: 'prechat', name: 'Budget', valueKind: 'number' }, 'body.valueKind'],
    [
      'a list for a custom variable',
      { kind: 'customVariable', name: 'tags', valueKind: 'list' },
      'body.valueKind',
    ],
  ])('answers 400 to %s, naming the part', async (_what, body, path) => {
    const res = await world.api(owner, '/api/settings/chat-fields/declared', { body });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.problems.map((p: { path: string }) => p.path)).toEqual([path]);
  });

  it('answers 400 to a removal of an id that is not one', async () => {
    const res = await world.api(owner, '/api/settings/chat-fields/declared/nope', { method: 'DELETE' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.problems[0].path).toBe('params.id');
  });

  it('keeps declared fields to their license', async () => {
    const oscarToken = world.tokenFor(oscar.email);

    expect(idsOf(await getChatFields(oscarToken))).not.toContain('prechat:Budget');
    const res = await world.api(oscarToken, `/api/settings/chat-fields/declared/${budgetId}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(404);
    expect(idsOf(await getChatFields())).toContain('prechat:Budget');
  });

  it('removes a declaration, and records both changes in the audit log', async () => {
    const catalogue = await world.call(owner, endpoints.removeDeclaredChatField, {
      params: { id: budgetId },
    });

    expect(idsOf(catalogue)).not.toContain('prechat:Budget');
    const again = await world.api(owner, `/api/settings/chat-fields/declared/${budgetId}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(404);
    const { entries } = await world.call(owner, endpoints.listAudit, { query: { limit: 20 } });
    const summaries = entries.map((e) => e.summary);
    expect(summaries).toContain('Declared the pre-chat form field "Budget" for mappings');
    expect(summaries).toContain('Removed the declared pre-chat form field "Budget"');
    expect(entries.find((e) => e.action === 'chat_field.removed')).toMatchObject({
      actorEmail: olivia.email,
      targetType: 'chat_field',
      targetId: budgetId,
    });
  });

  it('keeps a field that chats have when its declaration is removed', async () => {
    const plan = (await getChatFields()).discovered.find((f) => f.id === 'customVariable:plan')!;

    const catalogue = await world.call(owner, endpoints.removeDeclaredChatField, {
      params: { id: plan.declared!.id },
    });

    expect(catalogue.discovered.find((f) => f.id === 'customVariable:plan')).toMatchObject({
      declared: null,
      chatCount: plan.chatCount,
    });
  });
});
