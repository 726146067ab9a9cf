import { malformedQuery } from '../errors';
import { parseDateTime } from '../format';
import type { Clauses, CompareOp, Expr, FieldPath, Literal, OrderItem, SelectItem, SoqlQuery } from './ast';
import { pointAt, tokenize } from './lexer';
import type { Token } from './lexer';

const DATE_LITERALS = new Set([
  'TODAY',
  'YESTERDAY',
  'TOMORROW',
  'THIS_WEEK',
  'LAST_WEEK',
  'NEXT_WEEK',
  'THIS_MONTH',
  'LAST_MONTH',
  'NEXT_MONTH',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
]);
const DATE_LITERALS_N = new Set(['LAST_N_DAYS', 'NEXT_N_DAYS', 'LAST_N_MONTHS', 'NEXT_N_MONTHS']);
/** Words that end a clause and so can never be a field name. */
const RESERVED = new Set([
  'FROM',
  'WHERE',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'AND',
  'OR',
  'NOT',
  'GROUP',
  'HAVING',
  'WITH',
]);

/** A cursor over tokens that raises Salesforce-style parse errors. */
export class TokenStream {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
    private readonly makeError: (message: string) => Error = malformedQuery,
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const token = this.peek();
    if (this.index < this.tokens.length - 1) this.index += 1;
    return token;
  }

  isKeyword(word: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === 'ident' && token.text.toUpperCase() === word;
  }

  acceptKeyword(word: string): boolean {
    if (!this.isKeyword(word)) return false;
    this.next();
    return true;
  }

  expectKeyword(word: string): Token {
    if (!this.isKeyword(word)) throw this.unexpected();
    return this.next();
  }

  isPunct(ch: string): boolean {
    const token = this.peek();
    return token.kind === 'punct' && token.text === ch;
  }

  expectPunct(ch: string): Token {
    if (!this.isPunct(ch)) throw this.unexpected();
    return this.next();
  }

  error(pos: number, text: string): Error {
    return this.makeError(pointAt(this.source, pos, text));
  }

  unexpected(token: Token = this.peek()): Error {
    const text = `unexpected token: '${token.kind === 'string' ? `'${token.text}'` : token.text}'`;
    if (!/\s/.test(this.source.trim())) return this.makeError(text);
    return this.error(token.pos, text);
  }
}

function parsePath(stream: TokenStream): FieldPath {
  const token = stream.peek();
  if (token.kind !== 'ident' || RESERVED.has(token.text.toUpperCase())) throw stream.unexpected();
  stream.next();
  return { parts: token.text.split('.'), pos: token.pos };
}

/** `Id, Name, Owner.Name, count()` */
export function parseSelectList(stream: TokenStream): SelectItem[] {
  const items: SelectItem[] = [];
  do {
    const token = stream.peek();
    if (token.kind === 'ident' && token.text.toUpperCase() === 'COUNT' && stream.peek(1).text === '(') {
      stream.next();
      stream.expectPunct('(');
      stream.expectPunct(')');
      items.push({ kind: 'count', pos: token.pos });
    } else {
      items.push({ kind: 'field', path: parsePath(stream) });
    }
  } while (stream.isPunct(',') && stream.next());
  return items;
}

function parseLiteral(stream: TokenStream): Literal {
  const token = stream.next();
  const pos = token.pos;
  switch (token.kind) {
    case 'string':
      return {
        kind: 'string',
        value: token.text,
        pos,
        ...(token.pattern !== undefined && { pattern: token.pattern }),
      };
    case 'number':
      return { kind: 'number', value: Number(token.text), pos };
    case 'date':
      return { kind: 'date', value: token.text, pos };
    case 'datetime': {
      const value = parseDateTime(token.text);
      if (!value) throw stream.unexpected(token);
      return { kind: 'datetime', value, pos };
    }
    case 'ident': {
      const upper = token.text.toUpperCase();
      if (upper === 'NULL') return { kind: 'null', pos };
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE', pos };
      if (DATE_LITERALS.has(upper)) return { kind: 'dateLiteral', name: upper, n: 1, pos };
      if (DATE_LITERALS_N.has(upper)) {
        stream.expectPunct(':');
        const n = stream.next();
        if (n.kind !== 'number') throw stream.unexpected(n);
        return { kind: 'dateLiteral', name: upper, n: Number(n.text), pos };
      }
      throw stream.unexpected(token);
    }
    default:
      throw stream.unexpected(token);
  }
}

