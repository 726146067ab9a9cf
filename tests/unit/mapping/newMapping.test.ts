import { describe, expect, it } from 'vitest';
import { canRemoveField, newMapping, withoutEmptyOptionalFields } from '../../../src/mapping/newMapping';
import { validateMapping } from '../../../src/mapping/validate';
import { buildLeadMetadata } from '../../support/factories/salesforceMetadata';

const lead = buildLeadMetadata();

describe('newMapping', () => {
  it('preloads the required fields, empty, with automation off', () => {
    expect(newMapping(lead)).toEqual({
      objectName: 'Lead',
      fields: [
        { entryType: 'static', field: 'LastName', value: null },
        { entryType: 'static', field: 'Company', value: null },
      ],
      searchableFields: [],
      automation: false,
      duplicatePolicy: 'create',
      autoAssign: true,
    });
  });

  it('turns assignment rules on only for objects that have them (Leads and Cases)', () => {
    expect(newMapping({ ...lead, name: 'Case', label: 'Case' }).autoAssign).toBe(true);
    expect(newMapping({ ...lead, name: 'Contact', label: 'Contact' }).autoAssign).toBe(false);
    expect(newMapping({ ...lead, name: 'Invoice__c', label: 'Invoice' }).autoAssign).toBe(false);
  });

  it('cannot be saved until the required fields have values', () => {
    expect(validateMapping(newMapping(lead), lead).map((problem) => [problem.path, problem.code])).toEqual([
      ['fields.0.value', 'value_required'],
      ['fields.1.value', 'value_required'],
    ]);
  });
});

describe('canRemoveField', () => {
  it('keeps required fields and lets the others go', () => {
    expect(canRemoveField(lead, 'LastName')).toBe(false);
    expect(canRemoveField(lead, 'Email')).toBe(true);
    expect(canRemoveField(lead, 'Status')).toBe(true);
    expect(canRemoveField(lead, 'Gone__c')).toBe(true);
  });
});

describe('withoutEmptyOptionalFields', () => {
  it('drops optional fields left empty (and their searchable mark), keeps required ones and values', () => {
    const saved = withoutEmptyOptionalFields(
      {
        ...newMapping(lead),
        fields: [
          { entryType: 'static', field: 'LastName', value: null },
          { entryType: 'static', field: 'Company', value: 'Acme' },
          { entryType: 'static', field: 'Email', value: null },
          { entryType: 'static', field: 'Title', value: '' },
          { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
        ],
        searchableFields: ['Email', 'Company'],
      },
      lead,
    );
    expect(saved.fields.map((f) => f.field)).toEqual(['LastName', 'Company', 'Description']);
    expect(saved.searchableFields).toEqual(['Company']);
  });
});
