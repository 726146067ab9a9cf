import { z } from 'zod';
import { problemSchema } from '../mapping/problems';
import { lookupQuerySchema } from './lookup';

/**
 * The Chat Details widget's API (`/api/widget/…`, any signed-in agent of the license). Every account listed is
 * one the agent may use; an account they may not use is answered as if it did not exist.
 */

const chatIdSchema = z
  .string({ error: 'Give the chat id (customer_profile chat.chat_id).' })
  .trim()
  .min(1, 'Give the chat id (customer_profile chat.chat_id).')
  .max(64, 'That is not a LiveChat chat id.')
  .regex(/^[A-Za-z0-9_-]+$/, 'That is not a LiveChat chat id.');

/**
 * The thread the agent has open (customer_profile `chat.id`, which the Agent App SDK documents as the
 * thread id): without it LiveChat's get_chat answers the chat's latest thread, so an older archived
 * thread would show the newest one's data.
 */
const threadIdSchema = z
  .string()
  .trim()
  .min(1)
  .max(64, 'That is not a LiveChat thread id.')
  .regex(/^[A-Za-z0-9_-]+$/, 'That is not a LiveChat thread id.')
  .optional();

export const widgetAccountSchema = z.object({
  id: z.string(),
  label: z.string(),
  orgName: z.string().nullable(),
  status: z.enum(['connected', 'needs_reconnect', 'pending']),
  instanceUrl: z.string().nullable(),
});
export type WidgetAccount = z.infer<typeof widgetAccountSchema>;

// ---- GET /api/widget/related?chatId=…[&refresh=1] ---------------------------------------------------------

export const relatedQuerySchema = z.object({
  chatId: chatIdSchema,
  threadId: threadIdSchema,
  /** `1` skips the short-lived cache (the refresh button). */
  refresh: z
    .enum(['0', '1', 'true', 'false'], { error: 'refresh is 1 or 0.' })
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});
export type RelatedQuery = z.input<typeof relatedQuerySchema>;

/**
 * One key field of a record card, with a value (empty ones are left out). Picklists come as their label,
 * lookups as the name of the record they point to; `date` (`2025-03-14`) and `datetime` (ISO) values are
 * formatted by the widget in the agent's own locale and time zone.
 */
export const recordCardFieldSchema = z.object({
  /** The field's API name (`AccountId`). */
  field: z.string(),
  label: z.string(),
  value: z.string(),
  kind: z.enum(['text', 'date', 'datetime']),
});
export type RecordCardField = z.infer<typeof recordCardFieldSchema>;

export const relatedRecordSchema = z.object({
  id: z.string(),
  /** The record's name field (Name, CaseNumber, Subject…), or its id when it has none. */
  name: z.string(),
  /** Opens the record in Salesforce (Lightning). */
  url: z.string(),
  /** The mapping's key fields (`Mapping.cardFields`, or the object's defaults) that have a value, in order. */
  fields: z.array(recordCardFieldSchema),
});
export type RelatedRecord = z.infer<typeof relatedRecordSchema>;

export const relatedObjectSchema = z.object({
  mappingId: z.string(),
  objectName: z.string(),
  objectLabel: z.string(),
  /** Whether the mapping has searchable fields with values in this chat (false: nothing was searched). */
  searched: z.boolean(),
  records: z.array(relatedRecordSchema),
});
export type RelatedObject = z.infer<typeof relatedObjectSchema>;

export const accountStates = [
  /** Searched (or nothing to search for some objects): see `objects`. */
  'ok',
  'needs_reconnect',
  'unavailable',
  'limit_reached',
  /** No object is mapped on this account. */
  'no_mappings',
  /** The chat has no value for any searchable field (e.g. no email yet): nothing was asked of Salesforce. */
  'no_searchable_values',
] as const;
export type AccountState = (typeof accountStates)[number];

export const relatedAccountSchema = z.object({
  account: widgetAccountSchema,
  state: z.enum(accountStates),
  /** Plain words for the states other than `ok`. */
  message: z.string().optional(),
  objects: z.array(relatedObjectSchema),
});
export type RelatedAccount = z.infer<typeof relatedAccountSchema>;

