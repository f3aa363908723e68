// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readPageCsrfInPage } from './page-csrf';

afterEach(() => {
  document.head.innerHTML = '';
  localStorage.clear();
});

describe('readPageCsrfInPage (runs inside the inspected page)', () => {
  it('prefers the back-office meta tag', () => {
    document.head.innerHTML = '<meta name="CSRF-Token" content="meta-token">';
    localStorage.setItem('ezpRestClient.csrfToken', JSON.stringify('ls-token'));
    expect(readPageCsrfInPage()).toEqual({ token: 'meta-token', source: 'meta' });
  });

  it("reads the JS client's JSON-encoded localStorage value", () => {
    localStorage.setItem('ezpRestClient.csrfToken', JSON.stringify('ls-token'));
    expect(readPageCsrfInPage()).toEqual({ token: 'ls-token', source: 'localStorage' });
  });

  it.each([
    ['not JSON', 'raw-token'],
    ['JSON but not a string', '{"a":1}'],
    ['an empty string', '""'],
  ])('ignores a localStorage value that is %s', (_l, raw) => {
    localStorage.setItem('ezpRestClient.csrfToken', raw);
    expect(readPageCsrfInPage()).toEqual({ token: null, source: null });
  });

  it('finds nothing on a plain page', () => {
    expect(readPageCsrfInPage()).toEqual({ token: null, source: null });
  });
});
