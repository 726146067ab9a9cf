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

export const staticFieldMappingSchema = z.object({
  entryType: z.literal('static'),
  field: apiNameSchema('field'),
  /** Multi-picklists take a list; reference fields the record id; `null` leaves the field empty. */
  value: staticValueSchema,
  /** What the settings app shows for the value, e.g. the name of the referenced record. */
  display: z.string().optional(),
});

export const dynamicFieldMappingSchema = z.object({
  entryType: z.literal('dynamic'),
  field: apiNameSchema('field'),
  source: chatSourceIdSchema,
});

export const autoMatchFieldMappingSchema = z.object({
  entryType: z.literal('autoMatch'),
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

export const fieldMappingSchema = z.discriminatedUnion(
  'entryType',
  [staticFieldMappingSchema, dynamicFieldMappingSchema, autoMatchFieldMappingSchema],
  { error: 'Each field needs an entry type: "static", "dynamic" or "autoMatch".' },
);
export type StaticFieldMapping = z.infer<typeof staticFieldMappingSchema>;
export type DynamicFieldMapping = z.infer<typeof dynamicFieldMappingSchema>;
export type AutoMatchFieldMapping = z.infer<typeof autoMatchFieldMappingSchema>;
export type FieldMapping = z.infer<typeof fieldMappingSchema>;
export type EntryType = FieldMapping['entryType'];

export const duplicatePolicies = ['create', 'link'] as const;
export type DuplicatePolicy = (typeof duplicatePolicies)[number];

/** At most this many key fields on a record card in the widget (they must fit a 300 px wide card). */
export const MAX_CARD_FIELDS = 5;

export const mappingSchema = z.object({
  objectName: apiNameSchema('object'),
  fields: z.array(fieldMappingSchema, { error: 'The list of mapped fields is missing.' }),
  /** Fields used to find the visitor's existing records (usually Email or Phone). */
  searchableFields: z.array(apiNameSchema('field'), { error: 'The list of searchable fields is missing.' }),
  /** Create the record automatically after each chat ends. */
  automation: z.boolean({ error: 'Say whether automation is on (true or false).' }),
  /** `create`: always create a record; `link`: when the searchable fields find one, link to it instead. */
  duplicatePolicy: z.enum(duplicatePolicies, {
    error: 'The duplicate policy must be "create" (always create) or "link" (link to an existing record).',
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
});
export type Mapping = z.infer<typeof mappingSchema>;
