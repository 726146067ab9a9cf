import { activePicklistValues, fieldTypeLabel, type FieldMetadata } from '../salesforce/objectMetadata';
import type { ProblemCode, ProblemSeverity } from './problems';

/**
 * Converts one value to what Salesforce's REST API expects for a field of a given type, or says in plain
 * words why it cannot. Lengths are counted in UTF-16 code units, as Salesforce (Java) counts them: an emoji
 * counts as two characters.
 */

/** A value as sent in a Salesforce create request. */
export type SalesforceValue = string | number | boolean;

export interface ConversionIssue {
  code: ProblemCode;
  severity: ProblemSeverity;
  message: string;
}

export interface Conversion {
  /** `undefined` when the value is empty, or when it could not be converted (then an error says why). */
  value: SalesforceValue | undefined;
  issues: ConversionIssue[];
}

export const textFieldTypes: readonly string[] = [
  'string',
  'textarea',
  'email',
  'phone',
  'url',
  'combobox',
  'encryptedstring',
];
export const numberFieldTypes: readonly string[] = ['int', 'long', 'double', 'currency', 'percent'];
/** Types a mapping can write; the others (id, address, location, base64…) are refused. */
export const supportedFieldTypes: readonly string[] = [
  ...textFieldTypes,
  ...numberFieldTypes,
  'picklist',
  'multipicklist',
  'boolean',
  'date',
  'datetime',
  'time',
  'reference',
];

export function isSupportedFieldType(type: string): boolean {
  return supportedFieldTypes.includes(type);
}

/** Salesforce's date range: 1700-01-01 to 4000-12-31. */
const EARLIEST = Date.UTC(1700, 0, 1);
const LATEST = Date.UTC(4000, 11, 31, 23, 59, 59, 999);

const TRUE_WORDS = ['true', 'yes', 'y', '1', 'on', 'checked', 'x'];
const FALSE_WORDS = ['false', 'no', 'n', '0', 'off', 'unchecked'];

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const RECORD_ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const PLAIN_DECIMAL_PATTERN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?Z?$/i;

type Input =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'number'; number: number }
  | { kind: 'boolean'; boolean: boolean }
  | { kind: 'other' };

function classify(raw: unknown): Input {
  if (raw === null || raw === undefined) return { kind: 'empty' };
  if (typeof raw === 'string') return raw.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: raw };
  if (typeof raw === 'number')
    return Number.isFinite(raw) ? { kind: 'number', number: raw } : { kind: 'other' };
  if (typeof raw === 'boolean') return { kind: 'boolean', boolean: raw };
  if (Array.isArray(raw) && raw.every((item) => ['string', 'number', 'boolean'].includes(typeof item))) {
    const items = raw.map(String).filter((item) => item.trim() !== '');
    return items.length === 0 ? { kind: 'empty' } : { kind: 'list', items };
  }
  return { kind: 'other' };
}

/** A one-item list counts as its item, for fields that take one value. */
function single(input: Input): Input {
  if (input.kind === 'list' && input.items.length === 1) return { kind: 'text', text: input.items[0] ?? '' };
  return input;
}

const quoted = (field: FieldMetadata): string => `"${field.label || field.name}"`;
const shown = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);

function ok(value: SalesforceValue | undefined, ...issues: ConversionIssue[]): Conversion {
  return { value, issues };
}
function fail(code: ProblemCode, message: string): Conversion {
  return { value: undefined, issues: [{ code, severity: 'error', message }] };
}

