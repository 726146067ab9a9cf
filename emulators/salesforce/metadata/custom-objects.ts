import {
  checkbox,
  date,
  dateTime,
  email,
  lookup,
  multiPicklist,
  number,
  owner,
  picklist,
  text,
  textArea,
} from './fields';
import { defineObject } from './define';
import type { ObjectDef } from './types';

/** A chat transcript stored in Salesforce, the kind of custom object a chat integration adds. */
export function chatTranscriptObject(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'Chat_Transcript__c',
      label: 'Chat Transcript',
      labelPlural: 'Chat Transcripts',
      keyPrefix: 'a0X',
      nameRule: { kind: 'autoNumber', format: 'CT-{00000}' },
      fields: [
        text('Name', 'Chat Transcript Name', 80, {
          createable: false,
          updateable: false,
          nillable: false,
          defaultedOnCreate: true,
          autoNumber: true,
          nameField: true,
          custom: false,
          system: true,
        }),
        owner(),
        text('Chat_Id__c', 'Chat ID', 64, { unique: true, externalId: true }),
        lookup('Contact__c', 'Contact', ['Contact'], 'Contact__r'),
        lookup('Lead__c', 'Lead', ['Lead'], 'Lead__r'),
        picklist('Status__c', 'Status', ['Open', 'Closed', 'Archived'], { restricted: true }),
        multiPicklist('Topics__c', 'Topics', ['Billing', 'Shipping', 'Returns', 'Technical', 'Other'], true),
        picklist('Channel__c', 'Channel', ['Website', 'Facebook Messenger', 'WhatsApp', 'Email']),
        date('Chat_Date__c', 'Chat Date'),
        dateTime('Started_At__c', 'Started At'),
        checkbox('Is_Resolved__c', 'Resolved'),
        number('Duration_Minutes__c', 'Duration (minutes)', 10, 2),
        number('Rating__c', 'Rating', 1, 0),
        email('Visitor_Email__c', 'Visitor Email'),
        textArea('Transcript__c', 'Transcript', 131072),
      ],
    },
    at,
  );
}
