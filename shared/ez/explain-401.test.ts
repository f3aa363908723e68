import { describe, expect, it } from 'vitest';
import { authCarried } from '../capture/auth';
import type { Identity } from '../domain/auth';
import { explain401, type Knowledge, type Why401 } from './explain-401';

const SITE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';
const ADMIN = 'eZSESSID21232f297a57a5a743894a0e4a801fc3';
const err = (description: string) => ({
  ErrorMessage: { errorCode: 401, errorMessage: 'Unauthorized', errorDescription: description },
});
const denied = err("The User does not have the 'read' 'content' permission with: contentId '41'");
const csrf = err(
  "The User does not have the 'DELETE /api/ezp/v2/content/objects/1' 'Missing or invalid CSRF token' permission",
);
const basic = (u: string) => `Basic ${Buffer.from(`${u}:x`).toString('base64')}`;
const editor: Identity = {
  kind: 'user',
  via: 'panel-session',
  user: { id: 50, login: 'editor', name: 'E', href: '' },
  checkedAt: 0,
  problem: null,
};
const none: Knowledge = { identity: null, panelSessionName: null, basicIgnored: false };

describe('explain401', () => {
  const rows: Array<
    [string, string, Record<string, string>, Record<string, string>, unknown, Knowledge, Why401, RegExp]
  > = [
    ['no session', 'GET', {}, {}, denied, none, 'no-session', /anonymous may not content\/read \(contentId '41'\)/],
    [
      'CSRF token missing',
      'DELETE',
      { Cookie: `${SITE}=x` },
      {},
      csrf,
      none,
      'csrf-missing',
      /CSRF token missing on DELETE/,
    ],
    [
      'CSRF token of another session',
      'DELETE',
      { Cookie: `${SITE}=x`, 'X-CSRF-Token': 't' },
      {},
      csrf,
      none,
      'csrf-invalid',
      /not this session's/,
    ],
    [
      'refused Basic',
      'GET',
      { Authorization: basic('admin') },
      { 'WWW-Authenticate': 'Basic realm="eZ Publish REST API"' },
      null,
      none,
      'basic-refused',
      /refused the Basic credentials of admin/,
    ],
    [
      'a Basic-only server, no Basic sent',
      'GET',
      { Cookie: `${SITE}=x` },
      { 'WWW-Authenticate': 'Basic realm="x"' },
      null,
      none,
      'basic-required',
      /wants HTTP Basic/,
    ],
    [
      'Basic sent to a session-only server',
      'GET',
      { Authorization: basic('admin') },
      {},
      denied,
      { ...none, basicIgnored: true },
      'basic-ignored',
      /Basic sent to a session-only server/,
    ],
    [
      'Basic user without the permission',
      'GET',
      { Authorization: basic('editor') },
      {},
      denied,
      none,
      'permission',
      /Permission denied for editor/,
    ],
    [
      'a cookie for another SiteAccess',
      'GET',
      { Cookie: `${SITE}=x`, 'X-Siteaccess': 'admin' },
      {},
      denied,
      none,
      'wrong-siteaccess',
      /another SiteAccess \(site, request for admin\)/,
    ],
    [
      'the admin cookie on admin, but gone',
      'GET',
      { Cookie: `${ADMIN}=x`, 'X-Siteaccess': 'admin' },
      {},
      denied,
      none,
      'session-gone',
      /not a live session/,
    ],
    [
      "the panel's live session lacks the permission",
      'GET',
      { Cookie: `${SITE}=x` },
      {},
      denied,
      { ...none, identity: editor, panelSessionName: SITE },
      'permission',
      /Permission denied for editor/,
    ],
    ['a stale cookie', 'GET', { Cookie: `${SITE}=x` }, {}, denied, none, 'session-gone', /expired or was logged out/],
    [
      'wrong login',
      'POST',
      {},
      {},
      err("The User does not have the '/api/ezp/v2/user/sessions' 'Invalid login or password' permission"),
      none,
      'login-failed',
      /Wrong login or password/,
    ],
    ['Ibexa: not logged in', 'GET', {}, {}, err('Not logged in.'), none, 'no-session', /No session/],
    [
      'JWT expired',
      'GET',
      { Authorization: 'Bearer a.b.c' },
      { 'WWW-Authenticate': 'Bearer' },
      { code: 401, message: 'Expired JWT Token' },
      none,
      'jwt',
      /Expired JWT Token/,
    ],
  ];
  it.each(rows)('%s', (_l, method, req, res, body, k, why, text) => {
    const pairs = (o: Record<string, string>) => Object.entries(o).map(([name, value]) => ({ name, value }));
    const x = explain401({ method, status: 401, responseHeaders: pairs(res), body, auth: authCarried(pairs(req)) }, k);
    expect(x?.why).toBe(why);
    expect(`${x?.title}: ${x?.detail}`).toMatch(text);
  });

  it('only explains 401s', () => {
    expect(
      explain401({ method: 'GET', status: 403, responseHeaders: [], body: denied, auth: authCarried([]) }, none),
    ).toBeNull();
  });
});