export function convertFieldValue(field: FieldMetadata, raw: unknown): Conversion {
  const input = classify(raw);
  if (input.kind === 'empty') return ok(undefined);
  if (input.kind === 'other') {
    return fail(
      'invalid_value',
      `${quoted(field)} cannot store this kind of value; give text, a number or true/false.`,
    );
  }
  switch (field.type) {
    case 'picklist':
      return toPicklist(field, single(input));
    case 'multipicklist':
      return toMultiPicklist(field, input);
    case 'boolean':
      return toBoolean(field, input);
    case 'date':
      return toDate(field, single(input));
    case 'datetime':
      return toDateTime(field, single(input));
    case 'time':
      return toTime(field, single(input));
    case 'int':
    case 'long':
    case 'double':
    case 'currency':
    case 'percent':
      return toNumber(field, single(input));
    case 'reference':
      return toRecordId(field, single(input));
  }
  if (textFieldTypes.includes(field.type)) return toText(field, input);
  return fail(
    'unsupported_field_type',
    `${quoted(field)} is a field of type ${fieldTypeLabel(field.type)}, which this app cannot fill in.`,
  );
}

function asText(input: Input): string {
  switch (input.kind) {
    case 'text':
      return input.text;
    case 'list':
      return input.items.join(', ');
    case 'number':
      return String(input.number);
    case 'boolean':
      return input.boolean ? 'true' : 'false';
    default:
      return '';
  }
}

/** Cuts text to at most `max` UTF-16 code units, ending with "…", never splitting a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return text.slice(0, Math.max(max, 0));
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

function toText(field: FieldMetadata, input: Input): Conversion {
  // Long text keeps its layout (transcripts); one-line fields lose surrounding blanks.
  const text = field.type === 'textarea' ? asText(input) : asText(input).trim();
  if (field.type === 'email' && !EMAIL_PATTERN.test(text)) {
    return fail('invalid_email', `${quoted(field)} needs an email address; ${shown(text)} is not one.`);
  }
  if (field.length > 0 && text.length > field.length) {
    if (field.type === 'textarea') {
      return ok(truncateText(text, field.length), {
        code: 'value_truncated',
        severity: 'warning',
        message: `${quoted(field)} holds at most ${field.length} characters; the text (${text.length} characters) was cut to fit.`,
      });
    }
    return fail(
      'value_too_long',
      `${quoted(field)} holds at most ${field.length} characters; this value has ${text.length}.`,
    );
  }
  return ok(text);
}

function listAllowed(field: FieldMetadata): string {
  const values = activePicklistValues(field).map((entry) => entry.value);
  if (values.length === 0) return 'The field has no active values.';
  const listed = values.slice(0, 10).map((value) => `"${value}"`);
  return `Allowed: ${listed.join(', ')}${values.length > 10 ? `, and ${values.length - 10} more` : ''}.`;
}

/** The org's spelling of a picklist value (matched ignoring case), or `undefined`. */
function matchPicklistValue(field: FieldMetadata, value: string): string | undefined {
  const active = activePicklistValues(field);
  return (
    active.find((entry) => entry.value === value)?.value ??
    active.find((entry) => entry.value.toLowerCase() === value.toLowerCase())?.value
  );
}

function checkPicklistValue(field: FieldMetadata, value: string): { value: string; issue?: ConversionIssue } {
  const matched = matchPicklistValue(field, value);
  if (matched !== undefined) return { value: matched };
  if (field.restrictedPicklist) {
    return {
      value,
      issue: {
        code: 'invalid_picklist_value',
        severity: 'error',
        message: `${quoted(field)} does not accept ${shown(value)}. ${listAllowed(field)}`,
      },
    };
  }
  return {
    value,
    issue: {
      code: 'picklist_value_not_in_org',
      severity: 'warning',
      message: `${shown(value)} is not one of the active values of ${quoted(field)}; Salesforce will store it anyway.`,
    },
  };
}

function toPicklist(field: FieldMetadata, input: Input): Conversion {
  if (input.kind === 'list') {
    return fail('too_many_values', `${quoted(field)} takes one value, not ${input.items.length}.`);
  }
  const { value, issue } = checkPicklistValue(field, asText(input).trim());
  if (issue?.severity === 'error') return { value: undefined, issues: [issue] };
  const tooLong = lengthError(field, value);
  if (tooLong) return tooLong;
  return issue ? ok(value, issue) : ok(value);
}

