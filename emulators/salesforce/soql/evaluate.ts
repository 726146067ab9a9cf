import { SalesforceError, invalidQueryFilter } from '../errors';
import { normaliseId } from '../ids';
import type { FieldDef, ObjectDef } from '../metadata/types';
import { objectForId, objectOf } from '../org';
import type { Org } from '../org';
import { recordAttributes } from '../records/present';
import type { FieldValue, SfRecord } from '../records/store';
import type { Clauses, Expr, Literal, SelectItem } from './ast';
import { pointAt } from './lexer';
import { resolvePath } from './resolve';
import type { ResolvedPath } from './resolve';

export interface EvalContext {
  org: Org;
  version: string;
  now: Date;
  /** The query text, for error messages that point into it. */
  source: string;
}

const NUMERIC = new Set(['int', 'double', 'currency', 'percent']);

/** The value at the end of a path for one record: follows lookups through the store. */
function valueAt(ctx: EvalContext, record: SfRecord, resolved: ResolvedPath): FieldValue {
  let current: SfRecord | undefined = record;
  for (const hop of resolved.hops) {
    const id: FieldValue = current[hop.name] ?? null;
    current = typeof id === 'string' ? ctx.org.store.find(id)?.record : undefined;
    if (!current) return null;
  }
  return current[resolved.field.name] ?? null;
}

function literalType(literal: Literal): string {
  return literal.kind;
}

