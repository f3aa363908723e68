import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../domain/capture';
import { authBadge, authCarried, basicUser, effectiveMethod } from './auth';

const SITE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';
const ADMIN = 'eZSESSID21232f297a57a5a743894a0e4a801fc3';
const IBX_SITE = 'IBX_SESSION_ID98defd6ee70dfb1dea416cecdf391f58';
const h = (o: Record<string, string>): HeaderPair[] => Object.entries(o).map(([name, value]) => ({ name, value }));
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;

describe('authBadge from what the request carried', () => {
  const rows: Array<[string, string, Record<string, string>, string, 'sent' | 'missing' | 'n/a']> = [
    ['nothing', 'GET', {}, 'none', 'n/a'],
    ['a session cookie of site', 'GET', { Cookie: `theme=dark; ${SITE}=abc` }, 'session (site)', 'n/a'],
    ['the Ibexa cookie', 'GET', { Cookie: `${IBX_SITE}=abc` }, 'session (site)', 'n/a'],
    [
      'an admin cookie, request for admin',
      'GET',
      { Cookie: `${SITE}=a; ${ADMIN}=b`, 'X-Siteaccess': 'admin' },
      'session (admin)',
      'n/a',
    ],
    [
      'an unknown SiteAccess hash',
      'GET',
      { Cookie: 'eZSESSID0123456789abcdef0123456789abcdef=x' },
      'session (unknown SiteAccess)',
      'n/a',
    ],
    ['Basic with its user', 'GET', { Authorization: basic('editor', 'p:w') }, 'Basic editor', 'n/a'],
    ['Basic in UTF-8', 'GET', { Authorization: basic('łukasz', 'x') }, 'Basic łukasz', 'n/a'],
    [
      'Basic beats the cookie',
      'GET',
      { Authorization: basic('admin', 'x'), Cookie: `${SITE}=a` },
      'Basic admin',
      'n/a',
    ],
    ['Bearer', 'GET', { Authorization: 'Bearer eyJ.x.y' }, 'Bearer', 'n/a'],
    ['unsafe with a token', 'DELETE', { Cookie: `${SITE}=a`, 'X-CSRF-Token': 't' }, 'session (site)', 'sent'],
    ['unsafe without a token', 'PATCH', { Cookie: `${SITE}=a` }, 'session (site)', 'missing'],
    ['POST overridden to GET is safe', 'POST', { 'X-HTTP-Method-Override': 'GET' }, 'none', 'n/a'],
    ['an anonymous POST (a login) needs no token', 'POST', {}, 'none', 'n/a'],
    [
      'Basic on an unsafe method needs no token',
      'DELETE',
      { Authorization: basic('admin', 'x') },
      'Basic admin',
      'n/a',
    ],
  ];
  it.each(rows)('%s', (_l, method, headers, label, csrf) => {
    const pairs = h(headers);
    const badge = authBadge(authCarried(pairs), effectiveMethod(method, pairs));
    expect([badge.label, badge.csrf]).toEqual([label, csrf]);
  });

  it.each([
    ['Basic !!!', null],
    ['Basic bm9jb2xvbg==', null],
    ['basic YTpi', 'a'],
    ['Digest x', null],
  ])('basicUser(%j) = %j', (v, user) => expect(basicUser(v)).toBe(user));
});
