import { describe, expect, it } from 'vitest';
import { chatFieldFor } from '../../../src/chat/chatFields';
import type { FieldMapping, Mapping } from '../../../src/mapping/mapping';
import { hasErrors, uniqueProblems } from '../../../src/mapping/problems';
import { validateMapping } from '../../../src/mapping/validate';
import {
  buildFieldMetadata,
  buildLeadMetadata,
  buildUserMetadata,
} from '../../support/factories/salesforceMetadata';
import { autoMatchAgentUser, buildMapping, requiredLeadEntries } from '../../support/factories/mapping';

const lead = buildLeadMetadata();

const leadMapping = (overrides: Partial<Mapping> = {}): Mapping =>
  // autoAssign false keeps an auto-matched owner (assignment rules would replace it, with a warning)
  buildMapping({ automation: true, autoAssign: false, ...overrides });

/** Validates the required entries plus the given ones. */
function problemsWith(...entries: FieldMapping[]) {
  return validateMapping(leadMapping({ fields: [...requiredLeadEntries, ...entries] }), lead, {
    relatedObjects: { User: buildUserMetadata() },
  });
}

describe('validateMapping', () => {
  it('accepts a mapping with one field of each entry type', () => {
    const problems = problemsWith(
      { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
      { entryType: 'static', field: 'LeadSource', value: 'Web' },
      autoMatchAgentUser('OwnerId'),
    );

    expect(problems).toEqual([]);
  });

  it('says when the metadata is of another object', () => {
    expect(validateMapping(leadMapping({ objectName: 'Contact' }), lead)).toEqual([
      expect.objectContaining({ path: 'objectName', code: 'object_mismatch', severity: 'error' }),
    ]);
  });

  describe('fields', () => {
    it('reports every required field that is not mapped', () => {
      const problems = validateMapping(leadMapping({ fields: [] }), lead);

      expect(problems).toEqual([
        {
          path: 'fields',
          field: 'LastName',
          code: 'required_field_not_mapped',
          severity: 'error',
          message: '"Last Name" is required for a new Lead; give it a value.',
        },
        expect.objectContaining({ field: 'Company', code: 'required_field_not_mapped' }),
      ]);
    });

    it('refuses a field the object does not have, pointing at the entry', () => {
      expect(problemsWith({ entryType: 'static', field: 'company__C', value: 'x' })).toEqual([
        {
          path: 'fields.2.field',
          field: 'company__C',
          code: 'unknown_field',
          severity: 'error',
          message: 'Lead has no field company__C; it may have been deleted or renamed in Salesforce.',
        },
      ]);
      expect(problemsWith({ entryType: 'static', field: 'email', value: 'x' })[0]?.message).toBe(
        'Lead has no field email. Did you mean Email?',
      );
    });

    it('refuses a field that cannot be set on create', () => {
      expect(problemsWith({ entryType: 'dynamic', field: 'Name', source: 'visitor.name' })).toEqual([
        expect.objectContaining({ path: 'fields.2.field', code: 'field_not_createable', severity: 'error' }),
      ]);
    });

    it('refuses a field mapped twice', () => {
      expect(problemsWith({ entryType: 'dynamic', field: 'Company', source: 'prechat:Company' })).toEqual([
        {
          path: 'fields.2.field',
          field: 'Company',
          code: 'duplicate_field',
          severity: 'error',
          message: 'Company is mapped twice (entries 2 and 3); keep one.',
        },
      ]);
    });

    it('refuses field types the app cannot fill in', () => {
      expect(problemsWith({ entryType: 'static', field: 'Geo__c', value: '51.1,17.0' })).toEqual([
        expect.objectContaining({ path: 'fields.2.field', code: 'unsupported_field_type' }),
      ]);
    });
  });

  describe('static values', () => {
    it('accepts a fitting value for every supported field type', () => {
      const problems = problemsWith(
        { entryType: 'static', field: 'FirstName', value: 'Zoë' },
        { entryType: 'static', field: 'Email', value: 'sales@example.com' },
        { entryType: 'static', field: 'Phone', value: '+48 600 100 200' },
        { entryType: 'static', field: 'Website', value: 'https://shop.example/' },
        { entryType: 'static', field: 'Description', value: 'Created from LiveChat' },
        { entryType: 'static', field: 'Status', value: 'Working - Contacted' },
        { entryType: 'static', field: 'Interests__c', value: ['it', 'retail'] },
        { entryType: 'static', field: 'HasOptedOutOfEmail', value: true },
        { entryType: 'static', field: 'NumberOfEmployees', value: 12 },
        { entryType: 'static', field: 'AnnualRevenue', value: '1500000' },
        { entryType: 'static', field: 'Score__c', value: 99.5 },
        { entryType: 'static', field: 'Discount__c', value: 10 },
        { entryType: 'static', field: 'Follow_Up__c', value: '2024-05-22' },
        { entryType: 'static', field: 'Chat_Started__c', value: '2024-05-22T14:30:00Z' },
        { entryType: 'static', field: 'Best_Time__c', value: '14:30' },
        { entryType: 'static', field: 'OwnerId', value: '005000000000001AAA', display: 'Agent Smith' },
      );

      expect(problems).toEqual([]);
    });

    it('points at the value that does not fit its field', () => {
      const problems = problemsWith(
        { entryType: 'static', field: 'Status', value: 'Archived' },
        { entryType: 'static', field: 'HasOptedOutOfEmail', value: 'maybe' },
        { entryType: 'static', field: 'NumberOfEmployees', value: '1,5' },
        { entryType: 'static', field: 'Follow_Up__c', value: '2023-02-29' },
        { entryType: 'static', field: 'Chat_Started__c', value: 'yesterday' },
        { entryType: 'static', field: 'FirstName', value: 'x'.repeat(41) },
        { entryType: 'static', field: 'Email', value: 'nobody' },
        { entryType: 'static', field: 'OwnerId', value: 'Agent Smith' },
        { entryType: 'static', field: 'LeadSource', value: ['Web', 'Other'] },
      );

      expect(problems.map((problem) => [problem.path, problem.code, problem.severity])).toEqual([
        ['fields.2.value', 'invalid_picklist_value', 'error'],
        ['fields.3.value', 'invalid_boolean', 'error'],
        ['fields.4.value', 'invalid_number', 'error'],
        ['fields.5.value', 'invalid_date', 'error'],
        ['fields.6.value', 'invalid_datetime', 'error'],
        ['fields.7.value', 'value_too_long', 'error'],
        ['fields.8.value', 'invalid_email', 'error'],
        ['fields.9.value', 'invalid_id', 'error'],
        ['fields.10.value', 'too_many_values', 'error'],
      ]);
    });

    it('refuses an empty value for a required field, but allows it elsewhere', () => {
      const problems = validateMapping(
        leadMapping({
          fields: [
            { entryType: 'static', field: 'LastName', value: null },
            { entryType: 'static', field: 'Company', value: '   ' },
            { entryType: 'static', field: 'FirstName', value: null },
            { entryType: 'static', field: 'Interests__c', value: [] },
          ],
        }),
        lead,
      );

      expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
        ['fields.0.value', 'value_required'],
        ['fields.1.value', 'value_required'],
      ]);
    });

    it('warns about an unknown value of an unrestricted picklist without blocking', () => {
      const problems = problemsWith({ entryType: 'static', field: 'LeadSource', value: 'Chat' });

      expect(problems).toEqual([
        expect.objectContaining({
          path: 'fields.2.value',
          code: 'picklist_value_not_in_org',
          severity: 'warning',
        }),
      ]);
      expect(hasErrors(problems)).toBe(false);
    });

    it('keeps non-ASCII static text, counting its length as Salesforce does', () => {
      expect(problemsWith({ entryType: 'static', field: 'FirstName', value: 'Łukasz 👋'.repeat(4) })).toEqual(
        [],
      );
      expect(problemsWith({ entryType: 'static', field: 'FirstName', value: '👋'.repeat(21) })).toEqual([
        expect.objectContaining({
          code: 'value_too_long',
          message: '"First Name" holds at most 40 characters; this value has 42.',
        }),
      ]);
    });
  });

  describe('dynamic values', () => {
    it('accepts chat values for text, date and multi-picklist fields', () => {
      const problems = problemsWith(
        { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
        { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
        { entryType: 'dynamic', field: 'Chat_Started__c', source: 'chat.startedAt' },
        { entryType: 'dynamic', field: 'Follow_Up__c', source: 'chat.endedAt' },
        { entryType: 'dynamic', field: 'Interests__c', source: 'chat.tags' },
        { entryType: 'dynamic', field: 'Website', source: 'visitor.pageUrl' },
        { entryType: 'dynamic', field: 'NumberOfEmployees', source: 'prechat:Team size' },
        { entryType: 'dynamic', field: 'Chat_Id__c', source: 'chat.id' },
      );

      expect(problems).toEqual([]);
    });

    it('refuses a chat value that can never fit its field', () => {
      const problems = problemsWith(
        { entryType: 'dynamic', field: 'NumberOfEmployees', source: 'chat.startedAt' },
        { entryType: 'dynamic', field: 'Follow_Up__c', source: 'chat.tags' },
      );

      expect(problems).toEqual([
        {
          path: 'fields.2.source',
          field: 'NumberOfEmployees',
          code: 'chat_value_does_not_fit',
          severity: 'error',
          message:
            'Chat start time cannot go into "Employees" (a field of type Number): it is a date and time.',
        },
        expect.objectContaining({
          path: 'fields.3.source',
          code: 'chat_value_does_not_fit',
          severity: 'error',
        }),
      ]);
    });

    it('refuses at save a visitor name in a number field and an email in a date field', () => {
      const problems = problemsWith(
        { entryType: 'dynamic', field: 'NumberOfEmployees', source: 'visitor.name' },
        { entryType: 'dynamic', field: 'Follow_Up__c', source: 'visitor.email' },
      );

      expect(hasErrors(problems)).toBe(true);
      expect(problems).toEqual([
        expect.objectContaining({
          path: 'fields.2.source',
          code: 'chat_value_does_not_fit',
          severity: 'error',
          message:
            'Visitor name cannot go into "Employees" (a field of type Number): it is text, never a number.',
        }),
        expect.objectContaining({
          path: 'fields.3.source',
          code: 'chat_value_does_not_fit',
          severity: 'error',
          message: expect.stringContaining('it is text, not a date'),
        }),
      ]);
    });

    it('warns at save when a custom variable held a value that does not fit', () => {
      const problems = validateMapping(
        leadMapping({
          fields: [
            ...requiredLeadEntries,
            { entryType: 'dynamic', field: 'NumberOfEmployees', source: 'customVariable:team' },
          ],
        }),
        lead,
        {
          chatFields: [
            { ...chatFieldFor('customVariable:team'), sample: 'a dozen', seenInChatId: 'C1', chatCount: 2 },
          ],
        },
      );

      expect(problems).toEqual([
        expect.objectContaining({
          path: 'fields.2.source',
          code: 'chat_value_does_not_fit',
          severity: 'warning',
          message: expect.stringContaining('in recent chats it held “a dozen”'),
        }),
      ]);
    });

    it('warns when a list can hold more values than a picklist takes, using discovered kinds', () => {
      const problems = validateMapping(
        leadMapping({
          fields: [
            ...requiredLeadEntries,
            { entryType: 'dynamic', field: 'LeadSource', source: 'prechat:Company industry' },
          ],
        }),
        lead,
        {
          chatFields: [
            {
              id: 'prechat:Company industry',
              label: 'Company industry',
              group: 'Pre-chat form',
              kind: 'list',
            },
          ],
        },
      );

      expect(problems).toEqual([
        expect.objectContaining({
          path: 'fields.2.source',
          code: 'chat_value_does_not_fit',
          severity: 'warning',
        }),
      ]);
    });

    it('warns that a reference field filled from a chat value needs a record id', () => {
      expect(
        problemsWith({ entryType: 'dynamic', field: 'OwnerId', source: 'customVariable:sf_owner_id' }),
      ).toEqual([
        expect.objectContaining({
          path: 'fields.2.source',
          code: 'reference_from_chat_value',
          severity: 'warning',
          message: expect.stringMatching(/use Auto-Match/),
        }),
      ]);
    });
  });

  describe('Auto-Match', () => {
    it('refuses Auto-Match on a field that is not a reference', () => {
      expect(problemsWith(autoMatchAgentUser('Email'))).toEqual([
        {
          path: 'fields.2.entryType',
          field: 'Email',
          code: 'auto_match_not_reference',
          severity: 'error',
          message:
            'Auto-Match only works for lookup fields, which point to another record; "Email" is a field of type Email.',
        },
      ]);
    });

    it('refuses an object the reference field cannot point to', () => {
      expect(
        problemsWith({
          entryType: 'autoMatch',
          field: 'OwnerId',
          match: { object: 'Contact', field: 'Email', source: 'agent.email' },
        }),
      ).toEqual([
        expect.objectContaining({
          path: 'fields.2.match.object',
          code: 'auto_match_object_not_allowed',
          message: '"Owner ID" can point to Group or User, not to Contact.',
        }),
      ]);
    });

    it("checks the matched field when the searched object's metadata is given", () => {
      const unknown = problemsWith({
        entryType: 'autoMatch',
        field: 'OwnerId',
        match: { object: 'User', field: 'email', source: 'agent.email' },
      });
      const longText = problemsWith({
        entryType: 'autoMatch',
        field: 'OwnerId',
        match: { object: 'User', field: 'AboutMe', source: 'agent.name' },
      });

      expect(unknown).toEqual([
        expect.objectContaining({
          path: 'fields.2.match.field',
          code: 'auto_match_field_unknown',
          message: 'User has no field email. Did you mean Email?',
        }),
      ]);
      expect(longText).toEqual([
        expect.objectContaining({ path: 'fields.2.match.field', code: 'auto_match_field_not_filterable' }),
      ]);
    });

    it("trusts the matched field when the searched object's metadata is not given", () => {
      const problems = validateMapping(
        leadMapping({
          fields: [
            ...requiredLeadEntries,
            {
              entryType: 'autoMatch',
              field: 'OwnerId',
              match: { object: 'User', field: 'Nickname__c', source: 'agent.email' },
            },
          ],
        }),
        lead,
      );

      expect(problems).toEqual([]);
    });
  });

  describe('searchable fields', () => {
    it('accepts mapped, filterable fields', () => {
      const problems = validateMapping(
        leadMapping({
          fields: [...requiredLeadEntries, { entryType: 'dynamic', field: 'Email', source: 'visitor.email' }],
          searchableFields: ['Email'],
          duplicatePolicy: 'link',
        }),
        lead,
      );

      expect(problems).toEqual([]);
    });

    it('reports unknown, repeated, unmapped and unsearchable fields', () => {
      const problems = validateMapping(
        leadMapping({
          fields: [
            ...requiredLeadEntries,
            { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
            { entryType: 'dynamic', field: 'Description', source: 'chat.transcript' },
          ],
          searchableFields: ['Email', 'Email', 'Fax', 'Phone', 'Description'],
        }),
        lead,
      );

      expect(problems.map((problem) => [problem.path, problem.code, problem.severity])).toEqual([
        ['searchableFields.1', 'searchable_field_duplicate', 'error'],
        ['searchableFields.2', 'searchable_field_unknown', 'error'],
        ['searchableFields.3', 'searchable_field_not_mapped', 'error'],
        ['searchableFields.4', 'searchable_field_not_filterable', 'error'],
      ]);
    });

    it('warns that a searchable field with a fixed value finds the same records for everyone', () => {
      const problems = validateMapping(leadMapping({ searchableFields: ['Company'] }), lead);

      expect(problems).toEqual([
        expect.objectContaining({
          path: 'searchableFields.0',
          code: 'searchable_field_static',
          severity: 'warning',
        }),
      ]);
    });

    it('refuses the link policy without a searchable field to find the existing record by', () => {
      expect(validateMapping(leadMapping({ duplicatePolicy: 'link' }), lead)).toEqual([
        {
          path: 'duplicatePolicy',
          code: 'no_searchable_fields',
          severity: 'error',
          message: 'Linking to an existing record needs at least one searchable field to find it by.',
        },
      ]);
    });
  });

  it('validates a custom object with its own required field', () => {
    const ticket = buildLeadMetadata([
      buildFieldMetadata({ name: 'Ticket_Subject__c', label: 'Ticket Subject', nillable: false, length: 20 }),
    ]);

    const problems = validateMapping(leadMapping(), ticket);

    expect(problems).toEqual([
      expect.objectContaining({ field: 'Ticket_Subject__c', code: 'required_field_not_mapped' }),
    ]);
  });
});

describe('assignment rules and a mapped owner', () => {
  const lead = buildLeadMetadata();
  const ownerMapped = (autoAssign: boolean) =>
    buildMapping({
      fields: [
        { entryType: 'static', field: 'LastName', value: 'Doe' },
        { entryType: 'static', field: 'Company', value: 'Acme' },
        autoMatchAgentUser('OwnerId'),
      ],
      automation: true,
      autoAssign,
    });

  it('warns that assignment rules would replace the owner the mapping sets', () => {
    const problems = validateMapping(ownerMapped(true), lead);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'owner_replaced_by_assignment_rules',
        severity: 'warning',
        path: 'autoAssign',
      }),
    );
  });

  it('says nothing when the rules are off', () => {
    const problems = validateMapping(ownerMapped(false), lead);
    expect(problems.map((p) => p.code)).not.toContain('owner_replaced_by_assignment_rules');
  });
});

describe('uniqueProblems', () => {
  it('keeps each problem once, in order', () => {
    const a = {
      path: 'fields.0.value',
      code: 'value_truncated',
      severity: 'warning',
      message: 'Cut to fit.',
    } as const;
    const b = { ...a, path: 'fields.1.value' };
    expect(uniqueProblems([a, b, { ...a }, b])).toEqual([a, b]);
  });
});
