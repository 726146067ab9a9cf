import { buildOrgSeed, demoConnectedApp, type RecordSeed } from '../../../emulators/salesforce';
import { endpoints } from '../../../src/api/endpoints';
import { buildMapping } from '../../support/factories/mapping';
import { demoLicense, demoVisitors, nate, nora, olivia } from '../../support/factories/people';
import { buildSalesforceAccount } from '../../support/factories/salesforceAccount';
import { afterAll, beforeEach } from 'vitest';
import type { World } from '../../support/world';

export { nate, nora };
export const owner = olivia;
export const {
  existingContact: john,
  existingLead: maria,
  newVisitor: zoe,
  newVisitor2: kenji,
} = demoVisitors;

/**
 * The hooks every widget test file shares: the world closes after the file, and each test starts with the
 * Salesforce emulator's call log and faults cleared (so calls are counted per test).
 */
export function closeAfterAndResetBeforeEach(world: () => World | undefined): void {
  afterAll(async () => {
    await world()?.close();
  });
  beforeEach(() => {
    world()?.salesforce.admin.clearCalls();
    world()?.salesforce.admin.clearFaults();
  });
}

/** The demo org, as the world's emulator knows it. */
export function demoOrgId(world: World): string {
  return world.salesforce.admin.orgs().find((o) => o.name === 'Demo Shop')!.id;
}

/**
 * A second org of the demo company (a sandbox), connected to the demo license as "Demo Shop UAT", with
 * John Smith as a Lead there and Contact mapped (searchable Email), as an owner would through settings.
 */
export async function connectSecondOrg(world: World): Promise<{ accountId: string; orgId: string }> {
  const seed = buildOrgSeed({
    name: 'Demo Shop UAT',
    myDomain: 'demo-shop--uat',
    pod: '9c',
    isSandbox: true,
    users: [{ Username: `${owner.email}.uat`, Email: owner.email, FirstName: 'Olivia', LastName: 'Owner' }],
    records: (ids): RecordSeed[] => [
      {
        object: 'Contact',
        fields: {
          Id: ids('003'),
          FirstName: 'John',
          LastName: 'Smith',
          Email: john.email,
          Phone: john.phone,
        },
      },
      {
        object: 'Contact',
        fields: {
          Id: ids('003'),
          FirstName: 'Johnny',
          LastName: 'Smithers',
          Email: 'johnny@elsewhere.example',
        },
      },
    ],
  });
  world.salesforce.admin.addOrg(seed);
  const { db, services } = world.app;
  const session = world.salesforce.admin.issueSession({
    username: `${owner.email}.uat`,
    clientId: demoConnectedApp.clientId,
    origin: world.salesforceUrl,
  });
  const account = await db.salesforceAccount.create({
    data: buildSalesforceAccount({
      label: 'Demo Shop UAT',
      environment: 'sandbox',
      loginUrl: world.salesforceUrl,
      instanceUrl: session.instanceUrl,
      orgId: session.orgId,
      orgName: 'Demo Shop UAT',
      accessTokenEnc: services.secretBox.encrypt(session.accessToken),
      refreshTokenEnc: services.secretBox.encrypt(session.refreshToken),
      tokenKeyId: services.secretBox.keyId,
      status: 'connected',
      connectedUserId: session.userId,
      connectedByEmail: owner.email,
      connectedAt: new Date(),
      accessRule: { create: { mode: 'everyone' } },
    }),
  });
  const contact = buildMapping({
    objectName: 'Contact',
    fields: [
      { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
      { entryType: 'dynamic', field: 'FirstName', source: 'visitor.firstName' },
      { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
    ],
    searchableFields: ['Email'],
  });
  await world.call(world.tokenFor(owner.email), endpoints.createMapping, {
    params: { id: account.id },
    body: contact,
  });
  return { accountId: account.id, orgId: session.orgId };
}

/** A chat of the demo license, answered by Nora (so she can read it). */
export function chatWith(world: World, visitor: { name?: string; email?: string }, active = true): string {
  return world.livechat.admin.createChat(demoLicense.licenseId, {
    visitor,
    agentEmail: nora.email,
    active,
    messages: [
      ['c', 'Hello, I have a question about my order.'],
      ['a', 'Hi! Happy to help.'],
    ],
  }).chatId;
}

/** The demo account's id (the seeded "Demo Shop"). */
export async function demoAccountId(world: World): Promise<string> {
  const row = await world.app.db.salesforceAccount.findFirst({
    where: { licenseId: demoLicense.organizationId, label: 'Demo Shop' },
  });
  return row!.id;
}

export async function mappingIdOf(world: World, accountId: string, objectName: string): Promise<string> {
  const row = await world.app.db.objectMapping.findFirst({ where: { accountId, objectName } });
  return row!.id;
}