export const relatedResponseSchema = z.object({
  /** `no_accounts`: the agent may use no Salesforce account (none connected, or access rules). */
  state: z.enum(['ok', 'no_accounts']),
  /** With `no_accounts`: what to do about it, for the reader (an owner, or an agent). */
  message: z.string().optional(),
  chatId: z.string(),
  visitor: z.object({ name: z.string().nullable(), email: z.string().nullable() }),
  accounts: z.array(relatedAccountSchema),
  /** When the answer was read from Salesforce (ISO time); older than now when it came from the cache. */
  fetchedAt: z.string(),
});
export type RelatedResponse = z.infer<typeof relatedResponseSchema>;

// ---- GET /api/widget/forms?chatId=…[&mappingId=…] -----------------------------------------------------------

export const formsQuerySchema = z.object({
  chatId: chatIdSchema,
  threadId: threadIdSchema,
  /** Only this mapped object's form (what the widget asks when the agent presses Create). */
  mappingId: z.uuid('Unknown mapped object.').optional(),
});
export type FormsQuery = z.infer<typeof formsQuerySchema>;

/** A form value: text (also dates, ids, picklists), a number, a checkbox, a multi-picklist's list, or empty. */
export const formValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()], {
  error: 'A value must be text, a number, true or false, a list of texts, or empty.',
});
export type FormValue = z.infer<typeof formValueSchema>;

/** A record a lookup found: its id and its name field's value (Name, CaseNumber…), or its id when it has none. */
export const lookupRecordSchema = z.object({ id: z.string(), name: z.string() });
export type LookupRecord = z.infer<typeof lookupRecordSchema>;

export const formFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  /** Salesforce field type: string, textarea, email, phone, url, picklist, multipicklist, boolean, date, datetime, time, int, double, currency, percent, reference… */
  type: z.string(),
  required: z.boolean(),
  /** Maximum length of text (0: none). */
  length: z.number().int(),
  /** Digits after the decimal point of numbers. */
  scale: z.number().int(),
  picklistValues: z.array(z.object({ value: z.string(), label: z.string() })),
  restrictedPicklist: z.boolean(),
  /** Reference fields: the objects they may point to. */
  referenceTo: z.array(z.string()),
  entryType: z.enum(['static', 'dynamic', 'autoMatch', 'chatRecord']),
  /**
   * The value the mapping gives for this chat (converted as Salesforce expects it), or null. A
   * `chatRecord` field's value is the chat's record of `chatRecord.object` (found, or created earlier),
   * null while that record is still to be created.
   */
  value: formValueSchema,
  /** Auto-Match fields: what was searched and the record found (its id is `value`), null when none. */
  autoMatch: z
    .object({
      object: z.string(),
      field: z.string(),
      searchedFor: z.string().nullable(),
      found: z.object({ id: z.string(), name: z.string() }).nullable(),
    })
    .optional(),
  /** `chatRecord` fields: the object of the set whose record of this chat goes here. */
  chatRecord: z.object({ object: z.string(), objectLabel: z.string() }).optional(),
  /** Static reference values: what the settings app showed for the record. */
  display: z.string().optional(),
  /** Reference fields: what their lookup offers (`GET /api/widget/lookup`) and shows. */
  lookup: z
    .object({
      /** The objects of `referenceTo` this org has (several for a polymorphic field such as WhoId). */
      objects: z.array(z.object({ name: z.string(), label: z.string() })),
      /**
       * The record `value` points to, with its name; null without a value, or when no record has that id
       * (the form's problems then say so at the field).
       */
      record: lookupRecordSchema.extend({ object: z.string() }).nullable(),
    })
    .optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;
export type FormLookup = NonNullable<FormField['lookup']>;

export const recordFormSchema = z.object({
  mappingId: z.string(),
  objectName: z.string(),
  objectLabel: z.string(),
  fields: z.array(formFieldSchema),
  /** What the mapping could not fill from this chat, or values that do not fit (warnings and errors). */
  problems: z.array(problemSchema),
});
export type RecordForm = z.infer<typeof recordFormSchema>;

