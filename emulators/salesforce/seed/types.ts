import type { FieldDef, ObjectDef } from '../metadata/types';
import type { OrgSettings } from '../org';
import type { FieldValue } from '../records/store';

export interface ConnectedAppSeed {
  name: string;
  clientId: string;
  clientSecret: string;
  /** Callback URLs allowed exactly. */
  redirectUris: string[];
  /** Callback URLs allowed by prefix (e.g. `http://localhost:` for any local port). */
  redirectUriPrefixes: string[];
  /** The OAuth scopes the app may be granted. */
  scopes: string[];
}

export interface UserSeed {
  Id: string;
  Username: string;
  Email: string;
  FirstName: string;
  LastName: string;
  Alias?: string;
  Title?: string;
  Department?: string;
  Phone?: string;
  TimeZoneSidKey?: string;
  IsActive?: boolean;
}

/** One seeded record: its object and its fields (Id included). Lookups name other seeded ids. */
export interface RecordSeed {
  object: string;
  fields: Record<string, FieldValue> & { Id: string };
}

export interface OrgSeed {
  /** 18-character organization id (`00D…`). */
  id: string;
  name: string;
  /** My Domain name: `<myDomain>.my.salesforce.com` in links. */
  myDomain: string;
  isSandbox: boolean;
  /** Two characters of the org's record ids after the key prefix, unique per org. */
  pod: string;
  users: UserSeed[];
  records: RecordSeed[];
  settings: Partial<OrgSettings>;
  /** When seeded records were created (ISO), and when the metadata last changed. */
  createdAt: string;
  /** Objects beyond the standard ones and Chat_Transcript__c. */
  extraObjects?: (at: Date) => ObjectDef[];
  /** Custom fields added to objects, by object name. */
  extraFields?: Record<string, FieldDef[]>;
  /** Record types besides each object's master; an object that has some gets a `RecordTypeId` field. */
  recordTypes?: RecordTypeSeed[];
}

/** A record type of one object, with the picklist values it offers (a picklist it omits offers all). */
export interface RecordTypeSeed {
  /** `012…` */
  Id: string;
  object: string;
  name: string;
  developerName: string;
  description?: string;
  active?: boolean;
  /** Whether the org's users may create records of this type (defaults to true). */
  available?: boolean;
  /** The type records get when created without `RecordTypeId` (one per object). */
  isDefault?: boolean;
  picklists?: Record<string, { values: string[]; defaultValue?: string }>;
}

export interface EmulatorSeed {
  connectedApps: ConnectedAppSeed[];
  orgs: OrgSeed[];
}
