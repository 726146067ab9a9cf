/** Salesforce's JSON datetime: `2015-10-19T14:02:08.000+0000`. */
export function formatDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+0000');
}

/** `YYYY-MM-DD` of a date (UTC). */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses a datetime the way Salesforce accepts it in JSON and SOQL; undefined when invalid. */
export function parseDateTime(value: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!match) return undefined;
  const [, day, time, fraction = '', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const date = new Date(`${day}T${time}${fraction}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** True for a valid `YYYY-MM-DD` calendar date. */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && formatDate(date) === value;
}
