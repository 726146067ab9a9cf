/**
 * Issue 15's checks at save: chat-record entries and their cycles, update rules, skipping a mapping for
 * a visitor known as another object, record types and their picklists, and the conversation log.
 */
import { describe, expect, it } from 'vitest';
import type { FieldMapping, Mapping } from '../../../src/mapping/mapping';
import { newConversationMapping } from '../../../src/mapping/newMapping';
import { validateMapping, type ValidateMappingOptions } from '../../../src/mapping/validate';
import type { ObjectMetadata } from '../../../src/salesforce/objectMetadata';
import { buildMapping } from '../../support/factories/mapping';
import { buildLeadMetadata, buildPicklistValues } from '../../support/factories/salesforceMetadata';
import { caseMeta, contactMeta, recordTypes, taskMeta } from './linkedSetMetadata';

const contactMapping = buildMapping({
  objectName: 'Contact',
  fields: [
    { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
    { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
  ],
  searchableFields: ['Email'],
  duplicatePolicy: 'link',
  autoAssign: false,
});
const leadMapping = buildMapping({
  fields: [
    { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName' },
    { entryType: 'static', field: 'Company', value: 'ACME' },
    { entryType: 'dynamic', field: 'Email', source: 'visitor.email' },
  ],
  searchableFields: ['Email'],
  autoAssign: false,
});

const caseMapping = (fields: FieldMapping[] = [], overrides: Partial<Mapping> = {}): Mapping =>
  buildMapping({
    objectName: 'Case',
    fields: [{ entryType: 'dynamic', field: 'Subject', source: 'chat.subject' }, ...fields],
    searchableFields: [],
    autoAssign: false,
    ...overrides,
  });

const codes = (problems: { path: string; code: string }[]) => problems.map((p) => [p.path, p.code]);

function check(mapping: Mapping, meta: ObjectMetadata, options: ValidateMappingOptions = {}) {
  return validateMapping(mapping, meta, { siblings: [contactMapping, leadMapping], ...options });
}

describe('chat-record entries', () => {
  it("accept a reference field that takes this chat's record of a mapped object", () => {
    expect(
      check(caseMapping([{ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' }]), caseMeta),
    ).toEqual([]);
  });

  it('warn, without refusing, when automation is off for the object pointed to: after a chat the field would stay empty', () => {
    const pointing = caseMapping([{ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' }], {
      automation: true,
    });
    const siblings = [{ ...contactMapping, automation: false }, leadMapping];
    expect(check(pointing, caseMeta, { siblings: [{ ...contactMapping, automation: true }] })).toEqual([]);
    expect(check(pointing, caseMeta, { siblings })).toEqual([
      {
        path: 'fields.1.object',
        field: 'ContactId',
        code: 'chat_record_not_automated',
        severity: 'warning',
        message:
          "Automation is off for Contact, so after a chat no Contact is looked up or created for this: it stays empty unless an agent made the chat's Contact in the widget. Turn on Contact's automation to fill it by itself.",
      },
    ]);
    // Made only by agents in the widget, the Case takes the Contact they made or found there.
    expect(check({ ...pointing, automation: false }, caseMeta, { siblings })).toEqual([]);
  });

  it('refuse an object the reference cannot point to, naming those it can (a Task WhoId is not a Case)', () => {
    const task = {
      ...newConversationMapping(taskMeta, []),
      fields: [{ entryType: 'chatRecord', field: 'WhoId', object: 'Case' } as const],
    };
    const problems = check(task, taskMeta, { siblings: [contactMapping, caseMapping()] });
    expect(problems).toEqual([
      {
        path: 'fields.0.object',
        field: 'WhoId',
        code: 'chat_record_object_not_allowed',
        severity: 'error',
        message: '"Who" can point to Contact or Lead, not to Case.',
      },
    ]);
  });

  it('refuse a field that is not a reference', () => {
    expect(
      codes(
        check(
          caseMapping([{ entryType: 'chatRecord', field: 'SuppliedEmail', object: 'Contact' }]),
          caseMeta,
        ),
      ),
    ).toEqual([['fields.1.entryType', 'chat_record_not_reference']]);
  });

  it('ask to map the object first when the account has no mapping of it', () => {
    const [problem] = check(
      caseMapping([{ entryType: 'chatRecord', field: 'AccountId', object: 'Account' }]),
      caseMeta,
    );
    expect(problem).toEqual({
      path: 'fields.1.object',
      field: 'AccountId',
      code: 'chat_record_object_not_mapped',
      severity: 'error',
      message:
        'This account has no mapping of Account yet, so a chat has no Account to point to. Map Account first, then choose it here.',
    });
  });

  it('do not count the conversation log as a mapping of its object', () => {
    const log = newConversationMapping(taskMeta, []);
    const problems = check(
      caseMapping([{ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' }]),
      caseMeta,
      {
        siblings: [log],
      },
    );
    expect(codes(problems)).toEqual([['fields.1.object', 'chat_record_object_not_mapped']]);
  });

  it('refuse a record pointing to itself', () => {
    expect(
      codes(check(caseMapping([{ entryType: 'chatRecord', field: 'ParentId', object: 'Case' }]), caseMeta)),
    ).toEqual([['fields.1.object', 'chat_record_cycle']]);
  });

  it('refuse a cycle through the saved mappings at the field that closes it', () => {
    const contactPointingToCase: Mapping = {
      ...contactMapping,
      fields: [...contactMapping.fields, { entryType: 'chatRecord', field: 'Case__c', object: 'Case' }],
    };
    const problems = check(
      caseMapping([
        { entryType: 'static', field: 'Origin', value: 'Chat' },
        { entryType: 'chatRecord', field: 'ContactId', object: 'Contact' },
      ]),
      caseMeta,
      { siblings: [contactPointingToCase] },
    );
    expect(problems).toEqual([
      {
        path: 'fields.2.object',
        field: 'ContactId',
        code: 'chat_record_cycle',
        severity: 'error',
        message:
          'Case → Contact → Case: each of these records would need the other to be written first. Remove one of these links.',
      },
    ]);
  });

  it('find a longer cycle, and none where the references only converge', () => {
    const account = buildMapping({
      objectName: 'Account',
      fields: [{ entryType: 'chatRecord', field: 'Case__c', object: 'Case' }],
    });
    const contact: Mapping = {
      ...contactMapping,
      fields: [...contactMapping.fields, { entryType: 'chatRecord', field: 'AccountId', object: 'Account' }],
    };
    const withCycle = check(
      caseMapping([{ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' }]),
      caseMeta,
      {
        siblings: [contact, account],
      },
    );
    expect(withCycle.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Case → Contact → Account → Case: /),
    ]);

    const plainAccount = buildMapping({ objectName: 'Account', fields: [] });
    const converging = check(
      caseMapping([
        { entryType: 'chatRecord', field: 'ContactId', object: 'Contact' },
        { entryType: 'chatRecord', field: 'AccountId', object: 'Account' },
      ]),
      caseMeta,
      { siblings: [contact, plainAccount] },
    );
    expect(converging).toEqual([]);
  });

  it('are checked against the object alone when the siblings are not given', () => {
    expect(
      validateMapping(
        caseMapping([{ entryType: 'chatRecord', field: 'AccountId', object: 'Account' }]),
        caseMeta,
      ),
    ).toEqual([]);
  });
});

describe('update rules', () => {
  const updating = (fields: FieldMapping[], overrides: Partial<Mapping> = {}) =>
    caseMapping([{ entryType: 'dynamic', field: 'SuppliedEmail', source: 'visitor.email' }, ...fields], {
      searchableFields: ['SuppliedEmail'],
      duplicatePolicy: 'update',
      ...overrides,
    });

  it('are accepted with the update policy', () => {
    expect(
      check(
        updating([{ entryType: 'static', field: 'Status', value: 'Working', updateRule: 'overwrite' }]),
        caseMeta,
      ),
    ).toEqual([]);
  });

  it('are pointed out as unused with another policy', () => {
    const problems = check(
      updating([{ entryType: 'static', field: 'Status', value: 'Working', updateRule: 'overwrite' }], {
        duplicatePolicy: 'link',
      }),
      caseMeta,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'fields.2.updateRule',
        code: 'update_rule_unused',
        severity: 'warning',
      }),
    ]);
  });

  it('say a field that cannot change on an existing record is set on new ones only', () => {
    const problems = check(
      updating([
        { entryType: 'dynamic', field: 'Created_From_Chat__c', source: 'chat.id', updateRule: 'overwrite' },
      ]),
      caseMeta,
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'fields.2.updateRule',
        code: 'field_not_updateable',
        severity: 'warning',
        message: '"Created From Chat" cannot be changed on an existing Case; it is set on new records only.',
      }),
    ]);
  });

  it('need a searchable field to find the record to update', () => {
    const problems = check(caseMapping([], { duplicatePolicy: 'update' }), caseMeta);
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'duplicatePolicy',
        code: 'no_searchable_fields',
        message: 'Updating an existing record needs at least one searchable field to find it by.',
      }),
    ]);
  });
});

describe('skipping for a visitor known as another object', () => {
  const lead = buildLeadMetadata();
  const related = { Contact: contactMeta, Case: caseMeta };
  const orgObjects = ['Lead', 'Contact', 'Case', 'Account'];

  it('accepts an object that has the searchable fields (no Lead for a known Contact)', () => {
    expect(
      check({ ...leadMapping, skipIfExistsAs: ['Contact'] }, lead, { relatedObjects: related, orgObjects }),
    ).toEqual([]);
  });

  it('refuses an unknown object, the mapping’s own, one listed twice, and one without the searchable field', () => {
    const problems = check({ ...leadMapping, skipIfExistsAs: ['Nope__c', 'Lead', 'Case', 'Case'] }, lead, {
      relatedObjects: related,
      orgObjects,
    });
    expect(codes(problems)).toEqual([
      ['skipIfExistsAs.0', 'skip_object_unknown'],
      ['skipIfExistsAs.1', 'skip_object_is_own'],
      ['skipIfExistsAs.2', 'skip_object_field_missing'],
      ['skipIfExistsAs.3', 'skip_object_duplicate'],
    ]);
    expect(problems[2]!.message).toBe(
      'Case has no field Email, a searchable field of this mapping, so the visitor cannot be looked for there.',
    );
  });

  it('needs searchable fields to look for the visitor by', () => {
    const problems = check({ ...leadMapping, searchableFields: [], skipIfExistsAs: ['Contact'] }, lead, {
      relatedObjects: related,
      orgObjects,
    });
    expect(codes(problems)).toEqual([['skipIfExistsAs', 'skip_needs_searchable_fields']]);
  });
});

describe('record types', () => {
  const support = '0125g0000000SupAAA';
  const supportPicklists = {
    Origin: {
      values: [
        { value: 'Phone', label: 'Phone' },
        { value: 'Email', label: 'Email' },
        { value: 'Chat', label: 'Chat' },
      ],
      defaultValue: 'Chat',
    },
  };

  it('accept one of the object’s record types available to the connected user (15 or 18 characters)', () => {
    expect(check(caseMapping([], { recordTypeId: support }), caseMeta)).toEqual([]);
    expect(check(caseMapping([], { recordTypeId: support.slice(0, 15) }), caseMeta)).toEqual([]);
    expect(check(caseMapping([], { recordTypeId: null }), caseMeta)).toEqual([]);
  });

  it('refuse the master, an unavailable type and an unknown id, naming those to choose from', () => {
    for (const id of ['012000000000000AAA', '0125g0000000OldAAA', '0125g0000000ZzzAAA']) {
      const problems = check(caseMapping([], { recordTypeId: id }), caseMeta);
      expect(codes(problems)).toEqual([['recordTypeId', 'unknown_record_type']]);
      expect(problems[0]!.message).toMatch(
        /choose “General”, “Support”, or leave it empty for the default\.$/,
      );
    }
    expect(check(caseMapping([], { recordTypeId: '0125g0000000OldAAA' }), caseMeta)[0]!.message).toMatch(
      /^The record type “Legacy” is not available to the connected Salesforce user/,
    );
  });

  it('refuse a record type on an object without any', () => {
    const problems = check(
      { ...contactMapping, recordTypeId: support },
      { ...contactMeta, recordTypes: [recordTypes[0]!] },
    );
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'recordTypeId',
        message: 'Contact has no record types to choose from in this org; leave the record type empty.',
      }),
    ]);
  });

  it('refuse RecordTypeId as a field beside the mapping’s record type', () => {
    const problems = check(
      caseMapping([{ entryType: 'static', field: 'RecordTypeId', value: support }], {
        recordTypeId: support,
      }),
      caseMeta,
    );
    expect(codes(problems)).toEqual([['fields.1.field', 'record_type_set_twice']]);
  });

  it('check static picklist values against the record type’s values', () => {
    const web = caseMapping([{ entryType: 'static', field: 'Origin', value: 'Web' }], {
      recordTypeId: support,
    });
    expect(check(web, caseMeta)).toEqual([]); // without the record type's values: the describe's
    const problems = check(web, caseMeta, { recordTypePicklists: supportPicklists });
    expect(problems).toEqual([
      {
        path: 'fields.1.value',
        field: 'Origin',
        code: 'invalid_picklist_value',
        severity: 'error',
        message:
          '"Case Origin" does not accept "Web". Allowed: "Phone", "Email", "Chat". (Values of the record type “Support”.)',
      },
    ]);
    const chat = caseMapping([{ entryType: 'static', field: 'Origin', value: 'Chat' }], {
      recordTypeId: support,
    });
    expect(check(chat, caseMeta, { recordTypePicklists: supportPicklists })).toEqual([]);
  });
});

