import {
  checkbox,
  currency,
  date,
  dateTime,
  email,
  field,
  integer,
  lookup,
  number,
  owner,
  personName,
  phone,
  picklist,
  text,
  textArea,
  url,
} from './fields';
import { defineObject } from './define';
import type { ObjectDef } from './types';
import { keyPrefixes } from '../ids';

const salutations = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'];
const leadSources = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const industries = [
  'Agriculture',
  'Banking',
  'Communications',
  'Consulting',
  'Education',
  'Electronics',
  'Finance',
  'Healthcare',
  'Hospitality',
  'Manufacturing',
  'Media',
  'Retail',
  'Technology',
  'Other',
];
const readOnly = { createable: false, updateable: false } as const;

function address(prefix: string, labelPrefix: string) {
  return [
    textArea(`${prefix}Street`, `${labelPrefix} Street`),
    text(`${prefix}City`, `${labelPrefix} City`, 40),
    text(`${prefix}State`, `${labelPrefix} State/Province`, 80),
    text(`${prefix}PostalCode`, `${labelPrefix} Zip/Postal Code`, 20),
    text(`${prefix}Country`, `${labelPrefix} Country`, 80),
  ];
}

function lead(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Lead',
      label: 'Lead',
      labelPlural: 'Leads',
      keyPrefix: keyPrefixes.Lead,
      nameRule: { kind: 'person' },
      fields: [
        text('LastName', 'Last Name', 80, { nillable: false }),
        text('FirstName', 'First Name', 40),
        picklist('Salutation', 'Salutation', salutations),
        personName(),
        text('Title', 'Title', 128),
        text('Company', 'Company', 255, { nillable: false }),
        ...address('', ''),
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile Phone'),
        email('Email', 'Email'),
        url('Website', 'Website'),
        textArea('Description', 'Description', 32000),
        picklist('LeadSource', 'Lead Source', leadSources),
        picklist(
          'Status',
          'Status',
          ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
          { defaultValue: 'Open - Not Contacted' },
        ),
        picklist('Industry', 'Industry', industries),
        picklist('Rating', 'Rating', ['Hot', 'Warm', 'Cold']),
        currency('AnnualRevenue', 'Annual Revenue'),
        integer('NumberOfEmployees', 'Employees', 8),
        owner(['Group', 'User']),
        // Set by lead conversion only: neither createable nor updateable through the API (Lead, Object
        // Reference: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm;
        // the conversion fields of https://developer.salesforce.com/docs/atlas.en-us.change_data_capture.meta/change_data_capture/cdc_standard_objects_lead_conversion.htm).
        checkbox('IsConverted', 'Converted', false, readOnly),
        date('ConvertedDate', 'Converted Date', readOnly),
        lookup('ConvertedAccountId', 'Converted Account ID', ['Account'], 'ConvertedAccount', readOnly),
        lookup('ConvertedContactId', 'Converted Contact ID', ['Contact'], 'ConvertedContact', readOnly),
        lookup(
          'ConvertedOpportunityId',
          'Converted Opportunity ID',
          ['Opportunity'],
          'ConvertedOpportunity',
          readOnly,
        ),
        checkbox('IsUnreadByOwner', 'Unread By Owner'),
        checkbox('HasOptedOutOfEmail', 'Email Opt Out'),
        checkbox('DoNotCall', 'Do Not Call'),
        text('LiveChat_Visitor_Id__c', 'LiveChat Visitor ID', 64, { unique: true, externalId: true }),
      ],
    },
    at,
  );
}

function contact(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Contact',
      label: 'Contact',
      labelPlural: 'Contacts',
      keyPrefix: keyPrefixes.Contact,
      nameRule: { kind: 'person' },
      fields: [
        lookup('AccountId', 'Account ID', ['Account'], 'Account'),
        text('LastName', 'Last Name', 80, { nillable: false }),
        text('FirstName', 'First Name', 40),
        picklist('Salutation', 'Salutation', salutations),
        personName(),
        ...address('Mailing', 'Mailing'),
        phone('Phone', 'Business Phone'),
        phone('Fax', 'Business Fax'),
        phone('MobilePhone', 'Mobile Phone'),
        phone('HomePhone', 'Home Phone'),
        phone('OtherPhone', 'Other Phone'),
        lookup('ReportsToId', 'Reports To ID', ['Contact'], 'ReportsTo'),
        email('Email', 'Email'),
        text('Title', 'Title', 128),
        text('Department', 'Department', 80),
        picklist('LeadSource', 'Lead Source', leadSources),
        date('Birthdate', 'Birthdate'),
        textArea('Description', 'Contact Description', 32000),
        owner(),
        checkbox('HasOptedOutOfEmail', 'Email Opt Out'),
        checkbox('DoNotCall', 'Do Not Call'),
        text('LiveChat_Visitor_Id__c', 'LiveChat Visitor ID', 64, { unique: true, externalId: true }),
      ],
    },
    at,
  );
}

