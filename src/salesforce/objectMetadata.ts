import { z } from 'zod';

/**
 * The parts of Salesforce's describe results that mappings need. Parsing keeps only these keys; keys that
 * real describes always send but trimmed-down ones (tests, emulators) may omit get a safe default.
 */

/** Salesforce field types (REST names of the WSDL `fieldType` enum). Unknown future types parse as text. */
export const fieldTypes = [
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'picklist',
  'multipicklist',
  'combobox',
  'encryptedstring',
  'boolean',
  'date',
  'datetime',
  'time',
  'double',
  'currency',
  'percent',
  'int',
  'long',
  'reference',
  'id',
  'base64',
  'address',
  'location',
  'anyType',
  'complexvalue',
  'datacategorygroupreference',
] as const;
export type KnownFieldType = (typeof fieldTypes)[number];
/** A known type, or a type added by a newer Salesforce API version (kept as sent). */
export type FieldType = KnownFieldType | (string & {});

/** One entry of the global describe (`GET /sobjects`). */
export const sObjectSummarySchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  custom: z.boolean().default(false),
  createable: z.boolean().default(false),
  queryable: z.boolean().default(false),
  searchable: z.boolean().default(false),
  keyPrefix: z.string().nullable().default(null),
});
export type SObjectSummary = z.infer<typeof sObjectSummarySchema>;

export const picklistValueSchema = z.object({
  value: z.string(),
  label: z.string(),
  active: z.boolean().default(true),
  defaultValue: z.boolean().default(false),
});
export type PicklistValue = z.infer<typeof picklistValueSchema>;

export const fieldMetadataSchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  type: z.string().min(1) as z.ZodType<FieldType>,
  /** Maximum length of text values, in UTF-16 code units (0 when not a text field). */
  length: z.number().int().nonnegative().default(0),
  /** Total digits of double, currency and percent fields. */
  precision: z.number().int().nonnegative().default(0),
  /** Digits after the decimal point of double, currency and percent fields. */
  scale: z.number().int().nonnegative().default(0),
  /** Maximum digits of int fields. */
  digits: z.number().int().nonnegative().default(0),
  nillable: z.boolean(),
  createable: z.boolean(),
  updateable: z.boolean().default(false),
  defaultedOnCreate: z.boolean().default(false),
  /** Whether SOQL can filter on the field (long text areas cannot). */
  filterable: z.boolean().default(true),
  calculated: z.boolean().default(false),
  picklistValues: z.array(picklistValueSchema).default([]),
  restrictedPicklist: z.boolean().default(false),
  referenceTo: z.array(z.string()).default([]),
  relationshipName: z.string().nullable().default(null),
  nameField: z.boolean().default(false),
  unique: z.boolean().default(false),
  externalId: z.boolean().default(false),
  idLookup: z.boolean().default(false),
  /** For textarea: `plaintextarea` or `richtextarea`. */
  extraTypeInfo: z.string().nullable().default(null),
});
export type FieldMetadata = z.infer<typeof fieldMetadataSchema>;

/** The sObject describe (`GET /sobjects/<name>/describe`), reduced to what mappings use. */
export const objectMetadataSchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  custom: z.boolean().default(false),
  createable: z.boolean().default(true),
  keyPrefix: z.string().nullable().default(null),
  fields: z.array(fieldMetadataSchema),
});
export type ObjectMetadata = z.infer<typeof objectMetadataSchema>;

/** Fields that a new record cannot do without: Salesforce neither accepts them empty nor fills them in. */
export function isRequiredOnCreate(field: FieldMetadata): boolean {
  // Booleans are never nillable but always defaulted; the type check keeps describes that omit
  // `defaultedOnCreate` from making every checkbox required.
  return field.createable && !field.nillable && !field.defaultedOnCreate && field.type !== 'boolean';
}

export function requiredFields(meta: ObjectMetadata): FieldMetadata[] {
  return meta.fields.filter(isRequiredOnCreate);
}

export function createableFields(meta: ObjectMetadata): FieldMetadata[] {
  return meta.fields.filter((field) => field.createable);
}

/** The field Salesforce shows as the record's name (Name, or Subject, CaseNumber…). */
export function nameField(meta: ObjectMetadata): FieldMetadata | undefined {
  return meta.fields.find((field) => field.nameField);
}

export function findField(meta: ObjectMetadata, name: string): FieldMetadata | undefined {
  return meta.fields.find((field) => field.name === name);
}

/** Salesforce API names are case-insensitive; this finds `lastname` when the field is `LastName`. */
export function findFieldIgnoringCase(meta: ObjectMetadata, name: string): FieldMetadata | undefined {
  const wanted = name.toLowerCase();
  return meta.fields.find((field) => field.name.toLowerCase() === wanted);
}

export function activePicklistValues(field: FieldMetadata): PicklistValue[] {
  return field.picklistValues.filter((entry) => entry.active);
}

const fieldTypeLabels: Record<KnownFieldType, string> = {
  string: 'Text',
  textarea: 'Text Area',
  email: 'Email',
  phone: 'Phone',
  url: 'URL',
  picklist: 'Picklist',
  multipicklist: 'Picklist (Multi-Select)',
  combobox: 'Combo Box',
  encryptedstring: 'Text (Encrypted)',
  boolean: 'Checkbox',
  date: 'Date',
  datetime: 'Date/Time',
  time: 'Time',
  double: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  int: 'Number',
  long: 'Number',
  reference: 'Lookup',
  id: 'Record ID',
  base64: 'File',
  address: 'Address',
  location: 'Geolocation',
  anyType: 'Any Type',
  complexvalue: 'Complex Value',
  datacategorygroupreference: 'Data Category',
};

/** The name Salesforce's Setup shows for a field type ("Date/Time", "Lookup"…). */
export function fieldTypeLabel(type: FieldType): string {
  return (fieldTypeLabels as Record<string, string | undefined>)[type] ?? type;
}

/**
 * Salesforce runs assignment rules on Leads and Cases only (Setup › Lead/Case Assignment Rules; the
 * REST header `Sforce-Auto-Assign` has no effect on other objects).
 */
export function hasAssignmentRules(objectName: string): boolean {
  return objectName === 'Lead' || objectName === 'Case';
}