export const formsResponseSchema = z.object({
  accounts: z.array(
    z.object({
      account: widgetAccountSchema,
      state: z.enum(accountStates),
      message: z.string().optional(),
      forms: z.array(recordFormSchema),
    }),
  ),
});
export type FormsResponse = z.infer<typeof formsResponseSchema>;

// ---- POST /api/widget/records -----------------------------------------------------------------------------

export const createRecordRequestSchema = z.object({
  chatId: chatIdSchema,
  threadId: threadIdSchema,
  mappingId: z.uuid('Unknown mapped object.'),
  /**
   * The form's values by field API name, as the agent left them. Every field of the mapping may be given;
   * a field left out takes the mapping's value for this chat (an Auto-Match field is then matched at
   * create time); `null` or `""` leaves it empty.
   */
  values: z.record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'Not a Salesforce field name.'),
    formValueSchema,
  ),
});
export type CreateRecordRequest = z.infer<typeof createRecordRequestSchema>;

export const createRecordResponseSchema = z.object({
  /** `created`: a new record; `existing`: Salesforce's duplicate rule pointed at a record that already exists. */
  outcome: z.enum(['created', 'existing']),
  record: z.object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    objectName: z.string(),
    accountId: z.string(),
    mappingId: z.string(),
    /**
     * The new record's key fields as its card shows them, read back in the create call itself (so
     * Salesforce's defaults, assignment rules and lookup names are there); empty for an `existing` record.
     */
    fields: z.array(recordCardFieldSchema),
  }),
});
export type CreateRecordResponse = z.infer<typeof createRecordResponseSchema>;

/**
 * A refused create: 400 `validation_failed` (our own checks) or 422 `salesforce_error` (Salesforce's refusal),
 * both with details `{ problems }`, each problem at `values.<Field>` when it concerns one field.
 * Other errors: 404 (unknown or inaccessible mapping), 409 `salesforce_needs_reconnect`,
 * 503 `salesforce_limit_reached` or `upstream_unavailable`.
 */
export const createRecordProblemsSchema = z.object({ problems: z.array(problemSchema) });

// ---- GET /api/widget/lookup?accountId=…&object=Account&q=acme -------------------------------------------------

/**
 * The records of `object` whose name contains `q` (at most 20, by name; the first 20 without `q`), in an
 * account the agent may use (403 otherwise), for a reference field of the Create form: `object` must be
 * one a mapped reference field of the account points to (403 otherwise) and one the org has (404).
 * The answer is the settings lookup's, `{ records: [{ id, name }] }` (lookupResultSchema).
 */
export const widgetLookupQuerySchema = lookupQuerySchema.extend({
  accountId: z.uuid('Unknown Salesforce account.'),
  q: z
    .string({ error: 'Search with one text.' })
    // Line breaks and tabs pasted into the search box are spaces; other control characters mean nothing.
    .transform((text) => text.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(80, 'Search with at most 80 characters.')
        .regex(/^[^\p{Cc}]*$/u, 'Search with letters, digits and punctuation only.'),
    )
    .default(''),
});
export type WidgetLookupQuery = z.infer<typeof widgetLookupQuerySchema>;

// ---- The chat's set: GET /api/widget/set?chatId=…, POST /api/widget/set ------------------------------------

/** A record of the chat's set, as its line shows it. */
export const setRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** The record's object (a converted Lead's member is its Contact). */
  objectName: z.string(),
});
export type SetRecord = z.infer<typeof setRecordSchema>;

export const setMemberStates = [
  /** The mapping's searchable fields found the visitor's record, which this chat's record is (link or update). */
  'found',
  /** Created for this chat already, by an agent in the widget or by automation after the chat. */
  'created',
  /** Not there yet: `automation` says whether it is created after the chat by itself. */
  'toCreate',
  /** Not created for this chat: the visitor already exists as another object (`reason` says which). */
  'skipped',
] as const;
export type SetMemberState = (typeof setMemberStates)[number];

