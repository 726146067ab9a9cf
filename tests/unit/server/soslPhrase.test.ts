import { describe, expect, it } from 'vitest';
import { soslPhrase } from '../../../server/widget/relatedSearch';

describe('a visitor value in a SOSL search', () => {
  it('escapes every reserved character, inside the quotes too', () => {
    expect(soslPhrase('+1 (415) 555-0101')).toBe('"\\+1 \\(415\\) 555\\-0101"');
    expect(soslPhrase('ann+tag@example.com')).toBe('"ann\\+tag@example.com"');
    expect(soslPhrase(`a\\b"c*?[x]{y}:~^!&|'`)).toBe(`"a\\\\b\\"c\\*\\?\\[x\\]\\{y\\}\\:\\~\\^\\!\\&\\|\\'"`);
  });

  it('leaves ordinary characters as they are', () => {
    expect(soslPhrase('  maria.garcia@globex.example ')).toBe('"maria.garcia@globex.example"');
  });
});
