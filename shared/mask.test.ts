import { describe, expect, it } from 'vitest';
import { maskSecret } from './mask';

describe('maskSecret', () => {
  it.each([
    ['', ''],
    ['abc', '•••'],
    ['12345678', '••••••••'],
    ['o7i8r1sapfc9r84ae53bgq8gp4', 'o7i8••••••••••••••••••••••'],
  ])('%j -> %j', (v, m) => expect(maskSecret(v)).toBe(m));

  it('keeps the length (revealing moves nothing) and never more than 4 characters of the secret', () => {
    for (const v of ['a', 'abcdefghi', 'x'.repeat(300), '5b7b1e7.Jos2FuozcIuguNMWo7Rg_-jJerDMLy4wh7tUQ']) {
      const m = maskSecret(v);
      expect(m).toHaveLength(v.length);
      expect(m.replace(/•/g, '').length).toBeLessThanOrEqual(4);
    }
  });
});
