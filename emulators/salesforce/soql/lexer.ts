import { malformedQuery } from '../errors';

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text (for strings: the unescaped value). */
  text: string;
  /** Offset of the token in the query. */
  pos: number;
  /**
   * For strings: the value as a LIKE pattern, in which an escaped backslash (\\ in the query) stays
   * escaped beside \% and \_, so that '%\\%' (contains a backslash) is told from '%\%%' (contains a %).
   */
  pattern?: string;
}

/** The error text Salesforce gives, pointing at a position: `\n<query>\n   ^\nERROR at Row:1:Column:8\n<text>`. */
export function pointAt(source: string, pos: number, text: string): string {
  const before = source.slice(0, pos);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = pos - lineStart + 1;
  const lineEnd = source.indexOf('\n', pos);
  const line = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  return `\n${line}\n${' '.repeat(column - 1)}^\nERROR at Row:${row}:Column:${column}\n${text}`;
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:?\d{2})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\d:T])/;
const NUMBER = /^-?\d+(?:\.\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/;
const OPERATORS = ['<=', '>=', '!=', '<>', '=', '<', '>'];

/** Splits SOQL (or the part of SOSL after the search term) into tokens; `offset` shifts positions. */
export function tokenize(
  source: string,
  from = 0,
  errorFor: (pos: number, text: string) => Error = (pos, text) => malformedQuery(pointAt(source, pos, text)),
): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = source.slice(i);
    if (ch === "'") {
      let value = '';
      let pattern = '';
      let j = i + 1;
      for (; j < source.length; j++) {
        const c = source.charAt(j);
        if (c === '\\') {
          const next = source.charAt(j + 1);
          const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
          // \% and \_ stay escaped so LIKE can tell them from wildcards.
          value += next === '%' || next === '_' ? `\\${next}` : (escapes[next] ?? next);
          pattern += next === '%' || next === '_' || next === '\\' ? `\\${next}` : (escapes[next] ?? next);
          j += 1;
        } else if (c === "'") break;
        else {
          value += c;
          pattern += c;
        }
      }
      if (j >= source.length) throw errorFor(i, `line 1:${i} mismatched character '<EOF>' expecting '''`);
      tokens.push({ kind: 'string', text: value, pattern, pos: i });
      i = j + 1;
      continue;
    }
    const dateTime = DATETIME.exec(rest);
    if (dateTime) {
      tokens.push({ kind: 'datetime', text: dateTime[0], pos: i });
      i += dateTime[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], pos: i });
      i += date[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number && (ch !== '-' || /\d/.test(source.charAt(i + 1)))) {
      tokens.push({ kind: 'number', text: number[0], pos: i });
      i += number[0].length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => rest.startsWith(o));
    if (op) {
      tokens.push({ kind: 'op', text: op === '<>' ? '!=' : op, pos: i });
      i += op.length;
      continue;
    }
    if ('(),:'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i += 1;
      continue;
    }
    throw errorFor(i, `line 1:${i} no viable alternative at character '${ch}'`);
  }
  tokens.push({ kind: 'eof', text: '<EOF>', pos: source.length });
  return tokens;
}
