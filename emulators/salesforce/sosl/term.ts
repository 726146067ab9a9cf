import { invalidSearch, malformedSearch } from '../errors';

/** Stand-ins for the `*` and `?` wildcards in a phrase, so an escaped `\*` or `\?` stays literal. */
export const ANY_CHARS = '\uE000';
export const ONE_CHAR = '\uE001';

/** A search term as a tree: phrases joined by AND, OR and AND NOT, grouped by parentheses. */
export type TermNode =
  | { kind: 'phrase'; text: string }
  | { kind: 'and' | 'or'; items: TermNode[] }
  | { kind: 'not'; item: TermNode };

export interface SearchTerm {
  root: TermNode;
}

/**
 * The characters SOSL reserves in a search term: "Reserved characters, if specified in a text
 * search, must be escaped (preceded by the backslash \ character) … This is true even if the
 * SearchQuery is enclosed in double quotes."
 * https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm
 * (list also on https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/api/sforce_api_calls_sosl_examples.htm)
 */
const RESERVED = new Set([...'?&|!{}[]()^~*:\\"\'+-']);
const WILDCARDS: Record<string, string> = { '*': ANY_CHARS, '?': ONE_CHAR };
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/**
 * A MALFORMED_SEARCH error in the shape a real org answers, e.g. for `FIND {John|jane…}`:
 * `\nFIND {John|…} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'`
 * (REST capture in https://github.com/restforce/restforce/issues/688). The column is the
 * 0-based offset of the character, and the caret sits one place before it, as in the capture.
 */
export function searchSyntaxError(source: string, pos: number, text: string) {
  const before = source.slice(0, pos);
  const row = before.split('\n').length;
  const lineStart = before.lastIndexOf('\n') + 1;
  const column = pos - lineStart;
  const lineEnd = source.indexOf('\n', pos);
  const line = source.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  return malformedSearch(
    `\n${line}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:${row}:Column:${column}\nline ${row}:${column} ${text}`,
  );
}

type Token =
  | { kind: 'phrase'; text: string; pos: number }
  | { kind: 'op'; text: 'AND' | 'OR' | 'NOT'; pos: number }
  | { kind: '(' | ')' | 'end'; pos: number };

/** Reads the term from `start` (just after `FIND {`) to its closing brace. */
function tokenize(source: string, start: number): { tokens: Token[]; end: number } {
  const mismatched = (pos: number, expecting = '}') =>
    searchSyntaxError(
      source,
      pos,
      `mismatched character '${pos < source.length ? source.charAt(pos) : '<EOF>'}' expecting '${expecting}'`,
    );
  /** One character of a word or phrase: an escape is literal, a wildcard only after the first character. */
  const readChar = (i: number, wordStart: boolean): { text: string; next: number } => {
    const ch = source.charAt(i);
    if (ch === '\\') {
      if (i + 1 >= source.length) throw mismatched(i + 1);
      return { text: source.charAt(i + 1), next: i + 2 };
    }
    // "*" and "?" are wildcards in the middle or at the end of a term, never first:
    // https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm
    const wildcard = WILDCARDS[ch];
    if (wildcard !== undefined && !wordStart) return { text: wildcard, next: i + 1 };
    if (RESERVED.has(ch)) throw mismatched(i);
    return { text: ch, next: i + 1 };
  };
  const tokens: Token[] = [];
  let i = start;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '}') return { tokens: [...tokens, { kind: 'end', pos: i }], end: i };
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, pos: i });
      i += 1;
    } else if (ch === '"') {
      const pos = i;
      let text = '';
      i += 1;
      while (source.charAt(i) !== '"') {
        if (i >= source.length) throw mismatched(i, '"');
        if (/\s/.test(source.charAt(i))) {
          text += source.charAt(i);
          i += 1;
          continue;
        }
        const read = readChar(i, text === '' || /\s$/.test(text));
        text += read.text;
        i = read.next;
      }
      i += 1;
      tokens.push({ kind: 'phrase', text, pos });
    } else {
      const pos = i;
      let text = '';
      while (i < source.length && !/[\s(){}"]/.test(source.charAt(i))) {
        const read = readChar(i, text === '');
        text += read.text;
        i = read.next;
      }
      if (source.charAt(i) === '{' || source.charAt(i) === '"') throw mismatched(i);
      if (OPERATORS.has(text)) tokens.push({ kind: 'op', text: text as 'AND' | 'OR' | 'NOT', pos });
      else tokens.push({ kind: 'phrase', text, pos });
    }
  }
  throw mismatched(source.length);
}

/**
 * Parses the text inside `FIND {…}` (from `start`, just after the brace) into a tree, with
 * OR binding loosest, then AND (also implied between neighbours) and AND NOT, then parentheses.
 * Returns the term and the position of its closing brace.
 */
export function parseTerm(source: string, start: number): { term: SearchTerm; end: number } {
  const { tokens, end } = tokenize(source, start);
  let index = 0;
  const peek = (): Token => tokens[index] ?? { kind: 'end', pos: end };
  // A misplaced operator or parenthesis: MALFORMED_SEARCH like the captured one; this wording is UNCONFIRMED.
  const unexpected = (token: Token) => {
    const text =
      token.kind === 'end' ? '}' : token.kind === 'phrase' || token.kind === 'op' ? token.text : token.kind;
    return searchSyntaxError(source, token.pos, `no viable alternative at character '${text}'`);
  };
  const isOp = (token: Token, op: string) => token.kind === 'op' && token.text === op;

  const parseOr = (): TermNode => {
    const items = [parseAnd()];
    while (isOp(peek(), 'OR')) {
      index += 1;
      items.push(parseAnd());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'or', items };
  };
  const parseAnd = (): TermNode => {
    const items = [parseUnary()];
    for (;;) {
      const token = peek();
      if (isOp(token, 'AND')) {
        index += 1;
        items.push(parseUnary());
      } else if (token.kind === 'phrase' || token.kind === '(' || isOp(token, 'NOT')) {
        items.push(parseUnary());
      } else {
        break;
      }
    }
    return items.length === 1 && items[0] ? items[0] : { kind: 'and', items };
  };
  const parseUnary = (): TermNode => {
    const token = peek();
    index += 1;
    if (isOp(token, 'NOT')) return { kind: 'not', item: parseUnary() };
    if (token.kind === 'phrase') return { kind: 'phrase', text: token.text };
    if (token.kind === '(') {
      const inner = parseOr();
      const close = peek();
      if (close.kind !== ')') throw unexpected(close);
      index += 1;
      return inner;
    }
    throw unexpected(token);
  };

  const root = parseOr();
  const rest = peek();
  if (rest.kind !== 'end') throw unexpected(rest);
  const positives: string[] = [];
  const collect = (node: TermNode) => {
    if (node.kind === 'phrase') positives.push(node.text);
    else if (node.kind !== 'not') node.items.forEach(collect);
  };
  collect(root);
  const usable = positives.some((p) => p.replace(/[\uE000\uE001\s]/g, '').length >= 2);
  // "search term must be longer than one character": Apex SearchException text, seen in
  // https://github.com/SalesforceLabs/Milestones-PM/issues/27 (REST errorCode INVALID_SEARCH).
  if (!usable) throw invalidSearch('search term must be longer than one character');
  return { term: { root }, end };
}
