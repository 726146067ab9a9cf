/** Case, Contact and Task as the linked-set tests need them (record types, references between them). */
import type { ObjectMetadata, RecordType } from '../../../src/salesforce/objectMetadata';
import {
  buildFieldMetadata,
  buildObjectMetadata,
  buildPicklistValues,
} from '../../support/factories/salesforceMetadata';

export const reference = (name: string, referenceTo: string[]) =>
  buildFieldMetadata({ name, label: name.replace(/Id$/, ''), type: 'reference', length: 18, referenceTo });

export const recordTypes: RecordType[] = [
  {
    id: '012000000000000AAA',
    name: 'Master',
    developerName: 'Master',
    master: true,
    available: false,
    active: true,
    default: false,
  },
  {
    id: '0125g0000000GenAAA',
    name: 'General',
    developerName: 'General',
    master: false,
    available: true,
    active: true,
    default: true,
  },
  {
    id: '0125g0000000SupAAA',
    name: 'Support',
    developerName: 'Support',
    master: false,
    available: true,
    active: true,
    default: false,
  },
  {
    id: '0125g0000000OldAAA',
    name: 'Legacy',
    developerName: 'Legacy',
    master: false,
    available: false,
    active: true,
    default: false,
  },
];

export const caseMeta: ObjectMetadata = buildObjectMetadata({
  name: 'Case',
  label: 'Case',
  recordTypes,
  fields: [
    buildFieldMetadata({ name: 'Subject', label: 'Subject' }),
    buildFieldMetadata({ name: 'SuppliedEmail', label: 'Web Email', type: 'email', length: 80 }),
    buildFieldMetadata({
      name: 'Origin',
      label: 'Case Origin',
      type: 'picklist',
      restrictedPicklist: true,
      picklistValues: buildPicklistValues(['Phone', 'Email', 'Web', 'Chat']),
    }),
    buildFieldMetadata({
      name: 'Status',
      label: 'Status',
      type: 'picklist',
      picklistValues: buildPicklistValues(['New', 'Working', 'Closed']),
    }),
    buildFieldMetadata({ name: 'CaseNumber', label: 'Case Number', createable: false, updateable: false }),
    buildFieldMetadata({ name: 'Created_From_Chat__c', label: 'Created From Chat', updateable: false }),
    reference('ContactId', ['Contact']),
    reference('AccountId', ['Account']),
    reference('ParentId', ['Case']),
    reference('RecordTypeId', ['RecordType']),
  ],
});
export const contactMeta = buildObjectMetadata({
  name: 'Contact',
  label: 'Contact',
  fields: [
    buildFieldMetadata({ name: 'LastName', label: 'Last Name', nillable: false }),
    buildFieldMetadata({ name: 'Email', label: 'Email', type: 'email', length: 80 }),
    reference('AccountId', ['Account']),
    reference('Case__c', ['Case']),
  ],
});
export const taskMeta = buildObjectMetadata({
  name: 'Task',
  label: 'Task',
  fields: [
    buildFieldMetadata({ name: 'Subject', label: 'Subject', type: 'combobox' }),
    buildFieldMetadata({ name: 'Description', label: 'Description', type: 'textarea', length: 32000 }),
    buildFieldMetadata({
      name: 'Status',
      label: 'Status',
      type: 'picklist',
      nillable: false,
      defaultedOnCreate: true,
      picklistValues: buildPicklistValues(['Not Started', 'In Progress', 'Completed', 'Deferred']),
    }),
    buildFieldMetadata({ name: 'ActivityDate', label: 'Due Date Only', type: 'date', length: 0 }),
    reference('WhoId', ['Contact', 'Lead']),
    reference('WhatId', ['Account', 'Opportunity', 'Case']),
  ],
});
