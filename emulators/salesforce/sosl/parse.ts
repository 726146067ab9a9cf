import { malformedSearch } from '../errors';
import type { Clauses, SelectItem } from '../soql/ast';
import { pointAt, tokenize } from '../soql/lexer';
import { TokenStream, parseClauses, parseSelectList } from '../soql/parse';
import type { SearchScope } from './match';
import { parseTerm } from './term';
import type { SearchTerm } from './term';

export interface ReturningItem {
  objectName: string;
  pos: number;
  /** Undefined means `Id` only, as Salesforce does. */
  select?: SelectItem[];
  clauses: Clauses;
}

export interface SoslQuery {
  term: SearchTerm;
  scope: SearchScope;
  returning: ReturningItem[];
  limit?: number;
}

const SCOPES = new Set(['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR']);

/** Parses the SOSL subset: FIND {term} [IN … FIELDS] [RETURNING Obj(fields [WHERE] [ORDER BY] [LIMIT]), …] [LIMIT n]. */
export function parseSosl(source: string): SoslQuery {
  const head = /^\s*FIND\s*\{/i.exec(source);
  if (!head) {
    throw malformedSearch('No search term found. The search term must be enclosed in braces.');
  }
  const { term, end } = parseTerm(source, head[0].length);
  const stream = new TokenStream(
    tokenize(source, end + 1, (pos, text) => malformedSearch(pointAt(source, pos, text))),
    source,
    malformedSearch,
  );
  let scope: SearchScope = 'ALL';
  if (stream.acceptKeyword('IN')) {
    const word = stream.next();
    if (word.kind !== 'ident' || !SCOPES.has(word.text.toUpperCase())) throw stream.unexpected(word);
    scope = word.text.toUpperCase() as SearchScope;
    stream.expectKeyword('FIELDS');
  }
  const returning: ReturningItem[] = [];
  if (stream.acceptKeyword('RETURNING')) {
    do {
      const name = stream.next();
      if (name.kind !== 'ident') throw stream.unexpected(name);
      const item: ReturningItem = { objectName: name.text, pos: name.pos, clauses: { orderBy: [] } };
      if (stream.isPunct('(')) {
        stream.next();
        item.select = parseSelectList(stream);
        item.clauses = parseClauses(stream);
        stream.expectPunct(')');
      }
      returning.push(item);
    } while (stream.isPunct(',') && stream.next());
  }
  const query: SoslQuery = { term, scope, returning };
  if (stream.acceptKeyword('LIMIT')) {
    const n = stream.next();
    if (n.kind !== 'number') throw stream.unexpected(n);
    query.limit = Number(n.text);
  }
  if (stream.peek().kind !== 'eof') throw stream.unexpected();
  return query;
}
