import { z } from 'zod';
import { chatSourceIdSchema } from '../chat/chatFields';

/**
 * A mapping: how to build one Salesforce record of one object from a chat. This schema is the API contract
 * between the server and both frontends; it checks shape only. Whether the fields exist in the org and the
 * values fit them is `validateMapping`'s job, against the org's metadata.
 */

const apiNamePattern = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A Salesforce API name such as `Lead`, `LastName`, `Ticket_Id__c` or `ns__Thing__c`. */
export const apiNameSchema = (what: 'object' | 'field') =>
  z
    .string({ error: `Choose a Salesforce ${what}.` })
    .trim()
    .min(1, { error: `Choose a Salesforce ${what}.`, abort: true })
    .regex(apiNamePattern, {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a Salesforce ${what} API name ` +
        `(letters, digits and underscores, starting with a letter, such as ${what === 'object' ? 'Lead or Ticket__c' : 'LastName or Ticket_Id__c'}).`,
    });

export const staticValueSchema = z.union(
  [z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()],
  { error: 'A fixed value must be text, a number, true or false, a list of texts, or empty.' },
);
export type StaticValue = z.infer<typeof staticValueSchema>;

/**
 * When a mapping links to an existing record and updates it (duplicate policy `update`), what each field
 * does: `fillIfBlank` writes the chat's value only where the record has none, `overwrite` always writes
 * it, `never` leaves the record's value alone. Left out: `defaultUpdateRule(field)`.
 */
export const updateRules = ['fillIfBlank', 'overwrite', 'never'] as const;
export type UpdateRule = (typeof updateRules)[number];
const updateRuleSchema = z
  .enum(updateRules, {
    error: 'The update rule must be "fillIfBlank", "overwrite" or "never".',
  })
  .optional();

/** Fields an update never touches unless the owner says so: who owns the record, and where it stands. */
const NEVER_UPDATED_BY_DEFAULT = new Set(['OwnerId', 'Status', 'RecordTypeId']);

/** The rule of a field whose mapping entry names none: `never` for Owner and Status, else fill if blank. */
export function defaultUpdateRule(field: string): UpdateRule {
  return NEVER_UPDATED_BY_DEFAULT.has(field) ? 'never' : 'fillIfBlank';
}

export const staticFieldMappingSchema = z.object({
  entryType: z.literal('static'),
  updateRule: updateRuleSchema,
  field: apiNameSchema('field'),
  /** Multi-picklists take a list; reference fields the record id; `null` leaves the field empty. */
  value: staticValueSchema,
  /** What the settings app shows for the value, e.g. the name of the referenced record. */
  display: z.string().optional(),
});

export const dynamicFieldMappingSchema = z.object({
  entryType: z.literal('dynamic'),
  updateRule: updateRuleSchema,
  field: apiNameSchema('field'),
  source: chatSourceIdSchema,
});

export const autoMatchFieldMappingSchema = z.object({
  entryType: z.literal('autoMatch'),
  updateRule: updateRuleSchema,
  field: apiNameSchema('field'),
  match: z.object(
    {
      /** The referenced object to search, e.g. `User`. */
      object: apiNameSchema('object'),
      /** Its field that must equal the chat value, e.g. `Email`. */
      field: apiNameSchema('field'),
      /** The chat value, e.g. `agent.email`. */
      source: chatSourceIdSchema,
    },
    { error: 'Auto-Match needs the object to search, its field, and the chat value to match.' },
  ),
});

/**
 * A reference field whose value is this chat's record of another mapping of the same account: a Case's
 * `ContactId` is the chat's Contact (found or created), a Task's `WhatId` the chat's Case. Those
 * records are written first; the order of a chat's set follows these entries, and a cycle is refused.
 */
export const chatRecordFieldMappingSchema = z.object({
  entryType: z.literal('chatRecord'),
  updateRule: updateRuleSchema,
  field: apiNameSchema('field'),
  /** The object of the account's mapping (kind `record`) whose record of this chat goes here, e.g. `Contact`. */
  object: apiNameSchema('object'),
});

export const fieldMappingSchema = z.discriminatedUnion(
  'entryType',
  [
    staticFieldMappingSchema,
    dynamicFieldMappingSchema,
    autoMatchFieldMappingSchema,
    chatRecordFieldMappingSchema,
  ],
  { error: 'Each field needs an entry type: "static", "dynamic", "autoMatch" or "chatRecord".' },
);
export type StaticFieldMapping = z.infer<typeof staticFieldMappingSchema>;
export type DynamicFieldMapping = z.infer<typeof dynamicFieldMappingSchema>;
export type AutoMatchFieldMapping = z.infer<typeof autoMatchFieldMappingSchema>;
export type ChatRecordFieldMapping = z.infer<typeof chatRecordFieldMappingSchema>;
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type EntryType = FieldMapping['entryType'];

/**
 * `create`: always create a record. `link`: when the searchable fields find the visitor's record, link
 * to it instead. `update`: link to it, and update it by each field's `updateRule`.
 */
export const duplicatePolicies = ['create', 'link', 'update'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

export const mappingKinds = ['record', 'conversation'] as const;
export type MappingKind = (typeof mappingKinds)[number];
export const conversationLogKinds = ['task', 'note'] as const;
export type ConversationLogKind = (typeof conversationLogKinds)[number];

/** At most this many key fields on a record card in the widget (they must fit a 300 px wide card). */
export const MAX_CARD_FIELDS = 5;

export const mappingSchema = z.object({
  objectName: apiNameSchema('object'),
  fields: z.array(fieldMappingSchema, { error: 'The list of mapped fields is missing.' }),
  /** Fields used to find the visitor's existing records (usually Email or Phone). */
  searchableFields: z.array(apiNameSchema('field'), { error: 'The list of searchable fields is missing.' }),
  /** Create the record automatically after each chat ends. */
  automation: z.boolean({ error: 'Say whether automation is on (true or false).' }),
  /** See `duplicatePolicies`. */
  duplicatePolicy: z.enum(duplicatePolicies, {
    error:
      'The duplicate policy must be "create" (always create), "link" (link to an existing record) or "update" (link to it and update it).',
  }),
  /**
   * Sent as the `Sforce-Auto-Assign` header: true lets the org's assignment rules pick the owner;
   * false keeps the owner the mapping sets (for example an auto-matched agent).
   */
  autoAssign: z.boolean({ error: 'Say whether Salesforce assignment rules should run (true or false).' }),
  /**
   * The key fields a record card shows agents in the widget, in order (field API names). Left out (as by
   * mappings saved before cards had a choice): the object's defaults, `defaultCardFields` in cardFields.ts.
   */
  cardFields: z
    .array(apiNameSchema('field'), { error: 'The fields shown to agents must be a list of field names.' })
    .max(MAX_CARD_FIELDS, { error: `Choose at most ${MAX_CARD_FIELDS} fields to show to agents.` })
    .optional(),
  /**
   * `record` (left out: the same): one record of `objectName` per chat. `conversation`: the chat logged
   * as an activity, a Task mapping (`objectName` is `Task`) whose Subject and Description are written as a
   * completed Task, or as a Note (ContentNote linked through ContentDocumentLink to the records the Task
   * names) when `logAs` is `note` or the Description is longer than the Task's Description allows.
   * At most one per account.
   */
  kind: z.enum(mappingKinds, { error: 'A mapping is a "record" or the "conversation" log.' }).optional(),
  /** For the conversation log: a completed Task (a Note when too long for one), or always a Note. */
  logAs: z.enum(conversationLogKinds, { error: 'Log the conversation as a "task" or a "note".' }).optional(),
  /**
   * Skip this mapping when the visitor already exists as one of these objects, searched by the values of
   * this mapping's searchable fields in the fields of the same name (no Lead for a visitor who is already
   * a Contact: a Lead mapping with `skipIfExistsAs: ['Contact']` searchable by Email).
   */
  skipIfExistsAs: z
    .array(apiNameSchema('object'), { error: 'The objects to skip for must be a list of object names.' })
    .max(3, { error: 'Skip for at most 3 objects.' })
    .optional(),
  /** The record type of the records created (`RecordTypeId`); left out or null: the user's default. */
  recordTypeId: z
    .string()
    .regex(/^012[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/, { error: 'That is not a record type id (012…).' })
    .nullable()
    .optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

/** A mapping's kind, `record` when it says none. */
export const kindOf = (mapping: Pick<Mapping, 'kind'>): MappingKind => mapping.kind ?? 'record';
