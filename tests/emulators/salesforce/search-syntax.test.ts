import type { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_VERSION, connectAs, errorOf, nora, raw, startEmulator, type Started } from './support';

let sf: Started;
let conn: Connection;
let annId: string;
beforeAll(async () => {
  sf = await startEmulator();
  ({ conn } = await connectAs(sf.url, nora));
  annId = sf.emulator.admin.insertRecord(sf.demoOrgId, 'Lead', {
    FirstName: 'Ann',
    LastName: 'Tagger',
    Company: 'Plus Sign Ltd',
    Email: 'ann+tag@example.com',
    Phone: '+1 (415) 555-0101',
  });
  sf.emulator.admin.insertRecord(sf.demoOrgId, 'Lead', {
    FirstName: 'Ann',
    LastName: 'Dotted',
    Company: 'Dot Ltd',
    Email: 'ann.tag@example.com',
  });
});
afterAll(async () => {
  await sf.close();
});

type Hit = Record<string, unknown> & { attributes: { type: string } };
const search = async (sosl: string) => (await conn.search(sosl)).searchRecords as Hit[];
const paramSearch = (body: unknown) =>
  raw<Array<{ message: string; errorCode: string }> | { searchRecords: Hit[] }>(
    sf.url,
    conn.accessToken,
    `/services/data/v${API_VERSION}/parameterizedSearch`,
    { method: 'POST', body },
  );

describe('SOSL reserved characters', () => {
  it('answers MALFORMED_SEARCH in the shape a real org does for an unescaped |', async () => {
    const q = 'FIND {John|jane_gray@uoa.edu} RETURNING Contact';
    const res = await raw(
      sf.url,
      conn.accessToken,
      `/services/data/v${API_VERSION}/search?q=${encodeURIComponent(q)}`,
    );
    expect(res.status).toBe(400);
    // The body restforce issue #688 captured from a real org.
    expect(res.body).toEqual([
      {
        message:
          "\nFIND {John|jane_gray@uoa.edu} RETURNING Contact\n         ^\nERROR at Row:1:Column:10\nline 1:10 mismatched character '|' expecting '}'",
        errorCode: 'MALFORMED_SEARCH',
      },
    ]);
  });

  it('refuses each unescaped reserved character, inside double quotes too', async () => {
    for (const ch of [..."&|!{[]^~:'+-"]) {
      for (const term of [`ab${ch}cd`, `"ab${ch}cd"`, `"ab ${ch}cd"`]) {
        const error = await errorOf(conn.search(`FIND {${term}} RETURNING Lead(Id)`));
        expect(error.name, term).toBe('MALFORMED_SEARCH');
        expect(error.message, term).toContain(`mismatched character '${ch}'`);
      }
    }
    expect((await errorOf(conn.search('FIND {"(415)"} RETURNING Lead(Id)'))).message).toContain(
      "mismatched character '('",
    );
    expect((await errorOf(conn.search('FIND {ab\\"cd"} RETURNING Lead(Id)'))).name).toBe('MALFORMED_SEARCH');
  });

  it('finds values with reserved characters when they are escaped', async () => {
    const phone = await search(
      'FIND {"\\+1 \\(415\\) 555\\-0101"} IN PHONE FIELDS RETURNING Lead(Id, Phone)',
    );
    expect(phone.map((h) => h.Id)).toContain(annId);
    const email = await search('FIND {"ann\\+tag@example.com"} IN EMAIL FIELDS RETURNING Lead(Id, Email)');
    expect(email.map((h) => h.Email)).toEqual(['ann+tag@example.com']);
    const unquoted = await search('FIND {ann\\+tag@example.com} IN EMAIL FIELDS RETURNING Lead(Id)');
    expect(unquoted.map((h) => h.Id)).toEqual([annId]);
  });

  it('takes * and ? as wildcards in the middle or at the end of a word, never first', async () => {
    expect(
      (await search('FIND {Tagg?r} IN NAME FIELDS RETURNING Lead(LastName)')).map((h) => h.LastName),
    ).toEqual(['Tagger']);
    expect(
      (await search('FIND {Ta*} IN NAME FIELDS RETURNING Lead(LastName)')).map((h) => h.LastName),
    ).toEqual(['Tagger']);
    expect(
      (await search('FIND {"Ann Tag*"} IN NAME FIELDS RETURNING Lead(LastName)')).map((h) => h.LastName),
    ).toEqual(['Tagger']);
    for (const term of ['*agger', '?agger', '"Ann *agger"']) {
      expect((await errorOf(conn.search(`FIND {${term}} RETURNING Lead(Id)`))).name, term).toBe(
        'MALFORMED_SEARCH',
      );
    }
    // An escaped wildcard is a literal character, not a wildcard.
    expect(await search('FIND {Ta\\*} IN NAME FIELDS RETURNING Lead(Id)')).toEqual([]);
  });

  it('groups with balanced parentheses and combines with OR, AND and AND NOT', async () => {
    const names = async (term: string) =>
      (await search(`FIND {${term}} IN NAME FIELDS RETURNING Lead(LastName ORDER BY LastName)`)).map(
        (h) => h.LastName,
      );
    expect(await names('Ann AND (Tagger OR Dotted)')).toEqual(['Dotted', 'Tagger']);
    expect(await names('Ann AND NOT Dotted')).toEqual(['Tagger']);
    expect(await names('(Tagger) OR (Garcia)')).toEqual(['Garcia', 'Tagger']);
    for (const term of ['(Tagger', 'Tagger)', 'Ann OR', '()']) {
      expect((await errorOf(conn.search(`FIND {${term}} RETURNING Lead(Id)`))).name, term).toBe(
        'MALFORMED_SEARCH',
      );
    }
  });
});

describe('parameterizedSearch reserved characters', () => {
  it('refuses an unescaped reserved character in q and finds the escaped one', async () => {
    for (const q of ['ann+tag@example.com', '"ann+tag@example.com"', '+1 (415) 555-0101', 'ann}tag']) {
      const res = await paramSearch({ q, in: 'ALL', sobjects: [{ name: 'Lead' }] });
      expect(res.status, q).toBe(400);
      expect(res.body, q).toEqual([expect.objectContaining({ errorCode: 'MALFORMED_SEARCH' })]);
    }
    const ok = await paramSearch({
      q: '"ann\\+tag@example.com" OR "\\+1 \\(415\\) 555\\-0101"',
      in: 'ALL',
      sobjects: [{ name: 'Lead', fields: ['Id'] }],
    });
    expect(ok.status).toBe(200);
    expect((ok.body as { searchRecords: Hit[] }).searchRecords.map((h) => h.Id)).toContain(annId);
  });

  it('applies the same rule to the GET form', async () => {
    const get = (q: string) =>
      raw(
        sf.url,
        conn.accessToken,
        `/services/data/v${API_VERSION}/parameterizedSearch?${new URLSearchParams({ q, sobject: 'Lead' }).toString()}`,
      );
    expect((await get('ann+tag@example.com')).status).toBe(400);
    expect((await get('ann\\+tag@example.com')).status).toBe(200);
  });
});
