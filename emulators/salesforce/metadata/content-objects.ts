import { checkbox, dateTime, field, integer, lookup, owner, picklist, text } from './fields';
import { defineObject } from './define';
import type { ObjectDef } from './types';

const readOnly = { createable: false, updateable: false } as const;
/** The key prefix of ContentDocument; a ContentNote's id is its ContentDocument's id. */
export const CONTENT_DOCUMENT_PREFIX = '069';
export const CONTENT_DOCUMENT_LINK_PREFIX = '06A';
export const RECORD_TYPE_PREFIX = '012';

/** What a note or file can be linked to: the records with feeds in this org, and users. */
export const linkableObjects = [
  'Account',
  'Campaign',
  'Case',
  'Chat_Transcript__c',
  'Contact',
  'Lead',
  'Opportunity',
  'Task',
  'User',
];

/**
 * ContentDocument: the document behind a note or file; created with its ContentNote (or
 * ContentVersion), never on its own (ContentDocument, Object Reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocument.htm).
 */
function contentDocument(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'ContentDocument',
      label: 'Content Document',
      labelPlural: 'Content Documents',
      keyPrefix: CONTENT_DOCUMENT_PREFIX,
      createable: false,
      updateable: false,
      searchable: false,
      fields: [
        text('Title', 'Title', 255, { ...readOnly, nillable: false, nameField: true }),
        owner(),
        text('FileType', 'File Type', 20, readOnly),
        text('FileExtension', 'File Extension', 40, readOnly),
        { ...integer('ContentSize', 'Size', 10), ...readOnly },
        dateTime('ContentModifiedDate', 'Content Modified Date', readOnly),
      ],
    },
    at,
  );
}

/**
 * ContentNote, the enhanced note: `Title` (required) and `Content` (base64 of the note's HTML) are
 * the only fields that can be written; its type is always SNOTE (ContentNote, Object Reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentnote.htm).
 */
function contentNote(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'ContentNote',
      label: 'Note',
      labelPlural: 'Notes',
      keyPrefix: CONTENT_DOCUMENT_PREFIX,
      searchable: false,
      fields: [
        text('Title', 'Title', 255, { nillable: false, nameField: true }),
        field('Content', 'Content', 'base64', { filterable: false, sortable: false, groupable: false }),
        text('TextPreview', 'Text Preview', 300, readOnly),
        text('FileType', 'File Type', 20, readOnly),
        text('FileExtension', 'File Extension', 40, readOnly),
        { ...integer('ContentSize', 'Size', 10), ...readOnly },
        dateTime('ContentModifiedDate', 'Content Modified Date', readOnly),
        checkbox('IsReadOnly', 'Is Read Only', false, readOnly),
        { ...owner(), updateable: false },
        {
          ...picklist('SharingPrivacy', 'Sharing Privacy', ['N', 'P'], {
            defaultValue: 'N',
            restricted: true,
          }),
          updateable: false,
        },
      ],
    },
    at,
  );
}

/**
 * ContentDocumentLink: a document shared with a record or user. `ContentDocumentId` and
 * `LinkedEntityId` are set on create only; `ShareType` (V viewer, C collaborator, I inferred) is
 * required and `Visibility` defaulted, both restricted picklists (ContentDocumentLink, Object
 * Reference: https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_contentdocumentlink.htm).
 */
function contentDocumentLink(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'ContentDocumentLink',
      label: 'Content Document Link',
      labelPlural: 'Content Document Links',
      keyPrefix: CONTENT_DOCUMENT_LINK_PREFIX,
      searchable: false,
      fields: [
        lookup('ContentDocumentId', 'Content Document ID', ['ContentDocument'], 'ContentDocument', {
          nillable: false,
          updateable: false,
        }),
        lookup('LinkedEntityId', 'Linked Entity ID', linkableObjects, 'LinkedEntity', {
          nillable: false,
          updateable: false,
        }),
        picklist('ShareType', 'Share Type', ['V', 'C', 'I'], { restricted: true, required: true }),
        picklist('Visibility', 'Visibility', ['AllUsers', 'InternalUsers', 'SharedUsers'], {
          defaultValue: 'AllUsers',
          restricted: true,
        }),
      ],
    },
    at,
  );
}

/**
 * RecordType: read-only through the API; the master record type is not one of its records
 * (RecordType, Object Reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_recordtype.htm).
 */
function recordType(at: Date): ObjectDef {
  return defineObject(
    {
      name: 'RecordType',
      label: 'Record Type',
      labelPlural: 'Record Types',
      keyPrefix: RECORD_TYPE_PREFIX,
      createable: false,
      updateable: false,
      deletable: false,
      searchable: false,
      fields: [
        text('Name', 'Record Type Name', 80, { ...readOnly, nillable: false, nameField: true }),
        text('DeveloperName', 'Record Type Name', 80, { ...readOnly, nillable: false }),
        text('NamespacePrefix', 'Namespace Prefix', 15, readOnly),
        text('Description', 'Description', 255, readOnly),
        text('SobjectType', 'SObject Type Name', 40, { ...readOnly, nillable: false }),
        checkbox('IsActive', 'Active', false, readOnly),
      ],
    },
    at,
  );
}

/** The objects behind notes and record types, in the order ids are resolved (ContentDocument first). */
export function contentObjects(at: Date): ObjectDef[] {
  return [contentDocument(at), contentNote(at), contentDocumentLink(at), recordType(at)];
}
