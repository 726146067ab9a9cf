import { SalesforceError, invalidField } from '../errors';
import { findField, findRelationship } from '../metadata/define';
import type { FieldDef, ObjectDef } from '../metadata/types';
import { objectOf } from '../org';
import type { Org } from '../org';
import type { FieldPath } from './ast';
import { pointAt } from './lexer';

/** A field path checked against metadata: the lookups to follow, then the field read at the end. */
export interface ResolvedPath {
  path: FieldPath;
  /** Lookup fields to follow, in order (each may be polymorphic). */
  hops: FieldDef[];
  /** The field read at the end (from the first candidate object that has it). */
  field: FieldDef;
}

export interface QuerySource {
  text: string;
  /** Shifts positions when the query is part of a longer text (SOSL). */
  errorCode?: string;
}

function errorAt(source: string, pos: number, message: string): SalesforceError {
  return invalidField(pointAt(source, pos, message));
}

/**
 * What a polymorphic relationship (Owner on Leads and Cases: User or Group) can read: the fields of the
 * `Name` object, "used to retrieve information from related records where the related record may be
 * from more than one object type"; any other field is refused, as on entity 'Name'
 * (https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_name.htm).
 */
const NAME_OBJECT_FIELDS = new Set(
  [
    'Id',
    'Alias',
    'Email',
    'FirstName',
    'IsActive',
    'LastName',
    'LastReferencedDate',
    'LastViewedDate',
    'MiddleName',
    'Name',
    'NameOrAlias',
    'Phone',
    'ProfileId',
    'RecordTypeId',
    'Suffix',
    'Title',
    'Type',
    'UserRoleId',
    'Username',
  ].map((f) => f.toLowerCase()),
);

function noSuchColumn(source: string, pos: number, field: string, entity: string): SalesforceError {
  return errorAt(
    source,
    pos,
    `No such column '${field}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}

/**
 * Resolves `Owner.Name` on Lead to [OwnerId] + User.Name; throws INVALID_FIELD like Salesforce. Parent
 * fields are read with child-to-parent dot notation, through each lookup's relationship name
 * (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm);
 * SOSL's RETURNING field lists resolve here too.
 */
export function resolvePath(org: Org, root: ObjectDef, path: FieldPath, source: string): ResolvedPath {
  let parts = path.parts;
  if (parts.length > 1 && parts[0]?.toLowerCase() === root.name.toLowerCase()) parts = parts.slice(1);
  let candidates: ObjectDef[] = [root];
  const hops: FieldDef[] = [];
  for (const part of parts.slice(0, -1)) {
    const lookup = candidates.map((o) => findRelationship(o, part)).find((f) => f !== undefined);
    if (!lookup) {
      throw errorAt(
        source,
        path.pos,
        `Didn't understand relationship '${part}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      );
    }
    hops.push(lookup);
    candidates = lookup.referenceTo
      .map((name) => objectOf(org, name))
      .filter((o): o is ObjectDef => o !== undefined);
  }
  const last = parts[parts.length - 1] ?? '';
  const through = hops[hops.length - 1];
  if (through && through.referenceTo.length > 1 && !NAME_OBJECT_FIELDS.has(last.toLowerCase())) {
    throw noSuchColumn(source, path.pos, last, 'Name');
  }
  const field = candidates.map((o) => findField(o, last)).find((f) => f !== undefined);
  if (!field) {
    const entity = hops.length === 0 ? root.name : (through?.referenceTo[0] ?? root.name);
    throw noSuchColumn(source, path.pos, last, entity);
  }
  return { path, hops, field };
}
