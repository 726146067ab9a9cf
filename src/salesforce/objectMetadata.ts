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

/**
 * One of an object's record types, from describe's `recordTypeInfos` (RecordTypeInfo, sObject Describe:
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_describe.htm,
 * https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm).
 * The master (`012000000000000AAA`) stands for "no record type".
 */
export const recordTypeSchema = z.object({
  id: z.string(),
  name: z.string(),
  developerName: z.string().default(''),
  master: z.boolean().default(false),
  /** The connected user may create records of this type. */
  available: z.boolean().default(true),
  active: z.boolean().default(true),
  /** The type new records get when they name none (`defaultRecordTypeMapping`). */
  default: z.boolean().default(false),
});
export type RecordType = z.infer<typeof recordTypeSchema>;

/** The sObject describe (`GET /sobjects/<name>/describe`), reduced to what mappings use. */
export const objectMetadataSchema = z.object({
  name: z.string().min(1),
  label: z.string(),
  custom: z.boolean().default(false),
  createable: z.boolean().default(true),
  keyPrefix: z.string().nullable().default(null),
  fields: z.array(fieldMetadataSchema),
  /** The master first, then the object's own record types; left out by describes parsed before they were kept. */
  recordTypes: z.array(recordTypeSchema).optional(),
});
export type ObjectMetadata = z.infer<typeof objectMetadataSchema>;

/**
 * A describe body as Salesforce sends it, reduced: its `recordTypeInfos` kept as `recordTypes`
 * (always a list, so a reduced describe says it has them).
 */
export function parseDescribe(body: unknown): ObjectMetadata {
  const raw = (body ?? {}) as { recordTypes?: unknown; recordTypeInfos?: unknown };
  const infos = Array.isArray(raw.recordTypeInfos) ? (raw.recordTypeInfos as Record<string, unknown>[]) : [];
  const recordTypes =
    raw.recordTypes ??
    infos.map((info) => ({
      id: info.recordTypeId,
      name: info.name,
      developerName: info.developerName ?? '',
      master: info.master ?? false,
      available: info.available ?? true,
      active: info.active ?? true,
      default: info.defaultRecordTypeMapping ?? false,
    }));
  return objectMetadataSchema.parse({ ...(body as object), recordTypes });
}

/** The master record type's id, the same in every org: "no record type". */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

/** Salesforce ids compare by their first 15 characters (the 3 more only make them case-safe). */
export const sameId = (a: string, b: string) => a.slice(0, 15) === b.slice(0, 15);

/** The record types a mapping may choose: the object's own, active and available to the connected user. */
export function choosableRecordTypes(meta: ObjectMetadata): RecordType[] {
  return (meta.recordTypes ?? []).filter((rt) => !rt.master && rt.active && rt.available);
}

/**
 * The values a record type offers for each picklist field (UI API "Get Values for All Picklist Fields
 * of a Record Type", `GET /ui-api/object-info/{object}/picklist-values/{recordTypeId}`:
 * https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_resources_picklist_values_collection.htm,
 * answer https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_responses_picklist_values.htm).
 */
export const recordTypePicklistsSchema = z.record(
  z.string(),
  z.object({
    values: z.array(z.object({ value: z.string(), label: z.string() })),
    defaultValue: z.string().nullable(),
  }),
);
export type RecordTypePicklists = z.infer<typeof recordTypePicklistsSchema>;

/** A Picklist Values Collection (`{ eTag, picklistFieldValues: { Field: { defaultValue, values } } }`), reduced. */
export function parsePicklistValuesCollection(body: unknown): RecordTypePicklists {
  const collection = z
    .object({
      picklistFieldValues: z.record(
        z.string(),
        z.object({
          defaultValue: z.object({ value: z.string() }).nullable().default(null),
          values: z.array(z.object({ value: z.string(), label: z.string() })),
        }),
      ),
    })
    .parse(body);
  const out: RecordTypePicklists = {};
  for (const [field, entry] of Object.entries(collection.picklistFieldValues)) {
    out[field] = {
      values: entry.values.map(({ value, label }) => ({ value, label })),
      defaultValue: entry.defaultValue?.value ?? null,
    };
  }
  return out;
}

/**
 * The object as a record type sees it: each picklist the record type narrows offers only its values
 * (and its default), so value checks follow the record type. Fields the record type says nothing of keep
 * the describe's values.
 */
export function withRecordTypePicklists(
  meta: ObjectMetadata,
  picklists: RecordTypePicklists,
): ObjectMetadata {
  return {
    ...meta,
    fields: meta.fields.map((field) => {
      const offered = picklists[field.name];
      if (!offered) return field;
      return {
        ...field,
        picklistValues: offered.values.map((v) => ({
          value: v.value,
          label: v.label,
          active: true,
          defaultValue: v.value === offered.defaultValue,
        })),
      };
    }),
  };
}

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
