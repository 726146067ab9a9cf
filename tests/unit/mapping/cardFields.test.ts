import { describe, expect, it } from 'vitest';
import {
  cardFieldLabel,
  cardFieldOptions,
  cardFieldsOf,
  checkCardFields,
  defaultCardFields,
} from '../../../src/mapping/cardFields';
import { mappingSchema } from '../../../src/mapping/mapping';
import { validateMapping } from '../../../src/mapping/validate';
import { buildMapping } from '../../support/factories/mapping';
import {
  buildFieldMetadata,
  buildLeadMetadata,
  buildObjectMetadata,
} from '../../support/factories/salesforceMetadata';

const reference = (name: string, label: string, referenceTo: string[], relationshipName: string | null) =>
  buildFieldMetadata({ name, label, type: 'reference', referenceTo, relationshipName, length: 18 });

const contact = buildObjectMetadata({
  name: 'Contact',
  label: 'Contact',
  fields: [
    buildFieldMetadata({ name: 'Name', label: 'Full Name', nameField: true, createable: false }),
    reference('AccountId', 'Account ID', ['Account'], 'Account'),
    buildFieldMetadata({ name: 'Phone', label: 'Business Phone', type: 'phone' }),
    buildFieldMetadata({ name: 'Title', label: 'Title' }),
    buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email' }),
    buildFieldMetadata({ name: 'MailingAddress', label: 'Mailing Address', type: 'address' }),
    buildFieldMetadata({ name: 'Photo__c', label: 'Photo', type: 'base64' }),
    reference('MasterRecordId', 'Master Record ID', ['Contact'], null),
  ],
});

const supportCase = buildObjectMetadata({
  name: 'Case',
  label: 'Case',
  fields: [
    buildFieldMetadata({ name: 'CaseNumber', label: 'Case Number', nameField: true, createable: false }),
    buildFieldMetadata({ name: 'Status', label: 'Status', type: 'picklist' }),
    buildFieldMetadata({ name: 'Priority', label: 'Priority', type: 'picklist' }),
    buildFieldMetadata({ name: 'Subject', label: 'Subject' }),
  ],
});

describe('the key fields a record card shows by default', () => {
  it('are Account, Phone and Title for Contacts; Status and Company for Leads; Status, Priority and Subject for Cases', () => {
    expect(defaultCardFields(contact)).toEqual(['AccountId', 'Phone', 'Title']);
    expect(defaultCardFields(buildLeadMetadata())).toEqual(['Status', 'Company']);
    expect(defaultCardFields(supportCase)).toEqual(['Status', 'Priority', 'Subject']);
  });

  it('leave out a default field this org’s object does not have', () => {
    const noTitle = { ...contact, fields: contact.fields.filter((f) => f.name !== 'Title') };
    expect(defaultCardFields(noTitle)).toEqual(['AccountId', 'Phone']);
  });

  it('are, for any other object, the first three of Name, Email, Phone and Status it has besides its title', () => {
    const ticket = buildObjectMetadata({
      name: 'Ticket__c',
      fields: [
        buildFieldMetadata({ name: 'Name', label: 'Ticket Number', nameField: true }),
        buildFieldMetadata({ name: 'Status__c', label: 'Status', type: 'picklist' }),
        buildFieldMetadata({ name: 'Email__c', label: 'Email', type: 'email' }),
        buildFieldMetadata({ name: 'Subject__c', label: 'Subject' }),
      ],
    });
    expect(defaultCardFields(ticket)).toEqual(['Email__c', 'Status__c']);

    const opportunity = buildObjectMetadata({
      name: 'Opportunity',
      fields: [
        buildFieldMetadata({ name: 'Title__c', label: 'Title', nameField: true }),
        buildFieldMetadata({ name: 'Name', label: 'Name' }),
        buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email' }),
        buildFieldMetadata({ name: 'Phone', label: 'Phone', type: 'phone' }),
        buildFieldMetadata({ name: 'Status', label: 'Status', type: 'picklist' }),
      ],
    });
    expect(defaultCardFields(opportunity)).toEqual(['Name', 'Email', 'Phone']);
  });

  it('apply to a mapping saved before the choice existed, which the contract still takes', () => {
    const { cardFields: _none, ...saved } = buildMapping({ objectName: 'Contact' });
    const old = mappingSchema.parse(JSON.parse(JSON.stringify(saved)));
    expect(old).not.toHaveProperty('cardFields');
    expect(cardFieldsOf(old, contact).map((f) => f.name)).toEqual(['AccountId', 'Phone', 'Title']);
  });
});

describe('the key fields shown', () => {
  it('keep the owner’s order and skip fields deleted since, or that a card cannot show', () => {
    const mapping = { cardFields: ['Title', 'Gone__c', 'MailingAddress', 'Email', 'Title'] };
    expect(cardFieldsOf(mapping, contact).map((f) => f.name)).toEqual(['Title', 'Email']);
  });

  it('are offered without the Id, the record’s name and what a card cannot show, lookups by what they point to', () => {
    expect(cardFieldOptions(contact).map((f) => cardFieldLabel(f))).toEqual([
      'Account',
      'Business Phone',
      'Email',
      'Title',
    ]);
  });
});

describe('checking the chosen key fields', () => {
  it('accepts no choice (the defaults) and fields the card can show', () => {
    expect(checkCardFields({}, contact)).toEqual([]);
    expect(checkCardFields({ cardFields: ['AccountId', 'Email'] }, contact)).toEqual([]);
  });

  it('says at the field which one is unknown, twice, or not something a card can show', () => {
    const problems = checkCardFields(
      { cardFields: ['title', 'Nope__c', 'Email', 'Email', 'MailingAddress', 'Photo__c', 'MasterRecordId'] },
      contact,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['cardFields', 'too_many_card_fields'],
      ['cardFields.0', 'card_field_unknown'],
      ['cardFields.1', 'card_field_unknown'],
      ['cardFields.3', 'card_field_duplicate'],
      ['cardFields.4', 'card_field_not_shown'],
      ['cardFields.5', 'card_field_not_shown'],
      ['cardFields.6', 'card_field_not_shown'],
    ]);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    const message = (path: string) => problems.find((p) => p.path === path)!.message;
    expect(message('cardFields')).toBe('A record card shows at most 5 fields; 7 are chosen. Remove 2.');
    expect(message('cardFields.0')).toBe('Contact has no field title to show agents. Did you mean Title?');
    expect(message('cardFields.3')).toBe('"Email" is chosen twice for the record card; keep one.');
    expect(message('cardFields.4')).toContain('"Mailing Address" is a field of type Address');
    expect(message('cardFields.5')).toContain('type File');
    expect(message('cardFields.6')).toContain('Salesforce gives no way to read the record it points to');
  });

  it('is part of checking a mapping before it is saved', () => {
    const lead = buildLeadMetadata();
    const problems = validateMapping(buildMapping({ cardFields: ['Status', 'Stauts'] }), lead);
    expect(problems).toContainEqual(
      expect.objectContaining({ path: 'cardFields.1', code: 'card_field_unknown', severity: 'error' }),
    );
  });

  it('refuses more than five in the contract, with the same words', () => {
    const parsed = mappingSchema.safeParse({ ...buildMapping(), cardFields: ['A', 'B', 'C', 'D', 'E', 'F'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ['cardFields'],
      message: 'Choose at most 5 fields to show to agents.',
    });
  });
});