function toMultiPicklist(field: FieldMetadata, input: Input): Conversion {
  const wanted = (input.kind === 'list' ? input.items : asText(input).split(';'))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const values: string[] = [];
  const issues: ConversionIssue[] = [];
  for (const item of wanted) {
    const { value, issue } = checkPicklistValue(field, item);
    if (issue) issues.push(issue);
    if (!values.includes(value)) values.push(value);
  }
  if (issues.some((issue) => issue.severity === 'error')) return { value: undefined, issues };
  const joined = values.join(';');
  return lengthError(field, joined) ?? { value: joined, issues };
}

function lengthError(field: FieldMetadata, text: string): Conversion | undefined {
  if (field.length > 0 && text.length > field.length) {
    return fail(
      'value_too_long',
      `${quoted(field)} holds at most ${field.length} characters; this value has ${text.length}.`,
    );
  }
  return undefined;
}

function toBoolean(field: FieldMetadata, input: Input): Conversion {
  if (input.kind === 'boolean') return ok(input.boolean);
  if (input.kind === 'number' && (input.number === 0 || input.number === 1)) return ok(input.number === 1);
  const word = (input.kind === 'text' ? input.text : input.kind === 'list' ? (input.items[0] ?? '') : '')
    .trim()
    .toLowerCase();
  if (TRUE_WORDS.includes(word)) return ok(true);
  if (FALSE_WORDS.includes(word)) return ok(false);
  // A ticked checkbox of a chat form gives the labels of the ticked options.
  if (input.kind === 'list') return ok(true);
  return fail(
    'invalid_boolean',
    `${quoted(field)} is a checkbox; ${shown(asText(input))} is not true or false (use true/false, yes/no or 1/0).`,
  );
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function inSalesforceRange(time: number): boolean {
  return time >= EARLIEST && time <= LATEST;
}

/** Parses `YYYY-MM-DD` or an ISO 8601 date-time (no offset means UTC) to epoch milliseconds. */
function parseDateTime(text: string): { time: number; dateOnly: boolean } | undefined {
  const trimmed = text.trim();
  const dateOnly = DATE_PATTERN.exec(trimmed);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    return isRealDate(year, month, day)
      ? { time: Date.UTC(year, month - 1, day), dateOnly: true }
      : undefined;
  }
  const match = DATETIME_PATTERN.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0] = match
    .slice(1, 7)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (
    year === undefined ||
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined
  ) {
    return undefined;
  }
  if (!isRealDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return undefined;
  const millis = Number(`0.${match[7] ?? '0'}`) * 1000;
  const zone = (match[8] ?? 'Z').toUpperCase();
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.replace(':', '');
    const sign = digits.startsWith('-') ? -1 : 1;
    const offsetHours = Number(digits.slice(1, 3));
    const offsetMins = Number(digits.slice(3, 5) || '0');
    if (offsetHours > 14 || offsetMins > 59) return undefined;
    offsetMinutes = sign * (offsetHours * 60 + offsetMins);
  }
  const time =
    Date.UTC(year, month - 1, day, hour, minute, second, Math.floor(millis)) - offsetMinutes * 60_000;
  return { time, dateOnly: false };
}

function toDate(field: FieldMetadata, input: Input): Conversion {
  const parsed = input.kind === 'text' ? parseDateTime(input.text) : undefined;
  if (!parsed) {
    return fail(
      'invalid_date',
      `${quoted(field)} needs a date like 2024-05-22; ${shown(asText(input))} is not one.`,
    );
  }
  if (!inSalesforceRange(parsed.time)) {
    return fail('invalid_date', `${quoted(field)} accepts dates from 1700-01-01 to 4000-12-31 only.`);
  }
  // A date-time keeps its UTC calendar day.
  return ok(new Date(parsed.time).toISOString().slice(0, 10));
}