function account(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Account',
      label: 'Account',
      labelPlural: 'Accounts',
      keyPrefix: keyPrefixes.Account,
      fields: [
        text('Name', 'Account Name', 255, { nillable: false, nameField: true }),
        picklist('Type', 'Account Type', [
          'Prospect',
          'Customer - Direct',
          'Customer - Channel',
          'Channel Partner / Reseller',
          'Installation Partner',
          'Technology Partner',
          'Other',
        ]),
        lookup('ParentId', 'Parent Account ID', ['Account'], 'Parent'),
        ...address('Billing', 'Billing'),
        ...address('Shipping', 'Shipping'),
        phone('Phone', 'Account Phone'),
        phone('Fax', 'Account Fax'),
        text('AccountNumber', 'Account Number', 40),
        url('Website', 'Website'),
        picklist('Industry', 'Industry', industries),
        currency('AnnualRevenue', 'Annual Revenue'),
        integer('NumberOfEmployees', 'Employees', 8),
        picklist('Rating', 'Account Rating', ['Hot', 'Warm', 'Cold']),
        textArea('Description', 'Account Description', 32000),
        owner(),
      ],
    },
    at,
  );
}

function supportCase(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Case',
      label: 'Case',
      labelPlural: 'Cases',
      keyPrefix: keyPrefixes.Case,
      nameRule: { kind: 'autoNumber', format: '{00000000}' },
      fields: [
        text('CaseNumber', 'Case Number', 30, {
          ...readOnly,
          nillable: false,
          defaultedOnCreate: true,
          autoNumber: true,
          nameField: true,
          idLookup: true,
          system: true,
        }),
        lookup('ContactId', 'Contact ID', ['Contact'], 'Contact'),
        lookup('AccountId', 'Account ID', ['Account'], 'Account'),
        lookup('ParentId', 'Parent Case ID', ['Case'], 'Parent'),
        text('SuppliedName', 'Web Name', 80),
        email('SuppliedEmail', 'Web Email'),
        text('SuppliedPhone', 'Web Phone', 40),
        text('SuppliedCompany', 'Web Company', 80),
        picklist('Type', 'Case Type', ['Question', 'Problem', 'Feature Request']),
        picklist('Status', 'Status', ['New', 'Working', 'Escalated', 'Closed'], { defaultValue: 'New' }),
        picklist('Reason', 'Case Reason', [
          'Installation',
          'Equipment Complexity',
          'Performance',
          'Breakdown',
          'Equipment Design',
          'Feedback',
          'Other',
        ]),
        picklist('Origin', 'Case Origin', ['Phone', 'Email', 'Web', 'Chat']),
        text('Subject', 'Subject', 255),
        picklist('Priority', 'Priority', ['High', 'Medium', 'Low'], { defaultValue: 'Medium' }),
        textArea('Description', 'Description', 32000),
        checkbox('IsClosed', 'Closed', false, readOnly),
        dateTime('ClosedDate', 'Closed Date', readOnly),
        checkbox('IsEscalated', 'Escalated'),
        owner(['Group', 'User']),
      ],
    },
    at,
  );
}

function opportunity(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Opportunity',
      label: 'Opportunity',
      labelPlural: 'Opportunities',
      keyPrefix: keyPrefixes.Opportunity,
      fields: [
        lookup('AccountId', 'Account ID', ['Account'], 'Account'),
        text('Name', 'Name', 120, { nillable: false, nameField: true }),
        textArea('Description', 'Description', 32000),
        picklist(
          'StageName',
          'Stage',
          [
            'Prospecting',
            'Qualification',
            'Needs Analysis',
            'Value Proposition',
            'Id. Decision Makers',
            'Perception Analysis',
            'Proposal/Price Quote',
            'Negotiation/Review',
            'Closed Won',
            'Closed Lost',
          ],
          { required: true },
        ),
        currency('Amount', 'Amount'),
        field('Probability', 'Probability (%)', 'percent', { precision: 3, scale: 0 }),
        date('CloseDate', 'Close Date', { nillable: false }),
        picklist('Type', 'Opportunity Type', ['Existing Business', 'New Business']),
        text('NextStep', 'Next Step', 255),
        picklist('LeadSource', 'Lead Source', leadSources),
        checkbox('IsClosed', 'Closed', false, readOnly),
        checkbox('IsWon', 'Won', false, readOnly),
        lookup('CampaignId', 'Campaign ID', ['Campaign'], 'Campaign'),
        owner(),
      ],
    },
    at,
  );
}

export const activityParents = ['Account', 'Opportunity', 'Case', 'Campaign', 'Chat_Transcript__c'];

