import type { Connection } from 'jsforce';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, errorOf, nora, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
});
beforeEach(() => {
  sf.emulator.admin.reset();
});
afterAll(async () => {
  await sf.close();
});

interface SubResult {
  body: unknown;
  httpHeaders: Record<string, string>;
  httpStatusCode: number;
  referenceId: string;
}
const base = `/services/data/v${API_VERSION}`;
const run = (body: object) => conn.requestPost<{ compositeResponse: SubResult[] }>('/composite', body);

describe('composite', () => {
  it('runs subrequests in order with @{ref.records[0].Id} and @{ref.id} references', async () => {
    const res = await run({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'GET',
          url: `${base}/query/?q=${encodeURIComponent("SELECT Id FROM User WHERE Email = 'nate.agent@demo-shop.example' LIMIT 1")}`,
          referenceId: 'owner',
        },
        {
          method: 'POST',
          url: `${base}/sobjects/Contact`,
          referenceId: 'newContact',
          body: { LastName: 'Lovelace', Email: 'ada@example.com', OwnerId: '@{owner.records[0].Id}' },
        },
        {
          method: 'POST',
          url: `${base}/sobjects/Case`,
          referenceId: 'newCase',
          body: { Subject: 'Chat transcript', ContactId: '@{newContact.id}', Origin: 'Web' },
          httpHeaders: { 'Sforce-Auto-Assign': 'FALSE' },
        },
        {
          method: 'PATCH',
          url: `${base}/sobjects/Case/@{newCase.id}`,
          referenceId: 'escalate',
          body: { Priority: 'High' },
        },
        {
          method: 'GET',
          url: `${base}/sobjects/Case/@{newCase.id}?fields=Priority,ContactId,OwnerId`,
          referenceId: 'readCase',
        },
      ],
    });
    const [owner, contact, created, patched, read] = res.compositeResponse;
    expect(owner).toMatchObject({ httpStatusCode: 200, referenceId: 'owner', httpHeaders: {} });
    expect(contact).toMatchObject({ httpStatusCode: 201, body: { success: true, errors: [] } });
    const contactId = (contact?.body as { id: string }).id;
    expect(contact?.httpHeaders).toEqual({ Location: `${base}/sobjects/Contact/${contactId}` });
    expect(created?.httpStatusCode).toBe(201);
    expect(patched).toEqual({ body: null, httpHeaders: {}, httpStatusCode: 204, referenceId: 'escalate' });
    const ownerId = ((owner?.body as { records: Array<{ Id: string }> }).records[0] ?? { Id: '' }).Id;
    expect(read?.body).toMatchObject({
      Priority: 'High',
      ContactId: contactId,
      OwnerId: expect.any(String) as unknown,
    });
    expect(
      sf.emulator.admin.findRecords(sf.demoOrgId, 'Contact', { Email: 'ada@example.com' })[0]?.OwnerId,
    ).toBe(ownerId);
    expect(sf.emulator.admin.callCount(sf.demoOrgId, { kind: 'composite' })).toBe(1);
  });

  it('rolls back everything with allOrNone and marks the others PROCESSING_HALTED', async () => {
    const before = sf.emulator.admin.findRecords(sf.demoOrgId, 'Account').length;
    const res = await run({
      allOrNone: true,
      compositeRequest: [
        {
          method: 'POST',
          url: `${base}/sobjects/Account`,
          referenceId: 'acc',
          body: { Name: 'Rolled Back Inc' },
        },
        {
          method: 'POST',
          url: `${base}/sobjects/Contact`,
          referenceId: 'bad',
          body: { AccountId: '@{acc.id}' },
        },
        { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'never', body: { Name: 'Never' } },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 400]);
    expect(res.compositeResponse[1]?.body).toEqual([
      {
        message: 'Required fields are missing: [LastName]',
        errorCode: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      },
    ]);
    for (const index of [0, 2]) {
      expect(res.compositeResponse[index]?.body).toEqual([
        {
          errorCode: 'PROCESSING_HALTED',
          message: 'The transaction was rolled back since another operation in the same transaction failed.',
        },
      ]);
    }
    expect(sf.emulator.admin.findRecords(sf.demoOrgId, 'Account')).toHaveLength(before);
  });

  it('keeps independent work without allOrNone and halts only the dependents', async () => {
    const res = await run({
      allOrNone: false,
      compositeRequest: [
        { method: 'POST', url: `${base}/sobjects/Lead`, referenceId: 'badLead', body: { FirstName: 'x' } },
        {
          method: 'POST',
          url: `${base}/sobjects/Task`,
          referenceId: 'task',
          body: { Subject: 'x', WhoId: '@{badLead.id}' },
        },
        { method: 'POST', url: `${base}/sobjects/Account`, referenceId: 'acc', body: { Name: 'Kept Ltd' } },
        { method: 'DELETE', url: `${base}/sobjects/Account/@{acc.id}`, referenceId: 'del' },
      ],
    });
    expect(res.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 201, 204]);
    expect(res.compositeResponse[1]?.body).toEqual([
      expect.objectContaining({
        errorCode: 'PROCESSING_HALTED',
        message: expect.stringContaining('Invalid reference specified. No value for badLead.id') as unknown,
      }),
    ]);
  });

  it('reads a record just created through a reference in a later query’s URL, with its parent’s name', async () => {
    const select = "SELECT Id, Name, Title, Owner.Name FROM Contact WHERE Id = '";
    const res = await run({
      allOrNone: false,
      compositeRequest: [
        {
          method: 'POST',
          url: `${base}/sobjects/Contact`,
          referenceId: 'record',
          body: { LastName: 'Read Back', Title: 'Buyer' },
        },
        {
          method: 'GET',
          url: `${base}/query?q=${encodeURIComponent(select)}@{record.id}${encodeURIComponent("'")}`,
          referenceId: 'readBack',
        },
      ],
    });
    const [created, readBack] = res.compositeResponse;
    expect(created!.httpStatusCode).toBe(201);
    expect(readBack!.httpStatusCode).toBe(200);
    expect((readBack!.body as { records: unknown[] }).records).toEqual([
      expect.objectContaining({
        Id: (created!.body as { id: string }).id,
        Name: 'Read Back',
        Title: 'Buyer',
        Owner: expect.objectContaining({ Name: 'Nora Agent' }),
      }),
    ]);
  });

  it('refuses more than 25 subrequests', async () => {
    const compositeRequest = Array.from({ length: 26 }, (_, i) => ({
      method: 'POST',
      url: `${base}/sobjects/Account`,
      referenceId: `a${i}`,
      body: { Name: `A${i}` },
    }));
    const error = await errorOf(run({ compositeRequest }));
    expect(error.name).toBe('INVALID_INPUT');
  });
});
