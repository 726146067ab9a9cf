import type { FieldDef, FieldType, PicklistValue } from './types';

type FieldOptions = Partial<Omit<FieldDef, 'name' | 'label' | 'type'>>;

const soapLength: Partial<Record<FieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  email: 80,
  phone: 40,
  url: 255,
  picklist: 255,
  multipicklist: 4099,
  combobox: 255,
};

/** A field with the defaults Salesforce gives its type; options override them. */
export function field(name: string, label: string, type: FieldType, options: FieldOptions = {}): FieldDef {
  const isBoolean = type === 'boolean';
  const isText = soapLength[type] !== undefined && type !== 'id' && type !== 'reference';
  const custom = name.endsWith('__c');
  return {
    name,
    label,
    type,
    length: soapLength[type] ?? 0,
    precision: 0,
    scale: 0,
    digits: 0,
    nillable: !isBoolean,
    createable: true,
    updateable: true,
    defaultedOnCreate: isBoolean,
    defaultValue: isBoolean ? false : null,
    picklistValues: [],
    restrictedPicklist: false,
    referenceTo: [],
    relationshipName: null,
    nameField: false,
    unique: false,
    externalId: false,
    caseSensitive: false,
    custom,
    calculated: false,
    autoNumber: false,
    idLookup: false,
    filterable: type !== 'textarea' || (options.length ?? 255) <= 255,
    sortable: type !== 'multipicklist' && (type !== 'textarea' || (options.length ?? 255) <= 255),
    groupable: isText || isBoolean || type === 'date' || type === 'reference' || type === 'id',
    htmlFormatted: false,
    extraTypeInfo: null,
    inlineHelpText: null,
    system: false,
    ...options,
  };
}

export const text = (name: string, label: string, length: number, options: FieldOptions = {}) =>
  field(name, label, 'string', { length, ...options });

export const email = (name: string, label: string, options: FieldOptions = {}) =>
  field(name, label, 'email', { idLookup: true, ...options });

export const phone = (name: string, label: string, options: FieldOptions = {}) =>
  field(name, label, 'phone', options);

export const url = (name: string, label: string) => field(name, label, 'url');

export const textArea = (name: string, label: string, length = 255) =>
  field(name, label, 'textarea', { length, extraTypeInfo: length > 255 ? 'plaintextarea' : null });

export const checkbox = (name: string, label: string, defaultValue = false, options: FieldOptions = {}) =>
  field(name, label, 'boolean', { defaultValue, ...options });

export const date = (name: string, label: string, options: FieldOptions = {}) =>
  field(name, label, 'date', options);

export const dateTime = (name: string, label: string, options: FieldOptions = {}) =>
  field(name, label, 'datetime', options);

export const number = (
  name: string,
  label: string,
  precision: number,
  scale: number,
  options: FieldOptions = {},
) => field(name, label, 'double', { precision, scale, ...options });

export const currency = (name: string, label: string, precision = 18, scale = 2) =>
  field(name, label, 'currency', { precision, scale });

export const integer = (name: string, label: string, digits = 9) => field(name, label, 'int', { digits });

/** Picklist entries; the value named `defaultValue` is the default. */
export function values(list: readonly string[], defaultValue?: string): PicklistValue[] {
  return list.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

export function picklist(
  name: string,
  label: string,
  list: readonly string[],
  options: { defaultValue?: string; restricted?: boolean; required?: boolean } = {},
): FieldDef {
  const hasDefault = options.defaultValue !== undefined;
  return field(name, label, 'picklist', {
    picklistValues: values(list, options.defaultValue),
    restrictedPicklist: options.restricted ?? false,
    defaultedOnCreate: hasDefault,
    defaultValue: options.defaultValue ?? null,
    nillable: !(options.required ?? false) && !hasDefault,
  });
}

export function multiPicklist(name: string, label: string, list: readonly string[], restricted = false) {
  return field(name, label, 'multipicklist', {
    picklistValues: values(list),
    restrictedPicklist: restricted,
  });
}

/** A lookup; polymorphic when it may point at more than one object. */
export function lookup(
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string,
  options: FieldOptions = {},
): FieldDef {
  return field(name, label, 'reference', {
    referenceTo,
    relationshipName,
    ...options,
  });
}

/** The owner lookup: required, defaulted to the running user. */
export function owner(referenceTo: string[] = ['User']): FieldDef {
  return lookup('OwnerId', 'Owner ID', referenceTo, 'Owner', {
    nillable: false,
    defaultedOnCreate: true,
  });
}

/** Fields every object has: Id and the audit fields. */
export function systemFields(objectLabel: string): FieldDef[] {
  const readOnly = { createable: false, updateable: false, system: true } as const;
  return [
    field('Id', `${objectLabel} ID`, 'id', {
      ...readOnly,
      nillable: false,
      defaultedOnCreate: true,
      idLookup: true,
    }),
    checkbox('IsDeleted', 'Deleted', false, readOnly),
    dateTime('CreatedDate', 'Created Date', { ...readOnly, nillable: false, defaultedOnCreate: true }),
    lookup('CreatedById', 'Created By ID', ['User'], 'CreatedBy', {
      ...readOnly,
      nillable: false,
      defaultedOnCreate: true,
    }),
    dateTime('LastModifiedDate', 'Last Modified Date', {
      ...readOnly,
      nillable: false,
      defaultedOnCreate: true,
    }),
    lookup('LastModifiedById', 'Last Modified By ID', ['User'], 'LastModifiedBy', {
      ...readOnly,
      nillable: false,
      defaultedOnCreate: true,
    }),
    dateTime('SystemModstamp', 'System Modstamp', { ...readOnly, nillable: false, defaultedOnCreate: true }),
  ];
}

/** The read-only compound `Name` of a person (Lead, Contact, User). */
export function personName(label = 'Full Name'): FieldDef {
  return text('Name', label, 121, {
    createable: false,
    updateable: false,
    nillable: false,
    nameField: true,
    system: true,
  });
}
