import { systemFields } from './fields';
import type { FieldDef, NameRule, ObjectDef } from './types';

interface ObjectOptions {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  fields: FieldDef[];
  nameRule?: NameRule;
  createable?: boolean;
  updateable?: boolean;
  deletable?: boolean;
  searchable?: boolean;
}

/** An object with Id and the audit fields before its own fields. */
export function defineObject(options: ObjectOptions, lastModified: Date): ObjectDef {
  const { fields, ...rest } = options;
  return {
    custom: options.name.endsWith('__c'),
    createable: true,
    updateable: true,
    deletable: true,
    queryable: true,
    searchable: true,
    nameRule: { kind: 'field' },
    ...rest,
    fields: [...systemFields(options.label), ...fields],
    lastModified,
  };
}

/** The field of an object by name, case-insensitively. */
export function findField(object: ObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return object.fields.find((f) => f.name.toLowerCase() === lower);
}

/** The lookup field whose relationship name is `relationshipName`, case-insensitively. */
export function findRelationship(object: ObjectDef, relationshipName: string): FieldDef | undefined {
  const lower = relationshipName.toLowerCase();
  return object.fields.find((f) => f.relationshipName?.toLowerCase() === lower);
}

/** The field describe marks as the object's name field. */
export function nameFieldOf(object: ObjectDef): FieldDef | undefined {
  return object.fields.find((f) => f.nameField);
}
