import type { ObjectDef } from './metadata/types';
import type { RecordStore } from './records/store';

export type DuplicateRuleAction = 'alert' | 'block' | 'off';

export interface OrgSettings {
  dailyApiLimit: number;
  /** An access token unused for longer than this is expired (Salesforce's session timeout). */
  sessionTimeoutMs: number;
  /** Issue a new refresh token on each refresh-token grant, invalidating the old one. */
  refreshTokenRotation: boolean;
  /** The owner the Lead assignment rule gives new Leads (when `Sforce-Auto-Assign` is not FALSE). */
  leadAssignmentOwnerId: string | null;
  /** The owner the Case assignment rule gives new Cases. */
  caseAssignmentOwnerId: string | null;
  /** The standard duplicate rules on Lead and Contact, matching Email case-insensitively. */
  duplicateRules: { Lead: DuplicateRuleAction; Contact: DuplicateRuleAction };
}

/** What kind of API call a request was, for the call log. */
export type CallKind =
  | 'versions'
  | 'resources'
  | 'describeGlobal'
  | 'describe'
  | 'query'
  | 'queryMore'
  | 'search'
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'composite'
  | 'collections'
  | 'limits'
  | 'other';

export interface CallLogEntry {
  method: string;
  path: string;
  status: number;
  kind: CallKind;
  /** ISO time the call arrived, by the emulator's clock. */
  time: string;
  /** False for calls refused before counting (limit reached, injected fault). */
  counted: boolean;
  /** The `client=` of the call's `Sforce-Call-Options` header, when it had one. */
  client?: string;
}

export interface QueryCursor {
  records: Record<string, unknown>[];
  totalSize: number;
  batchSize: number;
}

export interface Org {
  id: string;
  name: string;
  myDomain: string;
  isSandbox: boolean;
  pod: string;
  /** Metadata by lower-cased object name. */
  objects: Map<string, ObjectDef>;
  store: RecordStore;
  settings: OrgSettings;
  apiUsage: number;
  calls: CallLogEntry[];
  cursors: Map<string, QueryCursor>;
  /** Sequence of query cursor ids. */
  cursorSequence: number;
}

/** The object of an org by name, case-insensitively. */
export function objectOf(org: Org, name: string): ObjectDef | undefined {
  return org.objects.get(name.toLowerCase());
}

/** The object whose key prefix starts this id. */
export function objectForId(org: Org, id: string): ObjectDef | undefined {
  const prefix = id.slice(0, 3);
  for (const object of org.objects.values()) if (object.keyPrefix === prefix) return object;
  return undefined;
}