export const setMemberSchema = z.object({
  mappingId: z.string(),
  objectName: z.string(),
  objectLabel: z.string(),
  state: z.enum(setMemberStates),
  /** `found` and `created`: the record; `skipped`: the record it was skipped for, when known. */
  record: setRecordSchema.nullable(),
  /** `created`: who created it. */
  createdBy: z.enum(['agent', 'automation']).optional(),
  /** The mapping's automation is on: after the chat ends, a record still to create is created by itself. */
  automation: z.boolean(),
  /** Plain words beside the state (a converted Lead followed to its Contact; what a skip was for). */
  note: z.string().optional(),
  /** The set's records this one refers to (its chatRecord fields): a Case's Contact, in the set's order. */
  refersTo: z.array(z.object({ field: z.string(), fieldLabel: z.string(), object: z.string() })),
});
export type SetMember = z.infer<typeof setMemberSchema>;

export const chatSetAccountSchema = z.object({
  account: widgetAccountSchema,
  /** `ok`: see `members`; the others as in the related records (`message` says what to do, for the reader). */
  state: z.enum(['ok', 'needs_reconnect', 'unavailable', 'limit_reached', 'no_mappings']),
  message: z.string().optional(),
  /** The account's `record` mappings in the set's order: a record comes after those it refers to. */
  members: z.array(setMemberSchema),
  /** The conversation log of the account (a Task mapping of kind `conversation`), when it has one. */
  conversation: z
    .object({ mappingId: z.string(), logAs: z.enum(['task', 'note']), automation: z.boolean() })
    .nullable(),
  /**
   * The objects a Task may relate to in this org (its WhoId and WhatId targets, from the Task describe):
   * records of these objects can have this chat's transcript attached.
   */
  attachableObjects: z.array(z.string()),
});
export type ChatSetAccount = z.infer<typeof chatSetAccountSchema>;

export const chatSetQuerySchema = z.object({ chatId: chatIdSchema, threadId: threadIdSchema });
export type ChatSetQuery = z.infer<typeof chatSetQuerySchema>;

export const chatSetResponseSchema = z.object({ accounts: z.array(chatSetAccountSchema) });
export type ChatSetResponse = z.infer<typeof chatSetResponseSchema>;

export const createSetRequestSchema = z.object({
  chatId: chatIdSchema,
  threadId: threadIdSchema,
  accountId: z.uuid('Unknown Salesforce account.'),
});
export type CreateSetRequest = z.infer<typeof createSetRequestSchema>;

/**
 * The set after the create: every record not there yet was written in one composite graph (all or
 * none), each recorded as this chat's settled run of its mapping (automation after the chat links to
 * them). `created` names the records written now. A refusal is 422 `salesforce_error` with details
 * `{ problems }`, each at `<mappingId>.values.<Field>` of the record Salesforce refused; nothing was
 * kept then.
 */
export const createSetResponseSchema = z.object({
  set: chatSetAccountSchema,
  /** Each new record with its card's key fields, read back after the write (empty when they could not be). */
  created: z.array(setRecordSchema.extend({ mappingId: z.string(), fields: z.array(recordCardFieldSchema) })),
});
export type CreateSetResponse = z.infer<typeof createSetResponseSchema>;

// ---- POST /api/widget/transcript ------------------------------------------------------------------------------

const salesforceIdSchema = z
  .string({ error: 'Give the record’s Salesforce id.' })
  .regex(/^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/, 'That is not a Salesforce record id.');

/** Attach this chat's transcript to a record shown in the widget (a Case found by email, say). */
export const attachTranscriptRequestSchema = z.object({
  chatId: chatIdSchema,
  threadId: threadIdSchema,
  accountId: z.uuid('Unknown Salesforce account.'),
  recordId: salesforceIdSchema,
});
export type AttachTranscriptRequest = z.infer<typeof attachTranscriptRequestSchema>;

/**
 * The activity written: a completed Task (`task`), or a Note (`note`, a ContentNote linked to the
 * records) when the transcript is longer than a Task's description allows or the account logs
 * conversations as Notes. It is linked to the record, and to the chat's Contact or Lead when known.
 */
export const attachTranscriptResponseSchema = z.object({
  kind: z.enum(['task', 'note']),
  id: z.string(),
  name: z.string(),
  url: z.string(),
  /** The records it is linked to (ids). */
  linkedTo: z.array(z.string()),
});
export type AttachTranscriptResponse = z.infer<typeof attachTranscriptResponseSchema>;
