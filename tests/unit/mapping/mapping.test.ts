import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mappingSchema, type Mapping } from '../../../src/mapping/mapping';

const valid: Mapping = {
  objectName: 'Lead',
  fields: [
    { entryType: 'static', field: 'Company', value: 'ACME' },
    { entryType: 'static', field: 'OwnerId', value: '005000000000001AAA', display: 'Agent Smith' },
    { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
    { entryType: 'dynamic', field: 'Industry__c', source: 'prechat:Company industry' },
    {
      entryType: 'autoMatch',
      field: 'OwnerId',
      match: { object: 'User', field: 'Email', source: 'agent.email' },
    },
  ],
  searchableFields: ['Email'],
  automation: true,
  duplicatePolicy: 'link',
  autoAssign: false,
};

function messagesFor(input: unknown): string[] {
  const result = mappingSchema.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('mappingSchema', () => {
  it('accepts a mapping with every entry type', () => {
    expect(mappingSchema.parse(valid)).toEqual(valid);
  });

  it('accepts every kind of static value, empty included', () => {
    for (const value of ['text', 12.5, true, ['a', 'b'], null]) {
      const mapping = { ...valid, fields: [{ entryType: 'static', field: 'X__c', value }] };
      expect(mappingSchema.safeParse(mapping).success, JSON.stringify(value)).toBe(true);
    }
  });

  it('says which field has an unknown entry type', () => {
    const mapping = { ...valid, fields: [{ entryType: 'magic', field: 'LastName' }] };

    expect(messagesFor(mapping)).toEqual([
      'fields.0.entryType: Each field needs an entry type: "static", "dynamic", "autoMatch" or "chatRecord".',
    ]);
  });

  it('says when a dynamic value names an unknown chat value', () => {
    const mapping = {
      ...valid,
      fields: [{ entryType: 'dynamic', field: 'LastName', source: 'visitor.shoeSize' }],
    };

    expect(messagesFor(mapping)).toEqual([
      expect.stringMatching(/^fields\.0\.source: Unknown chat value "visitor\.shoeSize"/),
    ]);
  });

  it('says when a field name is not a Salesforce API name', () => {
    const mapping = { ...valid, fields: [{ entryType: 'static', field: 'Last Name', value: 'x' }] };

    expect(messagesFor(mapping)).toEqual([
      expect.stringMatching(/^fields\.0\.field: "Last Name" is not a Salesforce field API name/),
    ]);
  });

  it('asks for a field and an object when they are missing or blank', () => {
    const mapping = { ...valid, objectName: '  ', fields: [{ entryType: 'static', value: 'x' }] };

    expect(messagesFor(mapping)).toEqual([
      'objectName: Choose a Salesforce object.',
      'fields.0.field: Choose a Salesforce field.',
    ]);
  });

  it('says what a static value may be', () => {
    const mapping = { ...valid, fields: [{ entryType: 'static', field: 'X__c', value: { id: 1 } }] };

    expect(messagesFor(mapping)).toEqual([
      'fields.0.value: A fixed value must be text, a number, true or false, a list of texts, or empty.',
    ]);
  });

  it('says what an Auto-Match needs', () => {
    const mapping = { ...valid, fields: [{ entryType: 'autoMatch', field: 'OwnerId' }] };

    expect(messagesFor(mapping)).toEqual([
      'fields.0.match: Auto-Match needs the object to search, its field, and the chat value to match.',
    ]);
  });

  it('explains the duplicate policy, automation and assignment flags', () => {
    const mapping = { ...valid, duplicatePolicy: 'merge', automation: 'yes', autoAssign: undefined };

    expect(messagesFor(mapping)).toEqual([
      'automation: Say whether automation is on (true or false).',
      'duplicatePolicy: The duplicate policy must be "create" (always create), "link" (link to an existing record) or "update" (link to it and update it).',
      'autoAssign: Say whether Salesforce assignment rules should run (true or false).',
    ]);
  });

  it('renders readably with zod.prettifyError', () => {
    const result = mappingSchema.safeParse({ ...valid, searchableFields: 'Email' });

    expect(z.prettifyError(result.error!)).toContain('The list of searchable fields is missing.');
  });
});
