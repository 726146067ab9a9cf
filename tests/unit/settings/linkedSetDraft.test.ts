import { describe, expect, it } from 'vitest';
import type { SavedMapping } from '../../../src/api/mappings';
import type { Mapping } from '../../../src/mapping/mapping';
import { setOrder } from '../../../settings/mappings/chatSet';
import { draftOf, emptyEntry, toMapping, validateDraft } from '../../../settings/mappings/draft';
import { buildMapping } from '../../support/factories/mapping';
import { buildFieldMetadata, buildLeadMetadata } from '../../support/factories/salesforceMetadata';

const contactId = buildFieldMetadata({
  name: 'ContactId',
  label: 'Contact ID',
  type: 'reference',
  referenceTo: ['Contact'],
  nillable: true,
  createable: true,
});
const whoId = buildFieldMetadata({
  name: 'WhoId',
  label: 'Name ID',
  type: 'reference',
  referenceTo: ['Contact', 'Lead'],
  nillable: true,
  createable: true,
});

const saved = (objectName: string, overrides: Partial<Mapping> = {}): SavedMapping => ({
  ...buildMapping({ objectName, ...overrides }),
  id: `id-${objectName}-${overrides.kind ?? 'record'}`,
  accountId: 'account',
  objectLabel: objectName,
  createdAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('a chat’s linked set in the mapping editor', () => {
  it('starts a chat-record entry with the one mapped object the field can point to, or none to choose', () => {
    expect(emptyEntry(contactId, 'chatRecord', ['Lead', 'Contact'])).toEqual({
      entryType: 'chatRecord',
      field: 'ContactId',
      object: 'Contact',
    });
    expect(emptyEntry(whoId, 'chatRecord', ['Lead', 'Contact'])).toMatchObject({ object: null });
  });

  it('asks which of the chat’s records goes into the field until one is chosen', () => {
    const lead = buildLeadMetadata([whoId]);
    const draft = draftOf(buildMapping());
    draft.fields.push({ entryType: 'chatRecord', field: 'WhoId', object: null });
    expect(toMapping(draft)).toBeNull();
    const problems = validateDraft(draft, lead, { relatedObjects: {}, chatFields: [] });
    expect(problems).toContainEqual(
      expect.objectContaining({ path: `fields.${draft.fields.length - 1}.object`, code: 'value_required' }),
    );
  });

  it('saves the update rules only when the mapping updates what it finds', () => {
    const draft = draftOf(
      buildMapping({
        fields: [
          { entryType: 'dynamic', field: 'LastName', source: 'visitor.lastName', updateRule: 'overwrite' },
        ],
      }),
    );
    expect(toMapping({ ...draft, duplicatePolicy: 'update' })?.fields[0]).toMatchObject({
      updateRule: 'overwrite',
    });
    expect(toMapping({ ...draft, duplicatePolicy: 'link' })?.fields[0]).not.toHaveProperty('updateRule');
  });

  it('lists the mappings in the order a chat’s records are written, the conversation log last', () => {
    const task = saved('Task', {
      kind: 'conversation',
      logAs: 'task',
      fields: [
        { entryType: 'chatRecord', field: 'WhoId', object: 'Contact' },
        { entryType: 'chatRecord', field: 'WhatId', object: 'Case' },
      ],
    });
    const kase = saved('Case', {
      fields: [{ entryType: 'chatRecord', field: 'ContactId', object: 'Contact' }],
    });
    const contact = saved('Contact');
    expect(setOrder([task, kase, contact]).map((m) => m.objectName)).toEqual(['Contact', 'Case', 'Task']);
  });
});
