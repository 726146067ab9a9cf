import { z } from 'zod';
import type { ChatSnapshot } from '../../src/chat/chat';
import { convertFieldValue } from '../../src/mapping/convertValue';
import type { Mapping } from '../../src/mapping/mapping';
import { resolve } from '../../src/mapping/resolve';
import { findField, nameField, type ObjectMetadata } from '../../src/salesforce/objectMetadata';
import type { CardField } from './relatedCards';
import { soqlString } from '../salesforce/composite';

/**
 * How the visitor's records are found with ONE Salesforce call per account, whatever the number of mapped
 * objects: a parameterized search (`POST /parameterizedSearch`, SOSL underneath) for all the visitor's
 * searchable values at once (`"ann@x.com" OR "+1 415 555 0101"`), returning each mapped object with its
 * own filter (`WHERE Email = 'ann@x.com'`) so only exact matches come back. Phone fields are matched by
 * digits, which a SOQL filter cannot express, so an object searched by phone gets no filter and its
 * records are kept by `matchesVisitor` afterwards. POST, because jsforce retries failed GETs for ~15 s.
 */

export interface SearchableValue {
  field: string;
  type: string;
  values: string[];
}

export interface PlannedObject {
  mappingId: string;
  objectName: string;
  objectLabel: string;
  /** `Id` when the object has no name field. */
  nameField: string;
  /** The key fields its cards show (relatedCards.ts). */
  cards: CardField[];
  searchables: SearchableValue[];
}

export interface SearchPlan {
  objects: PlannedObject[];
  /** The distinct values to search for; none means nothing to ask Salesforce. */
  terms: string[];
}

export interface PlanInput {
  mappingId: string;
  objectLabel: string;
  mapping: Mapping;
  meta: ObjectMetadata;
  cards: CardField[];
}

/** Records shown per object. */
export const RECORDS_PER_OBJECT = 5;
const PHONE_TYPES = new Set(['phone']);

function searchableValues(mapping: Mapping, meta: ObjectMetadata, chat: ChatSnapshot): SearchableValue[] {
  const resolved = resolve(mapping, chat);
  const out: SearchableValue[] = [];
  for (const name of mapping.searchableFields) {
    const entry = mapping.fields.find((f) => f.field === name);
    const field = findField(meta, name);
    // A static value is the same for every chat: it says nothing about this visitor.
    if (!entry || entry.entryType !== 'dynamic' || !field) continue;
    const raw = resolved.values[name];
    const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
    const values = items
      .map((item) => convertFieldValue(field, item).value)
      .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
      .map((v) => String(v).trim())
      .filter((v) => v.replace(/[*?\s]/g, '').length >= 2);
    if (values.length) out.push({ field: name, type: field.type, values: [...new Set(values)] });
  }
  return out;
}

export function planSearch(inputs: PlanInput[], chat: ChatSnapshot): SearchPlan {
  const objects = inputs.map(({ mappingId, objectLabel, mapping, meta, cards }): PlannedObject => {
    return {
      mappingId,
      objectName: meta.name,
      objectLabel: meta.label || objectLabel,
      nameField: nameField(meta)?.name ?? 'Id',
      cards,
      searchables: searchableValues(mapping, meta, chat),
    };
  });
  const terms = [...new Set(objects.flatMap((o) => o.searchables.flatMap((s) => s.values)))];
  return { objects, terms };
}

/**
 * SOSL's reserved characters, which "must be escaped (preceded by the backslash \ character) to be
 * properly interpreted. An error occurs if you do not precede reserved characters with a backslash.
 * This is true even if the SearchQuery is enclosed in double quotes." (SOSL FIND clause,
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm).
 * A visitor's `+1 (415) 555-0101` or `ann+tag@example.com` is taken literally: `*` and `?` too.
 */
const SOSL_RESERVED = /[?&|!{}[\]()^~*:\\"'+-]/g;

/** A search phrase: quoted, every reserved character escaped, so the value is searched as written. */
export const soslPhrase = (value: string) => `"${value.trim().replace(SOSL_RESERVED, (c) => `\\${c}`)}"`;

function whereOf(object: PlannedObject): string | undefined {
  if (object.searchables.some((s) => PHONE_TYPES.has(s.type))) return undefined;
  const clauses = object.searchables.flatMap((s) => s.values.map((v) => `${s.field} = ${soqlString(v)}`));
  return clauses.length ? clauses.join(' OR ') : undefined;
}

/**
 * `Id` and the given fields, each once (API names are case-insensitive, and Salesforce refuses a field
 * listed twice in one query: "duplicate field selected").
 */
export function selectList(fields: readonly string[]): string[] {
  const out = ['Id'];
  for (const f of fields) if (!out.some((o) => o.toLowerCase() === f.toLowerCase())) out.push(f);
  return out;
}

/** The body of `POST /parameterizedSearch` for a plan with terms: the objects that have values to search by. */
export function searchRequest(plan: SearchPlan) {
  return {
    q: plan.terms.map(soslPhrase).join(' OR '),
    in: 'ALL',
    overallLimit: 200,
    sobjects: plan.objects
      .filter((o) => o.searchables.length > 0)
      .map((o) => {
        const where = whereOf(o);
        const fields = selectList([
          o.nameField,
          ...o.cards.map((c) => c.select),
          ...o.searchables.map((s) => s.field),
        ]);
        return {
          name: o.objectName,
          fields,
          ...(where ? { where } : {}),
          limit: where ? RECORDS_PER_OBJECT : RECORDS_PER_OBJECT * 4,
        };
      }),
  };
}

const digits = (s: string) => s.replace(/\D/g, '');

function sameValue(type: string, wanted: string, have: unknown): boolean {
  if (typeof have !== 'string' && typeof have !== 'number') return false;
  const text = String(have).trim();
  if (PHONE_TYPES.has(type)) {
    const [a, b] = [digits(wanted), digits(text)];
    if (a.length < 4 || b.length === 0) return false;
    if (a === b) return true;
    const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
    return shorter.length >= 7 && longer.endsWith(shorter);
  }
  return text.toLowerCase() === wanted.toLowerCase();
}

/** Whether a found record really is the visitor's: one of its searchable fields equals a visitor's value. */
export function matchesVisitor(object: PlannedObject, record: Record<string, unknown>): boolean {
  return object.searchables.some((s) => s.values.some((v) => sameValue(s.type, v, record[s.field])));
}

export const searchResponseSchema = z.object({
  searchRecords: z.array(
    z.looseObject({
      attributes: z.object({ type: z.string() }),
      Id: z.string(),
    }),
  ),
});
export type SearchRecord = z.infer<typeof searchResponseSchema>['searchRecords'][number];