/** Checks a filter value suits its field, with Salesforce's messages. */
function checkLiteral(ctx: EvalContext, field: FieldDef, literal: Literal): void {
  if (literal.kind === 'null') return;
  const kind = literalType(literal);
  const fail = (type: string, quoted: boolean) =>
    invalidQueryFilter(
      pointAt(
        ctx.source,
        literal.pos,
        `value of filter criterion for field '${field.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
      ),
    );
  if (field.type === 'boolean' && kind !== 'boolean') throw fail('boolean', false);
  if (NUMERIC.has(field.type) && kind !== 'number')
    throw fail(field.type === 'int' ? 'int' : 'double', false);
  if (field.type === 'date' && kind !== 'date' && kind !== 'dateLiteral') throw fail('date', false);
  if (field.type === 'datetime' && kind !== 'datetime' && kind !== 'dateLiteral')
    throw fail('dateTime', false);
  if ((field.type === 'id' || field.type === 'reference') && kind === 'string') {
    const value = (literal as { value: string }).value;
    if (value !== '' && !normaliseId(value)) {
      throw invalidQueryFilter(pointAt(ctx.source, literal.pos, `invalid ID field: ${value}`));
    }
    return;
  }
  const textual = !NUMERIC.has(field.type) && !['boolean', 'date', 'datetime'].includes(field.type);
  if (textual && kind !== 'string') throw fail('string', true);
}

/** [start, end) of a date literal, in ms, by the emulator's clock (UTC). */
function dateRange(literal: Extract<Literal, { kind: 'dateLiteral' }>, now: Date): [number, number] {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const DAY = 86_400_000;
  const month = (offset: number) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1);
  const year = (offset: number) => Date.UTC(now.getUTCFullYear() + offset, 0, 1);
  const weekStart = day - now.getUTCDay() * DAY;
  switch (literal.name) {
    case 'TODAY':
      return [day, day + DAY];
    case 'YESTERDAY':
      return [day - DAY, day];
    case 'TOMORROW':
      return [day + DAY, day + 2 * DAY];
    case 'THIS_WEEK':
      return [weekStart, weekStart + 7 * DAY];
    case 'LAST_WEEK':
      return [weekStart - 7 * DAY, weekStart];
    case 'NEXT_WEEK':
      return [weekStart + 7 * DAY, weekStart + 14 * DAY];
    case 'THIS_MONTH':
      return [month(0), month(1)];
    case 'LAST_MONTH':
      return [month(-1), month(0)];
    case 'NEXT_MONTH':
      return [month(1), month(2)];
    case 'THIS_YEAR':
      return [year(0), year(1)];
    case 'LAST_YEAR':
      return [year(-1), year(0)];
    case 'NEXT_YEAR':
      return [year(1), year(2)];
    case 'LAST_N_DAYS':
      return [day - literal.n * DAY, day + DAY];
    case 'NEXT_N_DAYS':
      return [day + DAY, day + (literal.n + 1) * DAY];
    case 'LAST_N_MONTHS':
      return [month(-literal.n), month(0)];
    default:
      return [month(1), month(1 + literal.n)];
  }
}

function timeOf(field: FieldDef, value: FieldValue): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = Date.parse(field.type === 'date' ? `${value}T00:00:00Z` : value.replace('+0000', 'Z'));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Orders two stored values of a field: negative, zero or positive. */
export function compareValues(field: FieldDef, a: FieldValue, b: FieldValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (field.type === 'datetime') return (timeOf(field, a) ?? 0) - (timeOf(field, b) ?? 0);
  const left = String(a);
  const right = String(b);
  return field.caseSensitive
    ? left.localeCompare(right)
    : left.toLowerCase().localeCompare(right.toLowerCase());
}

function literalValue(field: FieldDef, literal: Literal): FieldValue {
  switch (literal.kind) {
    case 'null':
      return null;
    case 'datetime':
      return literal.value.toISOString().replace('Z', '+0000');
    case 'dateLiteral':
      return null;
    case 'string':
      if (field.type === 'id' || field.type === 'reference')
        return normaliseId(literal.value) ?? literal.value;
      return literal.value;
    default:
      return literal.value;
  }
}

/**
 * A LIKE pattern as a regular expression: `%` any characters, `_` one, and the escapes `\%`, `\_` and
 * `\\` their literal characters (SOQL and SOSL Reference, "Quoted String Escape Sequences",
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm).
 */
function likeToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\' && ['%', '_', '\\'].includes(pattern.charAt(i + 1))) {
      out += pattern.charAt(i + 1).replace('\\', '\\\\');
      i += 1;
    } else if (ch === '%') out += '.*';
    else if (ch === '_') out += '.';
    else out += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 'is');
}

function matchesOne(
  ctx: EvalContext,
  field: FieldDef,
  op: string,
  value: FieldValue,
  literal: Literal,
): boolean {
  if (literal.kind === 'dateLiteral') {
    const time = timeOf(field, value);
    if (time === undefined) return op === '!=';
    const [start, end] = dateRange(literal, ctx.now);
    if (op === '=') return time >= start && time < end;
    if (op === '!=') return time < start || time >= end;
    if (op === '<') return time < start;
    if (op === '<=') return time < end;
    if (op === '>') return time >= end;
    return time >= start;
  }
  const wanted = literalValue(field, literal);
  if (wanted === null) return op === '=' ? value === null : op === '!=' ? value !== null : false;
  if (op === 'like') {
    const pattern =
      literal.kind === 'string' && literal.pattern !== undefined ? literal.pattern : String(wanted);
    return typeof value === 'string' && likeToRegExp(pattern).test(value);
  }
  if (value === null) return op === '!=';
  const order = compareValues(field, value, wanted);
  switch (op) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

function multiValues(value: FieldValue): Set<string> {
  return new Set(typeof value === 'string' ? value.split(';').map((v) => v.toLowerCase()) : []);
}

export interface CompiledFilter {
  test(record: SfRecord): boolean;
}

/** Checks a WHERE expression against metadata once, then tests records with it. */
export function compileWhere(ctx: EvalContext, object: ObjectDef, expr: Expr): CompiledFilter {
  const compile = (node: Expr): ((record: SfRecord) => boolean) => {
    switch (node.kind) {
      case 'and': {
        const parts = node.items.map(compile);
        return (r) => parts.every((p) => p(r));
      }
      case 'or': {
        const parts = node.items.map(compile);
        return (r) => parts.some((p) => p(r));
      }
      case 'not': {
        const inner = compile(node.expr);
        return (r) => !inner(r);
      }
      case 'compare': {
        const resolved = resolvePath(ctx.org, object, node.path, ctx.source);
        const field = resolved.field;
        for (const literal of node.values) checkLiteral(ctx, field, literal);
        if (
          node.op === 'like' &&
          (NUMERIC.has(field.type) ||
            field.type === 'boolean' ||
            field.type === 'date' ||
            field.type === 'datetime')
        ) {
          throw invalidQueryFilter(
            pointAt(ctx.source, node.path.pos, `invalid operator on field '${field.name}'`),
          );
        }
        if (node.op === 'includes' || node.op === 'excludes') {
          const sets = node.values.map((l) =>
            l.kind === 'string' ? l.value.split(';').map((v) => v.toLowerCase()) : [],
          );
          return (r) => {
            const have = multiValues(valueAt(ctx, r, resolved));
            const any = sets.some((wanted) => wanted.every((w) => have.has(w)));
            return node.op === 'includes' ? any : !any;
          };
        }
        if (node.op === 'in' || node.op === 'not in') {
          return (r) => {
            const value = valueAt(ctx, r, resolved);
            const found = node.values.some((l) => matchesOne(ctx, field, '=', value, l));
            return node.op === 'in' ? found : !found;
          };
        }
        const literal = node.values[0] as Literal;
        return (r) => matchesOne(ctx, field, node.op, valueAt(ctx, r, resolved), literal);
      }
    }
  };
  const test = compile(expr);
  return { test };
}

/** Applies WHERE, ORDER BY, OFFSET and LIMIT to an object's records. */
export function applyClauses(
  ctx: EvalContext,
  object: ObjectDef,
  records: SfRecord[],
  clauses: Clauses,
): SfRecord[] {
  let rows = clauses.where ? records.filter(compileWhere(ctx, object, clauses.where).test) : [...records];
  if (clauses.orderBy.length > 0) {
    const keys = clauses.orderBy.map((item) => ({
      item,
      resolved: resolvePath(ctx.org, object, item.path, ctx.source),
    }));
    rows = rows
      .map((record, index) => ({ record, index }))
      .sort((a, b) => {
        for (const { item, resolved } of keys) {
          const left = valueAt(ctx, a.record, resolved);
          const right = valueAt(ctx, b.record, resolved);
          if (left === null && right === null) continue;
          if (left === null) return item.nullsLast ? 1 : -1;
          if (right === null) return item.nullsLast ? -1 : 1;
          const order = compareValues(resolved.field, left, right);
          if (order !== 0) return item.descending ? -order : order;
        }
        return a.index - b.index;
      })
      .map((entry) => entry.record);
  }
  if (clauses.offset !== undefined) {
    if (clauses.offset > 2000) {
      throw new SalesforceError(400, [
        { errorCode: 'NUMBER_OUTSIDE_VALID_RANGE', message: 'Maximum SOQL offset allowed is 2000' },
      ]);
    }
    rows = rows.slice(clauses.offset);
  }
  if (clauses.limit !== undefined) rows = rows.slice(0, clauses.limit);
  return rows;
}

/** Builds the JSON record for a field list: attributes, fields, nested parent objects (or null). */
export function projectRecord(
  ctx: EvalContext,
  object: ObjectDef,
  record: SfRecord,
  paths: ResolvedPath[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: recordAttributes(ctx.version, object.name, String(record.Id)),
  };
  for (const resolved of paths) {
    let target: Record<string, unknown> | null = out;
    let current: SfRecord | undefined = record;
    for (const hop of resolved.hops) {
      const key = hop.relationshipName ?? hop.name;
      const id: FieldValue = current?.[hop.name] ?? null;
      const parent: { objectName: string; record: SfRecord } | undefined =
        typeof id === 'string' ? ctx.org.store.find(id) : undefined;
      current = parent?.record;
      if (!(key in target)) {
        const parentObject = typeof id === 'string' ? objectForId(ctx.org, id) : undefined;
        target[key] =
          parent && parentObject
            ? { attributes: recordAttributes(ctx.version, parentObject.name, id as string) }
            : null;
      }
      const next: unknown = target[key];
      target = next === null || next === undefined ? null : (next as Record<string, unknown>);
      if (!target) break;
    }
    if (target && current) {
      const object2 = objectOf(ctx.org, (target.attributes as { type: string }).type);
      const field = object2?.fields.find((f) => f.name.toLowerCase() === resolved.field.name.toLowerCase());
      if (field) target[field.name] = current[field.name] ?? null;
      else target[resolved.field.name] = null;
    }
  }
  return out;
}

/** Resolves the field items of a select list (count() excluded). */
export function resolveSelect(ctx: EvalContext, object: ObjectDef, select: SelectItem[]): ResolvedPath[] {
  return select
    .filter((item): item is Extract<SelectItem, { kind: 'field' }> => item.kind === 'field')
    .map((item) => resolvePath(ctx.org, object, item.path, ctx.source));
}
