import { describe, expect, it } from 'vitest';
import { cardValues, planCardFields, type CardField } from '../../../server/widget/relatedCards';
import {
  buildFieldMetadata,
  buildObjectMetadata,
  buildPicklistValues,
} from '../../support/factories/salesforceMetadata';

const reference = (name: string, label: string, referenceTo: string[], relationshipName: string) =>
  buildFieldMetadata({ name, label, type: 'reference', referenceTo, relationshipName, length: 18 });

const task = buildObjectMetadata({
  name: 'Task',
  fields: [
    buildFieldMetadata({ name: 'Subject', label: 'Subject', nameField: true }),
    reference('WhatId', 'Related To ID', ['Account', 'Opportunity'], 'What'),
    reference('ParentCase__c', 'Parent Case', ['Case'], 'ParentCase__r'),
    reference('Vendor__c', 'Vendor', ['Vendor__c'], 'Vendor__r'),
    buildFieldMetadata({
      name: 'Status',
      label: 'Status',
      type: 'picklist',
      picklistValues: [{ value: 'Not Started', label: 'Nicht begonnen', active: true, defaultValue: true }],
    }),
  ],
});
const targets = new Map([
  [
    'Case',
    buildObjectMetadata({
      name: 'Case',
      fields: [buildFieldMetadata({ name: 'CaseNumber', label: 'Case Number', nameField: true })],
    }),
  ],
]);

describe('planning a card’s fields', () => {
  it('reads lookups by the name field of what they point to, a polymorphic one by Name', () => {
    const cards = planCardFields(
      { cardFields: ['WhatId', 'ParentCase__c', 'Vendor__c', 'Status'] },
      task,
      targets,
    );
    // Vendor__c's object could not be described: its name field is unknown, so it is left out.
    expect(cards.map((c) => [c.name, c.label, c.select])).toEqual([
      ['WhatId', 'Related To', 'What.Name'],
      ['ParentCase__c', 'Parent Case', 'ParentCase__r.CaseNumber'],
      ['Status', 'Status', 'Status'],
    ]);
  });
});

describe('a card’s values', () => {
  const card = (name: string, type: string, extra: Partial<CardField> = {}): CardField => ({
    name,
    label: name,
    type,
    select: name,
    ...extra,
  });

  it('shows picklists by label, booleans in words, parents by name, and leaves empty ones out', () => {
    const labels = new Map(buildPicklistValues(['a', 'b']).map((v) => [v.value, v.label.toUpperCase()]));
    const values = cardValues(
      [
        card('Status', 'picklist', { labels: new Map([['Not Started', 'Nicht begonnen']]) }),
        card('Topics', 'multipicklist', { labels }),
        card('DoNotCall', 'boolean'),
        card('Probability', 'percent'),
        card('AccountId', 'reference', { select: 'Account.Name' }),
        card('OwnerId', 'reference', { select: 'Owner.Name' }),
        card('Title', 'string'),
        card('Fax', 'phone'),
      ],
      {
        Status: 'Not Started',
        Topics: 'a;b;c',
        DoNotCall: false,
        Probability: 40,
        Account: { attributes: { type: 'Account' }, Name: 'Acme' },
        Owner: null,
        Title: '',
      },
    );
    expect(values.map((v) => [v.field, v.value, v.kind])).toEqual([
      ['Status', 'Nicht begonnen', 'text'],
      ['Topics', 'A, B, c', 'text'],
      ['DoNotCall', 'No', 'text'],
      ['Probability', '40%', 'text'],
      ['AccountId', 'Acme', 'text'],
    ]);
  });

  it('hands dates and times to the widget to format, and cuts long text', () => {
    const values = cardValues(
      [card('Birthdate', 'date'), card('ClosedDate', 'datetime'), card('Description', 'textarea')],
      { Birthdate: '1980-03-14', ClosedDate: '2026-01-10T09:30:00.000+0000', Description: 'x'.repeat(500) },
    );
    expect(values[0]).toMatchObject({ value: '1980-03-14', kind: 'date' });
    expect(values[1]).toMatchObject({ value: '2026-01-10T09:30:00.000+0000', kind: 'datetime' });
    expect(values[2]!.value).toHaveLength(201);
    expect(values[2]!.value.endsWith('…')).toBe(true);
  });
});
