/** Idle expiry (`sessionTtl`): an expired session behaves exactly like an unknown one. */
import { describe, expect, it } from 'vitest';
import { API, JSON_ACCEPT, login, send, useServer } from './helpers';

let now = Date.parse('2026-03-01T12:00:00Z');
const srv = useServer({ sessionTtl: 60, now: () => now });

describe('session TTL', () => {
  it('use within the TTL keeps the session alive; idle past it ends it', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const refresh = () =>
      send(srv.url, {
        method: 'POST',
        path: `${API}/user/sessions/${s.id}/refresh`,
        headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
      });
    now += 50_000;
    expect((await refresh()).status).toBe(200);
    now += 50_000; // 100 s since login but only 50 s idle
    expect(
      (await send(srv.url, { path: `${API}/user/users/14`, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } }))
        .status,
    ).toBe(200);
    now += 61_000;
    const expired = await refresh();
    expect(expired.status).toBe(404);
    expect(expired.cookies[0]).toMatch(/=deleted;/);
  });

  it.each([
    ['GET user 14 is anonymous', 'GET', '/user/users/14', 401, false],
    ['unsafe call needs CSRF (stale cookie still starts a session)', 'DELETE', '/content/objects/1', 401, true],
    ['delete session is a 404', 'DELETE', '/user/sessions/ID', 404, false],
  ] as Array<[string, string, string, number, boolean]>)('expired: %s', async (_n, method, path, status, csrf) => {
    const s = await login(srv.url, 'admin', 'publish');
    now += 61_000;
    const r = await send(srv.url, {
      method,
      path: API + path.replace('ID', s.id),
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(r.status).toBe(status);
    if (csrf) expect(r.text).toContain('Missing or invalid CSRF token');
  });

  it('logging in again with the expired cookie gives a new id and cookie (201)', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    now += 61_000;
    const again = await login(srv.url, 'admin', 'publish', { Cookie: s.cookie });
    expect(again.status).toBe(201);
    expect(again.id).not.toBe(s.id);
  });
});

describe('default TTL is 1440 s (PHP session.gc_maxlifetime)', () => {
  let t = Date.parse('2026-03-01T12:00:00Z');
  const dflt = useServer({ now: () => t });
  it('alive after 1439 s idle, gone after 1441 s idle', async () => {
    const s = await login(dflt.url, 'admin', 'publish');
    const user14 = () =>
      send(dflt.url, { path: `${API}/user/users/14`, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } });
    t += 1439_000;
    expect((await user14()).status).toBe(200);
    t += 1441_000;
    expect((await user14()).status).toBe(401);
  });
});
