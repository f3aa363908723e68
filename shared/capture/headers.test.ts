import { describe, expect, it } from 'vitest';
import { maskHeader, parseCookieHeader, parseSetCookie } from './headers';

describe('masking headers', () => {
  const secret = 'o7i8r1sapfc9r84ae53bgq8gp4';
  it.each([
    ['Cookie', `a=1; eZSESSIDx=${secret}`, `a=•; eZSESSIDx=o7i8${'•'.repeat(22)}`],
    ['Set-Cookie', `eZSESSIDx=${secret}; path=/; HttpOnly`, `eZSESSIDx=o7i8${'•'.repeat(22)}; path=/; HttpOnly`],
    ['Authorization', `Basic ${secret}`, `Basic o7i8${'•'.repeat(22)}`],
    ['X-CSRF-Token', secret, `o7i8${'•'.repeat(22)}`],
    ['Accept', 'application/json', 'application/json'],
  ])('%s', (name, value, masked) => {
    const m = maskHeader({ name, value });
    expect(m.value).toBe(masked);
    if (name !== 'Accept') expect(m.value).not.toContain(secret);
  });

  it('parses cookie headers', () => {
    expect(parseCookieHeader(' a=1;b = 2 ; flag')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
      { name: 'flag', value: '' },
    ]);
    expect(parseSetCookie('n=v; Max-Age=0')).toEqual({ name: 'n', value: 'v', attributes: '; Max-Age=0' });
  });
});
