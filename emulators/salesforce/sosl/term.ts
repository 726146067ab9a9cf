import { invalidSearch } from '../errors';

/** A search term: any of the groups matches; a group matches when all its phrases do. */
export interface SearchTerm {
  groups: string[][];
}

/**
 * Parses the text inside `FIND {…}`: words and "quoted phrases" joined by AND / OR,
 * backslash escapes removed. `*` and `?` stay as wildcards.
 */
export function parseTerm(text: string): SearchTerm {
  const tokens: { phrase?: string; op?: 'AND' | 'OR' | 'NOT' }[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (/\s|[()]/.test(ch)) {
      i += 1;
      continue;
    }
    let phrase = '';
    if (ch === '"') {
      i += 1;
      while (i < text.length && text.charAt(i) !== '"') {
        if (text.charAt(i) === '\\') i += 1;
        phrase += text.charAt(i);
        i += 1;
      }
      i += 1;
      tokens.push({ phrase });
      continue;
    }
    while (i < text.length && !/\s|[()"]/.test(text.charAt(i))) {
      if (text.charAt(i) === '\\') i += 1;
      phrase += text.charAt(i);
      i += 1;
    }
    if (phrase === 'AND' || phrase === 'OR' || phrase === 'NOT') tokens.push({ op: phrase });
    else tokens.push({ phrase });
  }
  const groups: string[][] = [[]];
  let negate = false;
  for (const token of tokens) {
    if (token.op === 'OR') groups.push([]);
    else if (token.op === 'NOT') negate = true;
    else if (token.phrase !== undefined && token.phrase !== '') {
      if (!negate) groups[groups.length - 1]?.push(token.phrase);
      negate = false;
    }
  }
  const kept = groups.filter((g) => g.length > 0);
  const usable = kept.some((g) => g.some((p) => p.replace(/[*?]/g, '').length >= 2));
  if (!usable) throw invalidSearch('search term must be longer than one character');
  return { groups: kept };
}
