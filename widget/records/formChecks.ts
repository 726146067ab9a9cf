import type { FormField, FormValue } from '../../src/api/widget';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const NUMBER_TYPES = new Set(['int', 'long', 'double', 'currency', 'percent']);

/**
 * A field's name as the agent reads it: a reference field without the " ID" of its API label, as
 * Salesforce's own pages show lookups ("Account ID" → "Account", "Owner ID" → "Owner").
 */
export const fieldLabel = (field: Pick<FormField, 'label' | 'type'>) =>
  field.type === 'reference' ? field.label.replace(/ ID$/, '') || field.label : field.label;

export const isEmpty = (value: FormValue) =>
  value === null || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * What the agent must fix before the record is sent, by field name: the checks the server repeats (it has
 * the last word, with the org's own rules), so most mistakes are caught without a round trip.
 */
export function checkForm(fields: FormField[], values: Record<string, FormValue>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name] ?? null;
    if (isEmpty(value)) {
      if (field.required && !(field.autoMatch && field.autoMatch.searchedFor)) {
        problems[field.name] = `“${fieldLabel(field)}” is required.`;
      }
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (field.type === 'email' && !EMAIL.test(text)) problems[field.name] = 'Enter an email address.';
    else if (
      NUMBER_TYPES.has(field.type) &&
      (typeof value === 'string' ? !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) : typeof value !== 'number')
    ) {
      problems[field.name] = 'Enter a number, with a dot for decimals.';
    } else if ((field.type === 'int' || field.type === 'long') && !Number.isInteger(Number(value))) {
      problems[field.name] = 'Enter a whole number.';
    } else if (field.type === 'reference' && !RECORD_ID.test(text)) {
      problems[field.name] =
        `Choose ${field.referenceTo.length > 1 ? 'a record' : `the ${fieldLabel(field).toLowerCase()}`} from the list, or clear the field.`;
    } else if (
      field.type !== 'textarea' &&
      field.length > 0 &&
      typeof value === 'string' &&
      value.length > field.length
    ) {
      problems[field.name] = `At most ${field.length} characters (now ${value.length}).`;
    } else if (
      field.type === 'picklist' &&
      field.restrictedPicklist &&
      !field.picklistValues.some((p) => p.value === value)
    ) {
      problems[field.name] = 'Pick one of the values.';
    }
  }
  return problems;
}

/** The values to send: numbers as numbers, the rest as the editors hold them. */
export function toRequestValues(
  fields: FormField[],
  values: Record<string, FormValue>,
): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  for (const field of fields) {
    const value = values[field.name] ?? null;
    // An auto-match that found nothing stays out: the server matches it again at create time. One the
    // agent cleared is sent empty, for Salesforce's default.
    if (field.autoMatch && !field.autoMatch.found && isEmpty(value)) continue;
    out[field.name] =
      NUMBER_TYPES.has(field.type) && typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : value;
  }
  return out;
}
