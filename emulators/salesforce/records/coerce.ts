import { jsonParserError } from '../errors';
import { formatDate, formatDateTime, isValidDate, parseDateTime } from '../format';
import type { FieldDef } from '../metadata/types';
import type { FieldValue } from './store';

/** Where a key's value sits in the raw JSON text, as Jackson reports it: `[line:1, column:18]`. */
function locate(rawBody: string | undefined, key: string): string {
  if (rawBody === undefined) return '[line:1, column:1]';
  const at = rawBody.indexOf(`"${key}"`);
  if (at < 0) return '[line:1, column:1]';
  let index = rawBody.indexOf(':', at + key.length + 2) + 1;
  while (index < rawBody.length && /\s/.test(rawBody.charAt(index))) index += 1;
  const before = rawBody.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `[line:${line}, column:${column}]`;
}

function jsonToken(value: unknown): string {
  if (Array.isArray(value)) return 'START_ARRAY';
  if (typeof value === 'object') return 'START_OBJECT';
  if (typeof value === 'boolean') return value ? 'VALUE_TRUE' : 'VALUE_FALSE';
  if (typeof value === 'number') return Number.isInteger(value) ? 'VALUE_NUMBER_INT' : 'VALUE_NUMBER_FLOAT';
  return 'VALUE_STRING';
}

function deserializeError(field: FieldDef, value: unknown, rawBody: string | undefined) {
  const token = jsonToken(value);
  const shown = token === 'START_ARRAY' ? '[' : token === 'START_OBJECT' ? '{' : `${String(value)}`;
  const typeName =
    field.type === 'int'
      ? 'int'
      : field.type === 'currency' || field.type === 'percent'
        ? 'double'
        : field.type;
  return jsonParserError(
    `Cannot deserialize instance of ${typeName} from ${token} value ${shown} or request may be missing a required field at ${locate(rawBody, field.name)}`,
  );
}

/**
 * Converts a JSON value sent for a field into the stored value, the way Salesforce's JSON
 * deserializer does (numbers and booleans become text; numeric text becomes a number), or throws
 * the JSON_PARSER_ERROR Salesforce answers.
 */
export function coerceValue(field: FieldDef, value: unknown, rawBody?: string): FieldValue {
  if (value === null || value === undefined) return null;
  const fail = () => deserializeError(field, value, rawBody);
  switch (field.type) {
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
      throw fail();
    }
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      if (typeof value === 'number') return value;
      if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        return Number(value);
      throw fail();
    }
    case 'date': {
      if (typeof value !== 'string') throw fail();
      if (isValidDate(value)) return value;
      const dateTime = parseDateTime(value);
      if (dateTime) return formatDate(dateTime);
      throw fail();
    }
    case 'datetime': {
      if (typeof value !== 'string') throw fail();
      const parsed =
        parseDateTime(value) ?? (isValidDate(value) ? new Date(`${value}T00:00:00Z`) : undefined);
      if (!parsed) throw fail();
      return formatDateTime(parsed);
    }
    default: {
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      throw fail();
    }
  }
}
