/**
 * The shapes of a chat's linked set of records on one account: what the set is made of (members,
 * settled records), what call 1 read, what the plan does, and what came of it.
 */
import type { SalesforceValue } from '../../../src/mapping/convertValue';
import type {
  ConversationLogKind,
  DuplicatePolicy,
  MappingKind,
  UpdateRule,
} from '../../../src/mapping/mapping';
import type { CompositeSubrequest } from '../composite';
import type { LookupSpec } from '../lookups';
import type { FieldEquals } from '../recordWriter';
import { SalesforceError } from '../salesforceError';

/** Task.Description's length (a long text area of 32,000 characters); a longer conversation is a Note. */
export const TASK_DESCRIPTION_LENGTH = 32_000;

/** One mapping of the set, prepared from the chat. */
export interface ChatSetMember {
  mappingId: string;
  /** The mapping's object (`Task` for the conversation log). */
  objectName: string;
  objectLabel: string;
  kind: MappingKind;
  /** The conversation log only: a Task (a Note when too long), or always a Note. */
  logAs?: ConversationLogKind;
  /**
   * The conversation log only, as prepareRecord decided it: a Task, or a Note whose Title is the
   * subject and whose content is the text (its `values` then lack the Description).
   */
  conversation?: { as: ConversationLogKind; subject: string; text: string };
  /** Converted values, without auto-matched and chat-record fields. */
  values: Record<string, SalesforceValue>;
  lookups: LookupSpec[];
  /** Reference fields whose value is this chat's record of the account's mapping of `object`. */
  chatRecords: { field: string; object: string }[];
  /** Values to find the visitor's existing record by (policy link or update). */
  searchable: FieldEquals[];
  duplicatePolicy: DuplicatePolicy;
  /** Policy `update`: what each field does to the record found. Absent: `defaultUpdateRule`. */
  updateRules: Record<string, UpdateRule>;
  /** Skip the mapping when a record of one of these objects has one of these values. */
  skipIfFound: { objectName: string; match: FieldEquals[] }[];
  autoAssign: boolean;
  /** After a crash: a record with one of these values created since then is an earlier attempt's own. */
  recover?: { since: Date; match: FieldEquals[] };
}

/** A record this chat already has for a mapping (a settled run, or one an agent created). */
export interface SettledRecord {
  mappingId: string;
  /** The mapping's object, by which chat-record entries name it. */
  mappingObject: string;
  id: string;
  /** The record's own object (a converted Lead's Contact, a ContentNote). */
  objectName: string;
}

export interface ChatSetRequest {
  members: ChatSetMember[];
  settled: SettledRecord[];
  /** Task.Description's length in this org, when its describe says. */
  taskDescriptionLength?: number;
  /**
   * A set of one record only: the org's duplicate rules decide the link (issue 17), so its create
   * alone finds the visitor's record, linked on DUPLICATES_DETECTED: one call, no search.
   */
  linkOnDuplicate?: boolean;
  /** More fields of an object to read when call 1 reads it anyway (the widget shows the records' names). */
  readFields?: Readonly<Record<string, readonly string[]>>;
}

export type ChatSetOutcomeKind = 'created' | 'linked' | 'updated' | 'skipped';

/** Why a record was not created as the mapping asked, when it was not. */
export type ChatSetReason =
  /** A Lead found was converted: its Contact is the chat's record. */
  | 'converted'
  /** Skipped: the visitor exists as one of `skipIfExistsAs`. */
  | 'existsAs'
  /** Skipped: the same set makes the visitor one of `skipIfExistsAs` (no Lead beside the chat's new Contact). */
  | 'inSet'
  /** Salesforce's duplicate rules pointed at an existing record. */
  | 'duplicateRule'
  /** Found by the mapping's searchable fields. */
  | 'found'
  /** Created by an earlier attempt (found after a crash). */
  | 'recovered';

export interface ChatSetOutcome {
  mappingId: string;
  outcome: ChatSetOutcomeKind;
  /** The record, or null when a skipped mapping points at none. */
  id: string | null;
  /** Of `id`: a converted Lead's Contact, a duplicate of another object, `ContentNote`. */
  objectName: string;
  reason?: ChatSetReason;
  /** Fields written to a record found (outcome `updated`). */
  updatedFields: string[];
  /** Auto-match fields whose lookup found nothing (left to Salesforce's default). */
  unmatched: string[];
}

export interface ChatSetResult {
  outcomes: ChatSetOutcome[];
  /** Salesforce API calls spent. */
  calls: number;
}

/** What call 1 read: per object, the records that matched any of the set's conditions, newest first. */
export interface ChatSetReads {
  records: Map<string, Record<string, unknown>[]>;
  calls: number;
}

/** What the set will do per mapping, and the graph that does it (empty: nothing to write). */
export interface ChatSetPlan {
  /** Per member, in the set's (reference) order. */
  steps: PlannedStep[];
  /** The graph's nodes, in reference order. */
  nodes: CompositeSubrequest[];
}

export interface PlannedStep {
  mappingId: string;
  action: 'create' | 'update' | 'link' | 'skip' | 'recovered';
  /** The record found (link, update, skip, recovered); absent for a create. */
  id?: string;
  /** The object of the record written or found (`ContentNote` for a conversation as a Note). */
  objectName: string;
  reason?: ChatSetReason;
  /** The values a create sends, or the fields an update writes (references as `@{ref.id}`). */
  fields: Record<string, SalesforceValue>;
  /** The graph node that writes the record, when one does. */
  referenceId?: string;
  unmatched: string[];
}

/** Members already decided (a duplicate Salesforce pointed at on an earlier graph). */
export type DecidedMembers = ReadonlyMap<
  string,
  { id: string; objectName: string; outcome: 'linked' | 'skipped' }
>;

/** Thrown when a graph fails: which mapping's node Salesforce refused; nothing of the set was kept. */
export type ChatSetFailure = SalesforceError & { mappingId?: string };

/** The mapping whose node made the set fail, when Salesforce named one. */
export const failedMappingOf = (error: unknown): string | undefined =>
  error instanceof SalesforceError ? (error as ChatSetFailure).mappingId : undefined;
