/** The pure parts: Accept and Content-Type rules, CSRF masking, JWT, cookie names and strings. */
import { describe, expect, it } from 'vitest';
import { KNOWN_SESSION_COOKIE_NAMES, expandHrefTemplate, idFromHref } from '../../shared/ez/links';
import { acceptTypes, formatForAccept, parseContentType } from '../../shared/ez/media-types';
import { isErrorMessageJson, isSessionJson } from '../../shared/ez/shapes';
import { clearingCookie, readCookie, sessionCookie } from '../auth/cookies';
import { isCsrfTokenValid, maskCsrfToken, newCsrfSecret } from '../auth/csrf';
import { signJwt, verifyJwt } from '../auth/jwt';
import { newSessionId } from '../auth/sessions';
import { SITE_ACCESSES } from '../fixtures/siteaccesses';
import { render } from '../http/render';

describe('shared/ez', () => {
  it.each([
    ['application/json', 'json'],
    ['application/vnd.ez.api.Session+json', 'json'],
    ['application/vnd.ez.api.Session+xml', 'xml'],
    ['*/*', 'xml'],
    ['', null],
    [undefined, null],
    ['application/xml;q=0.1, application/json;q=0.9', 'json'],
  ] as Array<[string | undefined, string | null]>)('formatForAccept(%j) = %j', (accept, fmt) => {
    expect(formatForAccept(accept)).toBe(fmt);
  });

  it('acceptTypes keeps written order for equal quality', () => {
    expect(acceptTypes('a/b;q=0.5, c/d, e/f;q=1')).toEqual(['c/d', 'e/f', 'a/b']);
  });

  it.each([
    [
      'application/vnd.ez.api.SessionInput+json',
      { media: 'application/vnd.ez.api.SessionInput', format: 'json', version: null, name: 'SessionInput' },
    ],
    [
      'application/vnd.ez.api.SessionInput+xml; version=1.1; charset=utf-8',
      { media: 'application/vnd.ez.api.SessionInput', format: 'xml', version: '1.1', name: 'SessionInput' },
    ],
    ['application/json', { media: 'application/json', format: 'xml', version: null, name: null }],
  ])('parseContentType(%j)', (ct, expected) => {
    expect(parseContentType(ct)).toEqual(expected);
  });

  it('cookie names are eZSESSID + md5(SiteAccess)', () => {
    for (const [name, sa] of SITE_ACCESSES) expect(sa.cookieName).toBe(KNOWN_SESSION_COOKIE_NAMES[name]);
  });

  it('link helpers', () => {
    expect(expandHrefTemplate('/api/ezp/v2/user/sessions/{sessionId}/refresh', { sessionId: 'abc' })).toBe(
      '/api/ezp/v2/user/sessions/abc/refresh',
    );
    expect(idFromHref('/api/ezp/v2/user/users/14')).toBe(14);
    expect(idFromHref('/api/ezp/v2/')).toBeNull();
  });

  it('guards', () => {
    const link = { '_media-type': 'x', _href: '/u/14' };
    expect(isSessionJson({ Session: { _href: 'h', name: 'n', identifier: 'i', csrfToken: 't', User: link } })).toBe(
      true,
    );
    expect(isSessionJson({ Session: { _href: 'h', name: 'n' } })).toBe(false);
    expect(
      isErrorMessageJson({ ErrorMessage: { errorCode: 401, errorMessage: 'Unauthorized', errorDescription: 'd' } }),
    ).toBe(true);
    expect(isErrorMessageJson({ ErrorMessage: { errorCode: '401' } })).toBe(false);
  });
});

describe('auth primitives', () => {
  it('CSRF: every masking differs and validates; others do not', () => {
    const secret = newCsrfSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const a = maskCsrfToken(secret);
    const b = maskCsrfToken(secret);
    expect(a).not.toBe(b);
    expect(isCsrfTokenValid(secret, a)).toBe(true);
    expect(isCsrfTokenValid(secret, b)).toBe(true);
    expect(isCsrfTokenValid(secret, secret)).toBe(true);
    expect(isCsrfTokenValid(newCsrfSecret(), a)).toBe(false);
    expect(isCsrfTokenValid(null, a)).toBe(false);
    expect(isCsrfTokenValid(secret, undefined)).toBe(false);
  });

  it('JWT round trip, tamper, expiry', () => {
    const key = Buffer.alloc(32, 7);
    const t = signJwt('admin', key, 1_000_000);
    expect(verifyJwt(t, key, 1_000_000)).toEqual({ ok: true, username: 'admin' });
    expect(verifyJwt(t, Buffer.alloc(32, 8), 1_000_000)).toEqual({ ok: false, reason: 'Invalid JWT Token' });
    expect(verifyJwt(t, key, 1_000_000 + 3600_000)).toEqual({ ok: false, reason: 'Expired JWT Token' });
    expect(verifyJwt('x.y', key, 0).ok).toBe(false);
  });

  it('session ids are 26 chars of [0-9a-v]', () => {
    for (let i = 0; i < 50; i++) expect(newSessionId()).toMatch(/^[0-9a-v]{26}$/);
  });

  it('cookie strings as PHP and Symfony write them', () => {
    expect(sessionCookie('eZSESSIDx', 'abc')).toBe('eZSESSIDx=abc; path=/; HttpOnly; SameSite=lax');
    expect(clearingCookie('eZSESSIDx', Date.parse('2026-11-29T00:00:00Z'))).toBe(
      'eZSESSIDx=deleted; expires=Fri, 28-Nov-2025 23:59:59 GMT; Max-Age=0; path=/; httponly',
    );
    expect(readCookie('a=1; eZSESSIDx=abc', 'eZSESSIDx')).toBe('abc');
    expect(readCookie('a=1', 'eZSESSIDx')).toBeNull();
  });
});

describe('XML rendering escapes like libxml XMLWriter', () => {
  it('text keeps quotes and apostrophes; attributes escape the double quote and whitespace', () => {
    const out = render('X', { media: 'X', attrs: { href: 'a"b&c\n' }, children: { t: `'q' "d" <&>` } }, 'xml');
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<X media-type="application/vnd.ez.api.X+xml" href="a&quot;b&amp;c&#10;"><t>'q' "d" &lt;&amp;&gt;</t></X>`,
    );
  });
});