function parseCompareOp(stream: TokenStream): CompareOp {
  const token = stream.peek();
  if (token.kind === 'op') {
    stream.next();
    return token.text as CompareOp;
  }
  if (stream.acceptKeyword('LIKE')) return 'like';
  if (stream.acceptKeyword('IN')) return 'in';
  if (stream.acceptKeyword('INCLUDES')) return 'includes';
  if (stream.acceptKeyword('EXCLUDES')) return 'excludes';
  if (stream.isKeyword('NOT') && stream.isKeyword('IN', 1)) {
    stream.next();
    stream.next();
    return 'not in';
  }
  throw stream.unexpected();
}

function parseCondition(stream: TokenStream): Expr {
  if (stream.isPunct('(')) {
    stream.next();
    const inner = parseExpr(stream);
    stream.expectPunct(')');
    return inner;
  }
  if (stream.acceptKeyword('NOT')) return { kind: 'not', expr: parseCondition(stream) };
  const path = parsePath(stream);
  const op = parseCompareOp(stream);
  if (op === 'in' || op === 'not in' || op === 'includes' || op === 'excludes') {
    stream.expectPunct('(');
    const values: Literal[] = [];
    do values.push(parseLiteral(stream));
    while (stream.isPunct(',') && stream.next());
    stream.expectPunct(')');
    return { kind: 'compare', path, op, values };
  }
  return { kind: 'compare', path, op, values: [parseLiteral(stream)] };
}

/** A WHERE expression; mixing AND and OR without parentheses is an error, as in SOQL. */
export function parseExpr(stream: TokenStream): Expr {
  const first = parseCondition(stream);
  const joiner = stream.isKeyword('AND') ? 'and' : stream.isKeyword('OR') ? 'or' : undefined;
  if (!joiner) return first;
  const items = [first];
  while (stream.isKeyword(joiner.toUpperCase())) {
    stream.next();
    items.push(parseCondition(stream));
  }
  if (stream.isKeyword(joiner === 'and' ? 'OR' : 'AND')) throw stream.unexpected();
  return { kind: joiner, items };
}

function parseInteger(stream: TokenStream): number {
  const token = stream.next();
  if (token.kind !== 'number' || !/^\d+$/.test(token.text)) throw stream.unexpected(token);
  return Number(token.text);
}

/** `[WHERE …] [ORDER BY …] [LIMIT n] [OFFSET n]` */
export function parseClauses(stream: TokenStream): Clauses {
  const clauses: Clauses = { orderBy: [] };
  if (stream.acceptKeyword('WHERE')) clauses.where = parseExpr(stream);
  if (stream.acceptKeyword('ORDER')) {
    stream.expectKeyword('BY');
    do {
      const path = parsePath(stream);
      const item: OrderItem = { path, descending: false, nullsLast: false };
      if (stream.acceptKeyword('DESC')) item.descending = true;
      else stream.acceptKeyword('ASC');
      item.nullsLast = item.descending;
      if (stream.acceptKeyword('NULLS')) {
        if (stream.acceptKeyword('LAST')) item.nullsLast = true;
        else {
          stream.expectKeyword('FIRST');
          item.nullsLast = false;
        }
      }
      clauses.orderBy.push(item);
    } while (stream.isPunct(',') && stream.next());
  }
  if (stream.acceptKeyword('LIMIT')) clauses.limit = parseInteger(stream);
  if (stream.acceptKeyword('OFFSET')) clauses.offset = parseInteger(stream);
  return clauses;
}

/** Parses the SOQL subset: SELECT fields FROM object [WHERE] [ORDER BY] [LIMIT] [OFFSET]. */
export function parseSoql(source: string): SoqlQuery {
  const stream = new TokenStream(tokenize(source), source);
  stream.expectKeyword('SELECT');
  const select = parseSelectList(stream);
  stream.expectKeyword('FROM');
  const fromToken = stream.next();
  if (fromToken.kind !== 'ident') throw stream.unexpected(fromToken);
  const clauses = parseClauses(stream);
  if (stream.peek().kind !== 'eof') throw stream.unexpected();
  return { select, from: { name: fromToken.text, pos: fromToken.pos }, ...clauses };
}
