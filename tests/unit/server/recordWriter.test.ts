import { describe, expect, it } from 'vitest';
import type { CompositeSubresponse } from '../../../server/salesforce/composite';
import { writeRecord } from '../../../server/salesforce/recordWriter';
import { refusalForOwner } from '../../../server/salesforce/refusalInWords';
import { SalesforceError } from '../../../server/salesforce/salesforceError';
import type { SalesforceClient, SalesforceRequest } from '../../../server/salesforce/salesforce.client';

/**
 * A SalesforceClient (our own interface) whose composite answers are given by the test: real orgs'
 * answer shapes, without an org.
 */
function clientAnswering(answer: (req: SalesforceRequest) => CompositeSubresponse[]): {
  client: SalesforceClient;
  sent: SalesforceRequest[];
} {
  const sent: SalesforceRequest[] = [];
  const client: SalesforceClient = {
    apiVersion: '62.0',
    dataPath: (path) => `/services/data/v62.0${path}`,
    request: async <T>(req: SalesforceRequest) => {
      sent.push(req);
      return { compositeResponse: answer(req) } as T;
    },
    send: () => Promise.reject(new Error('not used')),
    query: () => Promise.reject(new Error('not used')),
    usage: () => undefined,
  };
  return { client, sent };
}

const duplicateOfContact = (key: 'duplicateResut' | 'duplicateResult'): CompositeSubresponse => ({
  referenceId: 'record',
  httpStatusCode: 400,
  body: [
    {
      [key]: {
        allowSave: false,
        duplicateRule: 'Standard_Lead_Duplicate_Rule',
        duplicateRuleEntityType: 'Lead',
        matchResults: [
          {
            entityType: 'Contact',
            matchRecords: [{ record: { attributes: { type: 'Contact' }, Id: '003000000000001AAA' } }],
          },
        ],
      },
      errorCode: 'DUPLICATES_DETECTED',
      message: 'Use one of these records?',
    },
  ],
});

const lead = {
  objectName: 'Lead',
  values: { LastName: 'Smith', Company: 'Acme' },
  lookups: [],
  autoAssign: false,
};

describe('writing a record', () => {
  it.each(['duplicateResut', 'duplicateResult'] as const)(
    'links to the Contact a Lead duplicate rule found (%s), not to a Lead',
    async (key) => {
      const { client } = clientAnswering(() => [duplicateOfContact(key)]);
      const result = await writeRecord(client, { ...lead, linkTo: [] });
      expect(result).toMatchObject({ outcome: 'skipped', id: '003000000000001AAA', objectName: 'Contact' });
    },
  );

  it('reads the answers by referenceId, whatever their order', async () => {
    const { client, sent } = clientAnswering(() => [
      { referenceId: 'record', httpStatusCode: 201, body: { id: '00Q000000000009AAA', success: true } },
      {
        referenceId: 'lookup0',
        httpStatusCode: 200,
        body: { records: [{ Id: '005000000000001AAA', Name: 'Nora' }] },
      },
    ]);
    const result = await writeRecord(client, {
      ...lead,
      lookups: [
        { field: 'OwnerId', object: 'User', matchField: 'Email', value: 'nora@x.example', nameField: 'Name' },
      ],
    });
    expect(result).toMatchObject({ outcome: 'created', id: '00Q000000000009AAA', objectName: 'Lead' });
    expect(result.lookups.get('OwnerId')).toEqual({ id: '005000000000001AAA', name: 'Nora' });
    const headers = sent[0]!.body as { compositeRequest: { httpHeaders?: Record<string, string> }[] };
    expect(headers.compositeRequest.at(-1)!.httpHeaders).toMatchObject({
      'Sforce-Auto-Assign': 'FALSE',
      'Sforce-Duplicate-Rule-Header': expect.stringContaining('allowSave=false'),
    });
  });

  it('takes the cause of a halted transaction from the subrequest that failed', async () => {
    const { client } = clientAnswering(() => [
      {
        referenceId: 'record',
        httpStatusCode: 400,
        body: [
          {
            errorCode: 'PROCESSING_HALTED',
            message:
              'The transaction was rolled back since another operation in the same transaction failed.',
          },
          { errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' },
        ],
      },
    ]);
    await expect(writeRecord(client, lead)).rejects.toMatchObject({
      kind: 'unavailable',
      errorCode: 'UNABLE_TO_LOCK_ROW',
    });
  });

  it('keeps every reason Salesforce gave for refusing the record, and the owner reads each', async () => {
    const { client } = clientAnswering(() => [
      {
        referenceId: 'record',
        httpStatusCode: 400,
        body: [
          {
            errorCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Company]',
            fields: ['Company'],
          },
          {
            errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'Phone must start with +',
            fields: ['Phone'],
          },
        ],
      },
    ]);
    const failure = await writeRecord(client, lead).then(
      () => expect.unreachable('the create was refused'),
      (e: unknown) => e as SalesforceError,
    );
    expect(failure).toBeInstanceOf(SalesforceError);
    expect(failure.causes.map((c) => c.errorCode)).toEqual([
      'REQUIRED_FIELD_MISSING',
      'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    ]);
    expect(refusalForOwner(failure, 'Lead', failure.fields)).toBe(
      'Salesforce needs Company to create the Lead, and this chat did not provide it. ' +
        'A validation rule in your org refused the Lead: Phone must start with +',
    );
  });

  it('reads the new record back in the same composite call, without letting a failed read undo the create', async () => {
    const { client, sent } = clientAnswering(() => [
      { referenceId: 'record', httpStatusCode: 201, body: { id: '00Q000000000009AAA', success: true } },
      {
        referenceId: 'readBack',
        httpStatusCode: 200,
        body: { records: [{ Id: '00Q000000000009AAA', Status: 'Open - Not Contacted' }] },
      },
    ]);
    const result = await writeRecord(client, { ...lead, readBack: ['Id', 'Status', 'Owner.Name'] });
    expect(result.record).toEqual({ Id: '00Q000000000009AAA', Status: 'Open - Not Contacted' });
    const body = sent[0]!.body as {
      allOrNone: boolean;
      compositeRequest: { url: string; referenceId: string }[];
    };
    expect(sent).toHaveLength(1);
    expect(body.allOrNone).toBe(false);
    const readBack = body.compositeRequest.find((r) => r.referenceId === 'readBack')!;
    // The reference stays as written, for Salesforce to replace with the new id.
    expect(readBack.url).toContain("Id%20%3D%20'@{record.id}'");
    expect(decodeURIComponent(readBack.url.replace('@{record.id}', '00Q000000000009AAA'))).toContain(
      "SELECT Id, Status, Owner.Name FROM Lead WHERE Id = '00Q000000000009AAA'",
    );
  });

  it('leaves the read-back out when five lookups already take every query of the call', async () => {
    const { client, sent } = clientAnswering(() => [
      { referenceId: 'record', httpStatusCode: 201, body: { id: '00Q000000000009AAA', success: true } },
    ]);
    const lookups = ['A', 'B', 'C', 'D', 'E'].map((n) => ({
      field: `${n}__c`,
      object: 'User',
      matchField: 'Email',
      value: `${n}@x.example`,
      nameField: 'Name',
    }));
    const result = await writeRecord(client, { ...lead, lookups, readBack: ['Id', 'Status'] });
    expect(result.record).toBeUndefined();
    const body = sent[0]!.body as { compositeRequest: { referenceId: string }[] };
    expect(body.compositeRequest.map((r) => r.referenceId)).not.toContain('readBack');
  });
});
