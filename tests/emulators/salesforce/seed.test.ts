import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents, demoVisitors } from '../../../emulators/demo/people';
import { buildDemoSeed, buildOrgSeed, createSalesforceEmulator, to18 } from '../../../emulators/salesforce';
import { connectAs, startEmulator, type Started } from './support';
import { olivia } from '../../support/factories/people';

let sf: Started;
beforeAll(async () => {
  sf = await startEmulator();
});
afterAll(async () => {
  await sf.close();
});

const prefixes: Record<string, string> = {
  Lead: '00Q',
  Contact: '003',
  Account: '001',
  Case: '500',
  Opportunity: '006',
  Task: '00T',
  User: '005',
  Campaign: '701',
  Chat_Transcript__c: 'a0X',
};

describe('demo seed', () => {
  it('is deterministic', () => {
    expect(JSON.stringify(buildDemoSeed())).toBe(JSON.stringify(buildDemoSeed()));
    const a = createSalesforceEmulator().admin.findRecords(sf.demoOrgId, 'Contact');
    const b = createSalesforceEmulator().admin.findRecords(sf.demoOrgId, 'Contact');
    expect(a).toEqual(b);
  });

  it('has a User for every demo agent, with the same email and name', () => {
    const users = sf.emulator.admin.findRecords(sf.demoOrgId, 'User');
    for (const agent of demoAgents) {
      expect(users).toContainEqual(
        expect.objectContaining({ Email: agent.email, Name: agent.name, IsActive: true }),
      );
    }
  });

  it('knows the existing contact and lead, and not the new visitors', () => {
    const admin = sf.emulator.admin;
    const [john] = admin.findRecords(sf.demoOrgId, 'Contact', { Email: demoVisitors.existingContact.email });
    expect(john).toMatchObject({
      Name: demoVisitors.existingContact.name,
      Phone: demoVisitors.existingContact.phone,
    });
    expect(admin.getRecord(sf.demoOrgId, String(john?.AccountId))?.record.Name).toBe('Acme Corporation');
    expect(admin.findRecords(sf.demoOrgId, 'Lead', { Email: demoVisitors.existingLead.email })[0]?.Name).toBe(
      demoVisitors.existingLead.name,
    );
    for (const visitor of [demoVisitors.newVisitor, demoVisitors.newVisitor2]) {
      for (const object of ['Lead', 'Contact'])
        expect(admin.findRecords(sf.demoOrgId, object, { Email: visitor.email })).toEqual([]);
    }
  });

  it('has a few dozen records with 18-character ids and the right key prefixes', () => {
    let total = 0;
    for (const [object, prefix] of Object.entries(prefixes)) {
      const records = sf.emulator.admin.findRecords(sf.demoOrgId, object);
      expect(records.length).toBeGreaterThan(0);
      total += records.length;
      for (const record of records) {
        const id = String(record.Id);
        expect(id.startsWith(prefix)).toBe(true);
        expect(to18(id.slice(0, 15))).toBe(id);
      }
    }
    expect(total).toBeGreaterThanOrEqual(40);
    expect(sf.demoOrgId).toMatch(/^00D\w{15}$/);
  });

  it('builds extra orgs, such as a sandbox that the same connected app logs into', async () => {
    const sandbox = buildOrgSeed({
      name: 'Demo Shop (UAT)',
      myDomain: 'demo-shop--uat',
      pod: '9c',
      isSandbox: true,
      users: [
        {
          Username: `${olivia.email}.uat`,
          Email: olivia.email,
          FirstName: 'Olivia',
          LastName: 'Owner',
        },
      ],
      records: (ids) => [{ object: 'Account', fields: { Id: ids('001'), Name: 'Sandbox Account' } }],
    });
    sf.emulator.admin.addOrg(sandbox);
    const { conn } = await connectAs(sf.url, `${olivia.email}.uat`);
    expect(conn.userInfo?.organizationId).toBe(sandbox.id);
    expect(sandbox.id).not.toBe(sf.demoOrgId);
    const accounts = await conn.query<{ Name: string }>('SELECT Name FROM Account');
    expect(accounts.records.map((a) => a.Name)).toEqual(['Sandbox Account']);
  });
});
