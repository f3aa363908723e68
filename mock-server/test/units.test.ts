/** The pure parts: Accept and Content-Type rules, CSRF masking, JWT, cookie names and strings. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { EZP3, IBEXA4 } from '../../shared/ez/flavours';
import { expandHrefTemplate, hrefTemplateKeys, idFromHref } from '../../shared/ez/links';
import {
  KNOWN_SITE_ACCESSES,
  isSessionCookieName,
  sessionCookieName,
  siteAccessOfCookie,
} from '../../shared/ez/session-cookies';
import { acceptTypes, formatForAccept, parseContentType, parseEzMediaType } from '../../shared/ez/media-types';
import { parseErrorMessage, parseSession } from '../../shared/ez/shapes';
import { clearingCookie, readCookie, sessionCookie } from '../auth/cookies';
import { isCsrfTokenValid, maskCsrfToken, newCsrfSecret } from '../auth/csrf';
import { signJwt, verifyJwt } from '../auth/jwt';
import { newSessionId } from '../auth/sessions';
import { siteAccessesFor } from '../fixtures/siteaccesses';
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

  it.each([EZP3, IBEXA4])('cookie names are $sessionCookiePrefix + md5(SiteAccess), and the table knows them', (f) => {
    for (const [name, sa] of siteAccessesFor(f)) {
      expect(sa.cookieName).toBe(sessionCookieName(f, name));
      expect(isSessionCookieName(sa.cookieName)).toBe(true);
      expect(siteAccessOfCookie(sa.cookieName)).toBe(name);
    }
    for (const name of KNOWN_SITE_ACCESSES) {
      expect(sessionCookieName(f, name)).toBe(f.sessionCookiePrefix + createHash('md5').update(name).digest('hex'));
    }
    expect(isSessionCookieName('PHPSESSID')).toBe(false);
    expect(siteAccessOfCookie(`${f.sessionCookiePrefix}0123`)).toBeNull();
  });

  it.each([
    [
      'application/vnd.ez.api.ContentInfo+json',
      { vendor: 'vnd.ez.api', name: 'ContentInfo', format: 'json', version: null },
    ],
    [
      'application/vnd.ibexa.api.Session+xml; charset=utf-8',
      { vendor: 'vnd.ibexa.api', name: 'Session', format: 'xml', version: null },
    ],
    [
      'application/vnd.ez.api.View+json; version=1.1',
      { vendor: 'vnd.ez.api', name: 'View', format: 'json', version: '1.1' },
    ],
    [
      'application/vnd.ez.api.contentinfo+json',
      { vendor: 'vnd.ez.api', name: 'contentinfo', format: 'json', version: null },
    ],
    ['application/json', null],
    ['', null],
  ])('parseEzMediaType(%j)', (value, expected) => {
    expect(parseEzMediaType(value)).toEqual(expected);
  });

  it.each([
    ['application/vnd.ibexa.api.Session+json', 'json'],
    ['application/vnd.ez.api.Session+json', 'xml'],
    ['application/json', 'json'],
  ] as const)('Ibexa: formatForAccept(%j) = %j (a vnd.ez.api type is only the catch-all)', (accept, fmt) => {
    expect(formatForAccept(accept, IBEXA4.vendor)).toBe(fmt);
  });

  it('link helpers', () => {
    expect(expandHrefTemplate('/api/ezp/v2/user/sessions/{sessionId}/refresh', { sessionId: 'abc' })).toBe(
      '/api/ezp/v2/user/sessions/abc/refresh',
    );
    expect(expandHrefTemplate('/api/ezp/v2/user/users{?login}', { login: 'a b' })).toBe(
      '/api/ezp/v2/user/users?login=a%20b',
    );
    expect(expandHrefTemplate('/api/ezp/v2/user/users{?login}', {})).toBe('/api/ezp/v2/user/users');
    expect(hrefTemplateKeys('/x/{a}/y{?b}')).toEqual(['a', 'b']);
    expect(idFromHref('/api/ezp/v2/user/users/14')).toBe(14);
    expect(idFromHref('/api/ezp/v2/')).toBeNull();
  });

  it('parsers', () => {
    const link = { '_media-type': 'x', _href: '/u/14' };
    expect(parseSession({ Session: { _href: 'h', name: 'n', identifier: 'i', csrfToken: 't', User: link } })).toEqual({
      href: 'h',
      name: 'n',
      identifier: 'i',
      csrfToken: 't',
      userHref: '/u/14',
    });
    expect(parseSession({ Session: { _href: 'h', name: 'n' } })).toBeNull();
    expect(
      parseErrorMessage({ ErrorMessage: { errorCode: 401, errorMessage: 'Unauthorized', errorDescription: 'd' } }),
    ).toEqual({ code: 401, message: 'Unauthorized', description: 'd' });
    expect(parseErrorMessage({ ErrorMessage: { errorCode: '401' } })).toBeNull();
    expect(parseErrorMessage({ ErrorMessage: { errorCode: '401', errorDescription: 'd' } })).toMatchObject({
      code: null,
    });
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
    const out = render('X', { media: 'X', href: '/a"b&c\n', children: { t: `'q' "d" <&>` } }, 'xml', EZP3);
    expect(out).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<X media-type="application/vnd.ez.api.X+xml" href="/api/ezp/v2/a&quot;b&amp;c&#10;"><t>'q' "d" &lt;&amp;&gt;</t></X>`,
    );
  });
});
