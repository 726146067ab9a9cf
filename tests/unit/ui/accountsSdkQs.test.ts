import qs from 'qs';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from '../../../ui/auth/accountsSdkQs';

// The frontends' stand-in for qs (see accountsSdkQs.ts) must answer as qs does for what accounts-sdk
// gives it: compared with the real qs, which the server's dependencies bring.
describe('accountsSdkQs', () => {
  it.each([
    'access_token=dal%3AabcDEF-123_~.&expires_in=28800&token_type=Bearer&state=s1&scope=chats--all%3Aro%20agents--my%3Arw',
    'code=eu-west3%3Aabc&state=xyz',
    'scope=chats--all:ro+customers:ro&state=a%2Bb',
    'a=1&a=2&a=3&b=',
    'name=Zo%C3%AB%20%F0%9F%98%80&empty&=skipped',
    '__proto__=x&toString=y&constructor=z&ok=1',
    '',
  ])('parses %j as qs does', (text) => {
    expect(parse(text)).toEqual(qs.parse(text));
  });

  it('drops a leading "?" only when asked, as qs does', () => {
    expect(parse('?code=c&state=s', { ignoreQueryPrefix: true })).toEqual(
      qs.parse('?code=c&state=s', { ignoreQueryPrefix: true }),
    );
    expect(parse('?code=c')).toEqual(qs.parse('?code=c'));
  });

  it.each([
    {
      client_id: 'abc123',
      redirect_uri: 'https://app.example.com/widget/',
      state: 'a/b+c=d&e',
      response_type: 'token',
      scope: 'chats--all:ro agents--my:rw',
      flow: 'button',
    },
    { utm_source: 'accounts.livechat.com', code_challenge: "x!'()*~-._y", prompt: null, email: undefined },
    { name: 'Zoë 😀', n: 5, yes: true, list: ['a b', 'c'] },
    {},
  ])('writes %j as qs does', (params) => {
    expect(stringify(params)).toBe(qs.stringify(params));
  });

  it('refuses a nested object instead of writing it differently from qs', () => {
    expect(() => stringify({ a: { b: 'c' } })).toThrow(/nested/);
  });
});