function task(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Task',
      label: 'Task',
      labelPlural: 'Tasks',
      keyPrefix: keyPrefixes.Task,
      fields: [
        lookup('WhoId', 'Name ID', ['Contact', 'Lead'], 'Who'),
        lookup('WhatId', 'Related To ID', activityParents, 'What'),
        field('Subject', 'Subject', 'combobox', {
          length: 255,
          nameField: true,
          picklistValues: ['Call', 'Send Letter', 'Send Quote', 'Other'].map((value) => ({
            value,
            label: value,
            active: true,
            defaultValue: false,
          })),
        }),
        date('ActivityDate', 'Due Date Only'),
        picklist(
          'Status',
          'Status',
          ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
          { defaultValue: 'Not Started' },
        ),
        picklist('Priority', 'Priority', ['High', 'Normal', 'Low'], { defaultValue: 'Normal' }),
        owner(['Group', 'User']),
        textArea('Description', 'Description', 32000),
        picklist('Type', 'Type', ['Call', 'Email', 'Meeting', 'Other']),
        // TaskSubtype is set on create only, from a restricted list (Task, Object Reference:
        // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_task.htm).
        {
          ...picklist(
            'TaskSubtype',
            'Task Subtype',
            ['Task', 'Email', 'ListEmail', 'Cadence', 'Call', 'LinkedIn'],
            {
              defaultValue: 'Task',
              restricted: true,
            },
          ),
          updateable: false,
        },
        checkbox('IsClosed', 'Closed', false, readOnly),
        integer('CallDurationInSeconds', 'Call Duration', 8),
      ],
    },
    at,
  );
}

function user(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'User',
      label: 'User',
      labelPlural: 'Users',
      keyPrefix: keyPrefixes.User,
      nameRule: { kind: 'person' },
      createable: false,
      deletable: false,
      fields: [
        text('Username', 'Username', 80, { nillable: false, unique: true, idLookup: true }),
        text('LastName', 'Last Name', 80, { nillable: false }),
        text('FirstName', 'First Name', 40),
        personName(),
        text('CompanyName', 'Company Name', 80),
        text('Department', 'Department', 80),
        text('Title', 'Title', 80),
        email('Email', 'Email', { nillable: false }),
        phone('Phone', 'Phone'),
        phone('MobilePhone', 'Mobile'),
        text('Alias', 'Alias', 8, { nillable: false }),
        text('CommunityNickname', 'Nickname', 40),
        checkbox('IsActive', 'Active', true),
        text('TimeZoneSidKey', 'Time Zone', 40, { nillable: false }),
        text('LocaleSidKey', 'Locale', 40, { nillable: false }),
        text('LanguageLocaleKey', 'Language', 40, { nillable: false }),
        text('EmailEncodingKey', 'Email Encoding', 40, { nillable: false }),
        picklist('UserType', 'User Type', ['Standard', 'PowerPartner', 'CsnOnly', 'Guest'], {
          defaultValue: 'Standard',
        }),
      ],
    },
    at,
  );
}

/** The org itself: read-only, one record whose Id is the org id (apps read its Name). */
function organization(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Organization',
      label: 'Organization',
      labelPlural: 'Organizations',
      keyPrefix: keyPrefixes.Organization,
      createable: false,
      deletable: false,
      fields: [
        text('Name', 'Name', 80, { nillable: false, nameField: true, ...readOnly }),
        text('Division', 'Division', 80, readOnly),
        checkbox('IsSandbox', 'Is Sandbox', false, readOnly),
        picklist(
          'OrganizationType',
          'Edition',
          ['Developer Edition', 'Enterprise Edition', 'Unlimited Edition'],
          {
            defaultValue: 'Enterprise Edition',
            ...readOnly,
          },
        ),
      ],
    },
    at,
  );
}

function campaign(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Campaign',
      label: 'Campaign',
      labelPlural: 'Campaigns',
      keyPrefix: keyPrefixes.Campaign,
      fields: [
        text('Name', 'Name', 80, { nillable: false, nameField: true }),
        lookup('ParentId', 'Parent Campaign ID', ['Campaign'], 'Parent'),
        picklist('Type', 'Type', ['Conference', 'Webinar', 'Trade Show', 'Email', 'Advertisement', 'Other']),
        picklist('Status', 'Status', ['Planned', 'In Progress', 'Completed', 'Aborted'], {
          defaultValue: 'Planned',
        }),
        date('StartDate', 'Start Date'),
        date('EndDate', 'End Date'),
        currency('ExpectedRevenue', 'Expected Revenue in Campaign'),
        currency('BudgetedCost', 'Budgeted Cost in Campaign'),
        currency('ActualCost', 'Actual Cost in Campaign'),
        number('ExpectedResponse', 'Expected Response (%)', 10, 2),
        checkbox('IsActive', 'Active'),
        textArea('Description', 'Description', 32000),
        owner(),
      ],
    },
    at,
  );
}

/** The standard objects of a fresh org, their metadata last changed at `at`. */
export function standardObjects(at: Date): ObjectDef[] {
  return [
    account(at),
    contact(at),
    organization(at),
    lead(at),
    supportCase(at),
    opportunity(at),
    task(at),
    user(at),
    campaign(at),
  ];
}
