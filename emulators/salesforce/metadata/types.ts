/** The field types the emulator models (REST describe's lowercase names). */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'reference'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  /** A blob (ContentNote.Content): base64 in JSON on the way in, its blob URL on the way out. */
  | 'base64';

export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  length: number;
  precision: number;
  scale: number;
  digits: number;
  nillable: boolean;
  createable: boolean;
  updateable: boolean;
  defaultedOnCreate: boolean;
  /** The value a record gets when the field is left out on create. */
  defaultValue: string | number | boolean | null;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  nameField: boolean;
  unique: boolean;
  externalId: boolean;
  caseSensitive: boolean;
  custom: boolean;
  calculated: boolean;
  autoNumber: boolean;
  idLookup: boolean;
  filterable: boolean;
  sortable: boolean;
  groupable: boolean;
  htmlFormatted: boolean;
  extraTypeInfo: string | null;
  inlineHelpText: string | null;
  /** Set by the emulator on every write (audit fields, compound names); never accepted from clients. */
  system: boolean;
}

/**
 * A record type of an object: which values of each picklist it offers (and their defaults). A
 * picklist it does not name offers every value. The master record type is not one of these.
 */
export interface RecordTypeDef {
  /** The RecordType record's id (`012…`). */
  id: string;
  name: string;
  developerName: string;
  description: string | null;
  active: boolean;
  /** Whether the running user's profile may create records of this type. */
  available: boolean;
  /** The type a record gets when it is created without `RecordTypeId`. */
  defaultRecordTypeMapping: boolean;
  picklists: Record<string, { values: string[]; defaultValue?: string }>;
}

/** How a record's `Name` is derived, when it is not a plain field. */
export type NameRule = { kind: 'field' } | { kind: 'person' } | { kind: 'autoNumber'; format: string };

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  custom: boolean;
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  queryable: boolean;
  searchable: boolean;
  fields: FieldDef[];
  nameRule: NameRule;
  /** When the object's metadata last changed (describe's Last-Modified). */
  lastModified: Date;
  /** Its record types besides the master one; none when the object has only the master. */
  recordTypes?: RecordTypeDef[];
}