describe('the conversation log', () => {
  it('is offered as a completed Task linked to the chat’s Contact and Case, and is valid', () => {
    const log = newConversationMapping(taskMeta, [contactMapping, leadMapping, caseMapping()]);
    expect(log).toEqual({
      objectName: 'Task',
      kind: 'conversation',
      logAs: 'task',
      fields: [
        { entryType: 'dynamic', field: 'Subject', source: 'chat.subject' },
        { entryType: 'dynamic', field: 'Description', source: 'chat.conversation' },
        { entryType: 'static', field: 'Status', value: 'Completed' },
        { entryType: 'dynamic', field: 'ActivityDate', source: 'chat.endedAt' },
        { entryType: 'chatRecord', field: 'WhoId', object: 'Contact' },
        { entryType: 'chatRecord', field: 'WhatId', object: 'Case' },
      ],
      searchableFields: [],
      automation: false,
      duplicatePolicy: 'create',
      autoAssign: false,
    });
    expect(check(log, taskMeta, { siblings: [contactMapping, leadMapping, caseMapping()] })).toEqual([]);
  });

  it('links the Lead when no Contact is mapped, nothing when neither is, and uses the org’s closed status', () => {
    const closedAs = {
      ...taskMeta,
      fields: taskMeta.fields.map((f) =>
        f.name === 'Status' ? { ...f, picklistValues: buildPicklistValues(['Open', 'Done']) } : f,
      ),
    };
    const log = newConversationMapping(closedAs, [leadMapping]);
    expect(log.fields.filter((f) => f.entryType !== 'dynamic')).toEqual([
      { entryType: 'static', field: 'Status', value: 'Done' },
      { entryType: 'chatRecord', field: 'WhoId', object: 'Lead' },
    ]);
    expect(newConversationMapping(taskMeta, []).fields.map((f) => f.field)).toEqual([
      'Subject',
      'Description',
      'Status',
      'ActivityDate',
    ]);
  });

  it('is a Task, says how it is logged, is created for every chat, and is one per account', () => {
    const log = newConversationMapping(taskMeta, []);
    const { logAs: _logAs, ...withoutLogAs } = log;
    expect(
      codes(
        check({ ...withoutLogAs, duplicatePolicy: 'link', searchableFields: ['Subject'] }, taskMeta, {
          siblings: [log],
        }),
      ),
    ).toEqual([
      ['logAs', 'conversation_log_as_missing'],
      ['duplicatePolicy', 'conversation_not_created'],
      ['kind', 'conversation_exists'],
    ]);
    expect(codes(check({ ...log, objectName: 'Case' }, caseMeta))).toContainEqual([
      'objectName',
      'conversation_not_task',
    ]);
  });

  it('is the only mapping logged as a Task or a Note', () => {
    expect(codes(check({ ...contactMapping, logAs: 'note' }, contactMeta))).toEqual([
      ['logAs', 'log_as_not_conversation'],
    ]);
  });
});
