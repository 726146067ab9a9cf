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

/** Resolves `Owner.Name` on Lead to [OwnerId] + User.Name; throws INVALID_FIELD like Salesforce. */
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
  const field = candidates.map((o) => findField(o, last)).find((f) => f !== undefined);
  if (!field) {
    const entity = hops.length === 0 ? root.name : (hops[hops.length - 1]?.referenceTo[0] ?? root.name);
    throw errorAt(
      source,
      path.pos,
      `No such column '${last}' on entity '${entity}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
    );
  }
  return { path, hops, field };
}
