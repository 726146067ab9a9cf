import { describe, expect, it } from 'vitest';
import { inlinedPublicConfig } from '../../../ui/auth/inlinedPublicConfig';
import { publicConfigElementId } from '../../../src/api/session';

const pageWith = (text: string | null) => ({
  getElementById: (id: string) =>
    id === publicConfigElementId && text !== null ? ({ textContent: text } as HTMLElement) : null,
});

describe('the public-config written into the page', () => {
  it('is read as the server escaped it', () => {
    const text =
      '{"livechat":{"clientId":"c\\u003c/script\\u003e","accountsUrl":"https://accounts.livechat.com"},"demo":false}';
    expect(inlinedPublicConfig(pageWith(text))).toEqual({
      livechat: { clientId: 'c</script>', accountsUrl: 'https://accounts.livechat.com' },
      demo: false,
    });
  });

  it('is left for /api/public-config when absent, not JSON, or of another shape', () => {
    expect(inlinedPublicConfig(pageWith(null))).toBeNull();
    expect(inlinedPublicConfig(pageWith('{"livechat":'))).toBeNull();
    expect(inlinedPublicConfig(pageWith('{"demo":true}'))).toBeNull();
    expect(inlinedPublicConfig(undefined)).toBeNull();
  });
});
