/**
 * The benchmark's requests must be the ones it claims to measure: every scenario answers 2xx
 * against a real mock, and the login -> refresh -> logout sequence carries its session per
 * connection (a broken cycle would be measured as fast 401/404s).
 */
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMockServer, type MockServer } from '../server';
import {
  LOGIN_HEADERS,
  LOGIN_PATH,
  anonymousRoot,
  loginBody,
  loginRefreshLogout,
  readSession,
  searchViews,
  sessionCookie,
  user14WithBasic,
  user14WithCookie,
} from './scenarios';

let server: MockServer;
beforeAll(async () => {
  server = await createMockServer({ port: 0 });
});
afterAll(async () => {
  await server.close();
});

const session = { name: 'eZSESSIDx', identifier: 'abc', _href: '/api/ezp/v2/user/sessions/abc', csrfToken: 't' };

describe('readSession', () => {
  it.each([
    [
      'a Session body',
      { Session: session },
      { name: 'eZSESSIDx', identifier: 'abc', href: '/api/ezp/v2/user/sessions/abc', csrfToken: 't' },
    ],
    ['an ErrorMessage', { ErrorMessage: { errorCode: 401 } }, null],
    ['a Session without csrfToken', { Session: { ...session, csrfToken: undefined } }, null],
    ['a numeric identifier', { Session: { ...session, identifier: 7 } }, null],
    ['null', null, null],
    ['a string', 'Session', null],
  ])('%s', (_label, body, expected) => {
    expect(readSession(body)).toEqual(expected);
  });

  it('builds the cookie a browser would send', () => {
    const s = readSession({ Session: session });
    expect(s && sessionCookie(s)).toBe('eZSESSIDx=abc');
  });
});

/** One request with a scenario's URL and headers, as autocannon would send it. */
async function once(options: autocannon.Options): Promise<number> {
  const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k, String(v)]));
  const res = await fetch(String(options.url), { headers });
  await res.arrayBuffer();
  return res.status;
}

describe('scenarios against the mock', () => {
  it('each GET scenario answers 200', async () => {
    const res = await fetch(server.url + LOGIN_PATH, {
      method: 'POST',
      headers: LOGIN_HEADERS,
      body: loginBody('admin', 'publish'),
    });
    const s = readSession(await res.json());
    expect(res.status).toBe(201);
    expect(s).not.toBeNull();
    expect(await once(anonymousRoot(server.url))).toBe(200);
    expect(await once(user14WithBasic(server.url))).toBe(200);
    expect(await once(user14WithCookie(server.url, s ? sessionCookie(s) : ''))).toBe(200);
  });

  it('the search scenario answers a View with the five articles', async () => {
    const o = searchViews(server.url);
    const headers = Object.fromEntries(Object.entries(o.headers ?? {}).map(([k, v]) => [k, String(v)]));
    const res = await fetch(String(o.url), { method: 'POST', headers, body: String(o.body) });
    expect(res.status).toBe(200);
    const view = (await res.json()) as { View: { Result: { count: number } } };
    expect(view.View.Result.count).toBe(5);
  });

  it('the login -> refresh -> logout cycle completes per connection', async () => {
    const r = await autocannon({ ...loginRefreshLogout(server.url), connections: 2, amount: 30 });
    expect(r.non2xx).toBe(0);
    expect(r.errors).toBe(0);
    expect(r.resets).toBe(0);
    const count = (status: `${number}`): number => Number(r.statusCodeStats?.[status]?.count ?? 0);
    expect([count('201'), count('200'), count('204')]).toEqual([10, 10, 10]);
  });
});