function toDateTime(field: FieldMetadata, input: Input): Conversion {
  const parsed = input.kind === 'text' ? parseDateTime(input.text) : undefined;
  if (!parsed) {
    return fail(
      'invalid_datetime',
      `${quoted(field)} needs a date and time like 2024-05-22T14:30:00Z; ${shown(asText(input))} is not one.`,
    );
  }
  if (!inSalesforceRange(parsed.time)) {
    return fail('invalid_datetime', `${quoted(field)} accepts times from 1700-01-01 to 4000-12-31 only.`);
  }
  return ok(new Date(parsed.time).toISOString());
}

function toTime(field: FieldMetadata, input: Input): Conversion {
  const match = input.kind === 'text' ? TIME_PATTERN.exec(input.text.trim()) : null;
  const [hour, minute, second] = match ? [match[1], match[2], match[3] ?? '00'].map(Number) : [];
  if (
    !match ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return fail(
      'invalid_time',
      `${quoted(field)} needs a time like 14:30; ${shown(asText(input))} is not one.`,
    );
  }
  const millis = (match[4] ?? '').padEnd(3, '0').slice(0, 3);
  return ok(`${match[1]}:${match[2]}:${String(second).padStart(2, '0')}.${millis}Z`);
}

function parsePlainNumber(field: FieldMetadata, input: Input): number | undefined {
  if (input.kind === 'number') return input.number;
  if (input.kind !== 'text') return undefined;
  let text = input.text.trim();
  if (field.type === 'percent' && text.endsWith('%')) text = text.slice(0, -1).trim();
  return PLAIN_DECIMAL_PATTERN.test(text) ? Number(text) : undefined;
}

function integerDigits(value: number): number {
  const whole = Math.trunc(Math.abs(value));
  return whole === 0 ? 0 : String(whole).length;
}

function toNumber(field: FieldMetadata, input: Input): Conversion {
  const number = parsePlainNumber(field, input);
  if (number === undefined || !Number.isFinite(number)) {
    return fail(
      'invalid_number',
      `${quoted(field)} needs a number written with digits and a dot for decimals, like 1234.5; ` +
        `${shown(asText(input))} is not one.`,
    );
  }
  if (field.type === 'int' || field.type === 'long') {
    if (!Number.isInteger(number)) {
      return fail('invalid_number', `${quoted(field)} needs a whole number; ${number} is not one.`);
    }
    const max = field.type === 'int' ? 2_147_483_647 : Number.MAX_SAFE_INTEGER;
    const tooManyDigits = field.digits > 0 && integerDigits(number) > field.digits;
    if (tooManyDigits || number > max || number < -max - 1) {
      return fail(
        'number_out_of_range',
        `${quoted(field)} cannot hold ${number}` +
          (field.digits > 0 ? `; it takes at most ${field.digits} digits.` : '; the number is too large.'),
      );
    }
    return ok(number);
  }
  // A describe without precision (never a real org's) gives nothing to check against.
  if (field.precision === 0) return ok(number);
  const rounded = Number(number.toFixed(Math.min(field.scale, 100)));
  const maxWholeDigits = field.precision - field.scale;
  if (integerDigits(rounded) > maxWholeDigits) {
    return fail(
      'number_out_of_range',
      `${quoted(field)} cannot hold ${number}; it takes at most ${maxWholeDigits} digits before the decimal point.`,
    );
  }
  if (rounded !== number) {
    return ok(rounded, {
      code: 'number_rounded',
      severity: 'warning',
      message: `${quoted(field)} keeps ${field.scale} decimal places, so ${number} becomes ${rounded}.`,
    });
  }
  return ok(number);
}

function toRecordId(field: FieldMetadata, input: Input): Conversion {
  const text = input.kind === 'text' ? input.text.trim() : '';
  if (!RECORD_ID_PATTERN.test(text)) {
    return fail(
      'invalid_id',
      `${quoted(field)} needs a Salesforce record id (15 or 18 letters and digits); ${shown(asText(input))} is not one.`,
    );
  }
  return ok(text);
}
