/**
 * What only Ibexa DXP 4.6 does, against a server started in each flavour explicitly (no dialect
 * translation here): the current-session and current-user routes, the vendor rules, the cookie
 * name, and nothing answering under the other product's prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EZP3, IBEXA4 } from '../../shared/ez/flavours';
import { sessionCookieName } from '../../shared/ez/session-cookies';
import { createMockServer, type MockServer } from '../server';
import { pick, sendAsIs } from './helpers';

const IBX = IBEXA4.prefix;
const JSON_IBX = (name: string): string => `application/vnd.ibexa.api.${name}+json`;
let ibexa: MockServer;
let ezp: MockServer;
beforeAll(async () => {
  [ibexa, ezp] = await Promise.all([
    createMockServer({ port: 0, flavour: IBEXA4 }),
    createMockServer({ port: 0, flavour: EZP3 }),
  ]);
});
afterAll(async () => {
  await Promise.all([ibexa.close(), ezp.close()]);
});

async function ibexaLogin(): Promise<{ cookie: string; token: string; href: string; name: string }> {
  const r = await sendAsIs(ibexa.url, {
    method: 'POST',
    path: `${IBX}/user/sessions`,
    headers: { Accept: JSON_IBX('Session'), 'Content-Type': JSON_IBX('SessionInput') },
    body: JSON.stringify({ SessionInput: { login: 'admin', password: 'publish' } }),
  });
  const s = pick(r.json, 'Session') as Record<string, string>;
  return { cookie: `${s.name}=${s.identifier}`, token: s.csrfToken ?? '', href: s._href ?? '', name: s.name ?? '' };
}

describe('Ibexa 4.6 flavour', () => {
  it('the session cookie is IBX_SESSION_ID + md5(SiteAccess), links and types are Ibexa', async () => {
    const s = await ibexaLogin();
    expect(s.name).toBe(sessionCookieName(IBEXA4, 'site'));
    expect(s.href.startsWith(`${IBX}/user/sessions/`)).toBe(true);
    const root = await sendAsIs(ibexa.url, { path: `${IBX}/`, headers: { Accept: JSON_IBX('Root') } });
    expect(root.headers.get('content-type')).toBe(JSON_IBX('Root'));
    expect(root.text).not.toMatch(/vnd\.ez\.api|\\\/api\\\/ezp/);
    expect(pick(root.json, 'Root.refreshSession._href')).toBe(`${IBX}/user/sessions/{sessionId}/refresh`);
  });

  it('GET /user/sessions/current: 404 with the clearing cookie without a session; the Session with a fresh token with one', async () => {
    const none = await sendAsIs(ibexa.url, {
      path: `${IBX}/user/sessions/current`,
      headers: { Accept: JSON_IBX('Session') },
    });
    expect(none.status).toBe(404);
    expect(none.text).toBe('');
    expect(none.cookies[0]).toMatch(/^IBX_SESSION_ID[0-9a-f]{32}=deleted;/);
    const s = await ibexaLogin();
    const current = await sendAsIs(ibexa.url, {
      path: `${IBX}/user/sessions/current`,
      headers: { Accept: JSON_IBX('Session'), Cookie: s.cookie },
    });
    expect(current.status).toBe(200);
    expect(pick(current.json, 'Session.User._href')).toBe(`${IBX}/user/users/14`);
    const fresh = String(pick(current.json, 'Session.csrfToken'));
    expect(fresh).not.toBe(s.token);
    // the fresh token works for an unsafe call
    const del = await sendAsIs(ibexa.url, {
      method: 'DELETE',
      path: s.href,
      headers: { Accept: JSON_IBX('Session'), Cookie: s.cookie, 'X-CSRF-Token': fresh },
    });
    expect(del.status).toBe(204);
    const after = await sendAsIs(ibexa.url, {
      path: `${IBX}/user/sessions/current`,
      headers: { Accept: JSON_IBX('Session'), Cookie: s.cookie },
    });
    expect(after.status).toBe(200); // the id is still known (cleared, anonymous): Session::clear keeps it
    expect(pick(after.json, 'Session.User._href')).toBe(`${IBX}/user/users/10`);
  });

  it('GET /user/current: 307 to the user, 401 "Not logged in." when anonymous', async () => {
    const anonymous = await sendAsIs(ibexa.url, { path: `${IBX}/user/current`, headers: { Accept: JSON_IBX('User') } });
    expect(anonymous.status).toBe(401);
    expect(pick(anonymous.json, 'ErrorMessage.errorDescription')).toBe('Not logged in.');
    const s = await ibexaLogin();
    const r = await sendAsIs(ibexa.url, {
      path: `${IBX}/user/current`,
      headers: { Accept: JSON_IBX('User'), Cookie: s.cookie },
    });
    expect(r.status).toBe(307);
    expect(r.headers.get('location')).toBe(`${IBX}/user/users/14`);
  });

  it('a vnd.ez.api Accept is only the catch-all: XML', async () => {
    const r = await sendAsIs(ibexa.url, { path: `${IBX}/`, headers: { Accept: 'application/vnd.ez.api.Root+json' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ibexa.api.Root+xml');
  });

  it('a vnd.ez.api Content-Type is a 400 in the 4.6 wording', async () => {
    const r = await sendAsIs(ibexa.url, {
      method: 'POST',
      path: `${IBX}/user/sessions`,
      headers: { Accept: JSON_IBX('Session'), 'Content-Type': 'application/vnd.ez.api.SessionInput+json' },
      body: JSON.stringify({ SessionInput: { login: 'admin', password: 'publish' } }),
    });
    expect(r.status).toBe(400);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(
      "Unknown content type specification: 'application/vnd.ez.api.SessionInput (version: 1.0)'.",
    );
    expect(r.cookies).toEqual([]);
  });

  it('nothing answers under /api/ezp/v2, as on a real 4.6', async () => {
    for (const path of ['/', '/user/sessions', '/user/users/14']) {
      const r = await sendAsIs(ibexa.url, { path: `${EZP3.prefix}${path}`, headers: { Accept: 'application/json' } });
      expect(r.status, path).toBe(404);
      expect(pick(r.json, 'ErrorMessage.errorCode')).toBe(404);
    }
  });
});

describe('eZ Platform 3.3 flavour has none of it', () => {
  it('no /user/current (404), and /user/sessions/current only matches the DELETE route (405)', async () => {
    const current = await sendAsIs(ezp.url, {
      path: `${EZP3.prefix}/user/current`,
      headers: { Accept: 'application/json' },
    });
    expect(current.status).toBe(404);
    const session = await sendAsIs(ezp.url, {
      path: `${EZP3.prefix}/user/sessions/current`,
      headers: { Accept: 'application/json' },
    });
    expect(session.status).toBe(405);
    expect((await sendAsIs(ezp.url, { path: `${IBX}/`, headers: { Accept: 'application/json' } })).status).toBe(404);
  });
});
