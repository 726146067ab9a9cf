import type { FieldDef, ObjectDef } from '../metadata/types';
import type { SfRecord } from '../records/store';
import { ANY_CHARS, ONE_CHAR } from './term';
import type { SearchTerm, TermNode } from './term';

export type SearchScope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string, keepWildcards: boolean) =>
  fold(s)
    .split(keepWildcards ? /[^\p{L}\p{N}\uE000\uE001]+/u : /[^\p{L}\p{N}]+/u)
    .filter(Boolean);
const digitsOf = (s: string) => s.replace(/\D/g, '');

/** A pattern for a word or whole value; only the wildcard stand-ins match more than themselves. */
function wildcardPattern(text: string): RegExp {
  const source = [...text]
    .map((ch) => {
      if (ch === ANY_CHARS) return '.*';
      if (ch === ONE_CHAR) return '.';
      return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'u');
}

/** A phrase matches text when its words appear in order, next to each other (wildcards per word). */
function matchesText(phrase: string, value: string): boolean {
  const wanted = words(phrase, true).map(wildcardPattern);
  if (wanted.length === 0) return false;
  const have = words(value, false);
  for (let start = 0; start + wanted.length <= have.length; start++) {
    if (wanted.every((pattern, k) => pattern.test(have[start + k] ?? ''))) return true;
  }
  return false;
}

/** Phone search compares digits only: `4155550101` finds `(415) 555-0101` and `+1 415 555 0101`. */
function matchesPhone(phrase: string, value: string): boolean {
  const wanted = digitsOf(phrase);
  const have = digitsOf(value);
  if (wanted.length < 4 || have.length === 0) return false;
  if (wanted === have) return true;
  const [shorter, longer] = wanted.length < have.length ? [wanted, have] : [have, wanted];
  return shorter.length >= 7 && longer.endsWith(shorter);
}

/**
 * An email address in an email field matches as a whole (case-insensitively), so an escaped
 * `ann\+tag@example.com` finds `ann+tag@example.com` and not `ann.tag@example.com`.
 */
function matchesEmail(phrase: string, value: string): boolean {
  return wildcardPattern(fold(phrase.trim())).test(fold(value.trim()));
}

const looksLikePhone = (phrase: string) => /^[\d\s()+\-.]+$/.test(phrase) && digitsOf(phrase).length >= 4;

/** The fields a search scope covers on an object. */
export function fieldsInScope(object: ObjectDef, scope: SearchScope): FieldDef[] {
  switch (scope) {
    case 'EMAIL':
      return object.fields.filter((f) => f.type === 'email');
    case 'PHONE':
      return object.fields.filter((f) => f.type === 'phone');
    case 'NAME':
      return object.fields.filter((f) => f.nameField || f.name === 'FirstName' || f.name === 'LastName');
    default:
      return object.fields.filter((f) =>
        ['string', 'textarea', 'email', 'phone', 'url', 'combobox'].includes(f.type),
      );
  }
}

function phraseMatchesField(field: FieldDef, phrase: string, value: string): boolean {
  if (field.type === 'phone' && looksLikePhone(phrase)) return matchesPhone(phrase, value);
  if (field.type === 'email' && phrase.includes('@')) return matchesEmail(phrase, value);
  return matchesText(phrase, value);
}

/** True when the record matches the term in any of the given fields. */
export function recordMatches(record: SfRecord, fields: FieldDef[], term: SearchTerm): boolean {
  const values = fields
    .map((field) => ({ field, value: record[field.name] }))
    .filter((entry): entry is { field: FieldDef; value: string } => typeof entry.value === 'string');
  const evaluate = (node: TermNode): boolean => {
    switch (node.kind) {
      case 'phrase':
        return values.some(({ field, value }) => phraseMatchesField(field, node.text, value));
      case 'and':
        return node.items.every(evaluate);
      case 'or':
        return node.items.some(evaluate);
      case 'not':
        return !evaluate(node.item);
    }
  };
  return evaluate(term.root);
}
