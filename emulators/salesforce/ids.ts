/**
 * Salesforce record ids: 15 case-sensitive characters (3-character key prefix, 2-character pod,
 * a reserved character, 9 characters of sequence) plus a 3-character case-safe suffix.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export const keyPrefixes = {
  Account: '001',
  Contact: '003',
  User: '005',
  Opportunity: '006',
  Lead: '00Q',
  Task: '00T',
  Organization: '00D',
  Case: '500',
  Campaign: '701',
} as const;

/** Appends the case-safe suffix to a 15-character id. */
export function to18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15.charAt(chunk * 5 + i);
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return id15 + suffix;
}

/** Builds the 18-character id number `sequence` of a key prefix on a pod. */
export function makeId(prefix: string, pod: string, sequence: number): string {
  let digits = '';
  let n = sequence;
  do {
    digits = BASE62.charAt(n % 62) + digits;
    n = Math.floor(n / 62);
  } while (n > 0);
  return to18(`${prefix}${pod}0${digits.padStart(9, '0')}`);
}

const ID_PATTERN = /^[a-zA-Z0-9]{15}(?:[A-Z0-5]{3})?$/;

/** True for a well-formed 15- or 18-character id (the suffix must also be right). */
export function isWellFormedId(value: string): boolean {
  if (!ID_PATTERN.test(value)) return false;
  return value.length === 15 || to18(value.slice(0, 15)) === value;
}

/** Normalises a 15- or 18-character id to 18 characters; undefined when malformed. */
export function normaliseId(value: string): string | undefined {
  if (!isWellFormedId(value)) return undefined;
  return value.length === 15 ? to18(value) : value;
}
