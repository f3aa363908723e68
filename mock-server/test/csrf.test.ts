/**
 * CSRF exactly as ezplatform-rest's CsrfListener applies it, row by row. The probe is `DELETE /content/objects/999`: a request that
 * passes CSRF reaches the handler and gets its 404; one that fails gets the 401 ErrorMessage.
 *
 * "The request carries a session" means: it sends a cookie under the current SiteAccess's cookie
 * name, live or not. An unknown or expired cookie still starts a (new, empty) session with no
 * stored token, so an unsafe call with it is a 401 (inferred from the listener plus Symfony's strict
 * session ids: an unknown id starts a new, empty session without a token).
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_COOKIE,
  API,
  basic,
  JSON_ACCEPT,
  login,
  pick,
  raw,
  send,
  SITE_COOKIE,
  statusOf,
  useServer,
  type LoggedIn,
} from './helpers';
import { inFlavour, toFlavour } from './flavour';

const srv = useServer();
let live: LoggedIn;
let other: LoggedIn;
let loggedOut: LoggedIn;

beforeAll(async () => {
  live = await login(srv.url, 'admin', 'publish');
  other = await login(srv.url, 'editor', 'publish');
  loggedOut = await login(srv.url, 'editor', 'publish');
  const bye = await send(srv.url, {
    method: 'DELETE',
    path: `${API}/user/sessions/${loggedOut.id}`,
    headers: { Accept: JSON_ACCEPT, Cookie: loggedOut.cookie, 'X-CSRF-Token': loggedOut.token },
  });
  expect(bye.status).toBe(204);
});

const csrfText = (method: string, path: string): string =>
  `The User does not have the '${method} ${API}${path}' 'Missing or invalid CSRF token' permission`;

type CookieKind = 'none' | 'live' | 'unknown' | 'logged-out' | 'other SiteAccess';
type TokenKind = 'none' | 'valid' | 'wrong' | "another session's";

interface Row {
  name: string;
  cookie: CookieKind;
  token: TokenKind;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  /** the method the 401 description names (after X-HTTP-Method-Override) */
  csrfMethod?: string;
}

const PROBE = '/content/objects/999';
const CREATE = { 'Content-Type': 'application/vnd.ez.api.ContentCreate+json' };

const rows: Row[] = [
  { name: 'no cookie: not checked', cookie: 'none', token: 'none', status: 404 },
  { name: 'live session, no token', cookie: 'live', token: 'none', status: 401, csrfMethod: 'DELETE' },
  { name: 'live session, wrong token', cookie: 'live', token: 'wrong', status: 401, csrfMethod: 'DELETE' },
  {
    name: "live session, another session's token",
    cookie: 'live',
    token: "another session's",
    status: 401,
    csrfMethod: 'DELETE',
  },
  { name: 'live session, valid token', cookie: 'live', token: 'valid', status: 404 },
  {
    name: 'unknown cookie still starts a session: 401 (strict session ids)',
    cookie: 'unknown',
    token: 'none',
    status: 401,
    csrfMethod: 'DELETE',
  },
  {
    name: 'unknown cookie with a real token: no stored token, 401',
    cookie: 'unknown',
    token: "another session's",
    status: 401,
    csrfMethod: 'DELETE',
  },
  {
    name: 'logged-out session (token discarded): 401',
    cookie: 'logged-out',
    token: "another session's",
    status: 401,
    csrfMethod: 'DELETE',
  },
  { name: "another SiteAccess's cookie is no session here", cookie: 'other SiteAccess', token: 'none', status: 404 },
  { name: 'GET is safe', cookie: 'live', token: 'none', method: 'GET', path: '/content/objects/1', status: 200 },
  { name: 'HEAD is safe', cookie: 'live', token: 'none', method: 'HEAD', path: '/content/objects/1', status: 200 },
  { name: 'OPTIONS is safe', cookie: 'live', token: 'none', method: 'OPTIONS', status: 200 },
  {
    name: 'PATCH needs it',
    cookie: 'live',
    token: 'none',
    method: 'PATCH',
    path: '/user/users/50',
    status: 401,
    csrfMethod: 'PATCH',
  },
  {
    name: 'POST overridden to GET is safe',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    path: '/content/objects/1',
    headers: { 'X-HTTP-Method-Override': 'GET' },
    status: 200,
  },
  {
    name: 'POST overridden to DELETE: checked as DELETE',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    headers: { 'X-HTTP-Method-Override': 'DELETE' },
    status: 401,
    csrfMethod: 'DELETE',
  },
  {
    name: 'POST overridden to DELETE with the token',
    cookie: 'live',
    token: 'valid',
    method: 'POST',
    headers: { 'X-HTTP-Method-Override': 'delete' },
    status: 404,
  },
  {
    name: 'GET overridden to DELETE: override only counts on POST',
    cookie: 'live',
    token: 'none',
    method: 'GET',
    path: '/content/objects/1',
    headers: { 'X-HTTP-Method-Override': 'DELETE' },
    status: 200,
  },
  {
    name: 'before the body: malformed JSON without token is 401',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    path: '/content/objects',
    headers: CREATE,
    body: '{not json',
    status: 401,
    csrfMethod: 'POST',
  },
  {
    name: 'malformed JSON with the token is the parser 400',
    cookie: 'live',
    token: 'valid',
    method: 'POST',
    path: '/content/objects',
    headers: CREATE,
    body: '{not json',
    status: 400,
  },
  {
    name: 'before the body: malformed XML without token is 401',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    path: '/content/objects',
    headers: { 'Content-Type': 'application/vnd.ez.api.ContentCreate+xml' },
    body: '<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
    status: 401,
    csrfMethod: 'POST',
  },
  {
    name: 'before the body: no Content-Type without token is 401',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    path: '/content/objects',
    status: 401,
    csrfMethod: 'POST',
  },
  {
    name: 'hybrid Basic with a live cookie: stateless, no check',
    cookie: 'live',
    token: 'none',
    headers: { Authorization: basic('admin', 'publish') },
    status: 404,
  },
  {
    name: 'the JWT route is not exempt',
    cookie: 'live',
    token: 'none',
    method: 'POST',
    path: '/user/token/jwt',
    headers: { 'Content-Type': 'application/vnd.ez.api.JWTInput+json' },
    body: '{}',
    status: 401,
    csrfMethod: 'POST',
  },
];

function cookieFor(kind: CookieKind): string | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'live':
      return live.cookie;
    case 'unknown':
      return `${SITE_COOKIE}=unknown0000000000000000000`;
    case 'logged-out':
      return loggedOut.cookie;
    case 'other SiteAccess':
      return `${ADMIN_COOKIE}=${live.id}`;
  }
}

function tokenFor(kind: TokenKind): string | undefined {
  if (kind === 'none') return undefined;
  if (kind === 'valid') return live.token;
  if (kind === 'wrong') return `${live.token.slice(0, -4)}AAAA`;
  return other.token;
}

describe('CSRF (CsrfListener)', () => {
  it.each(rows)('$name -> $status', async (row) => {
    const headers: Record<string, string> = { Accept: JSON_ACCEPT, ...row.headers };
    const cookie = cookieFor(row.cookie);
    const token = tokenFor(row.token);
    if (cookie !== undefined) headers.Cookie = cookie;
    if (token !== undefined) headers['X-CSRF-Token'] = token;
    const path = row.path ?? PROBE;
    const r = await send(srv.url, { method: row.method ?? 'DELETE', path: API + path, headers, body: row.body });
    expect(r.status).toBe(row.status);
    if (row.csrfMethod !== undefined) {
      expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+json');
      expect(pick(r.json, 'ErrorMessage')).toEqual({
        '_media-type': 'application/vnd.ez.api.ErrorMessage+json',
        errorCode: 401,
        errorMessage: 'Unauthorized',
        errorDescription: csrfText(row.csrfMethod, path),
      });
      // The check refuses the request; it does not end the session.
      expect(r.cookies).toEqual([]);
    }
  });

  it('session routes check for themselves: a stale id is 404 before the missing token is 401', async () => {
    // Its own session: a mismatched refresh logs the real session out (refreshSessionAction's logout branch).
    const s = await login(srv.url, 'editor', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/not-mine/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie },
    });
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
  });

  it('the 401 in XML', async () => {
    const r = await send(srv.url, {
      method: 'DELETE',
      path: API + PROBE,
      headers: { Accept: 'application/vnd.ez.api.ErrorMessage+xml', Cookie: live.cookie },
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+xml');
    expect(r.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ErrorMessage media-type="application/vnd.ez.api.ErrorMessage+xml"><errorCode>401</errorCode>' +
        `<errorMessage>Unauthorized</errorMessage><errorDescription>${csrfText('DELETE', PROBE)}</errorDescription></ErrorMessage>`,
    );
  });

  it('the live session still works after all of the above', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${live.id}/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: live.cookie, 'X-CSRF-Token': live.token },
    });
    expect(r.status).toBe(200);
  });
});

describe('CSRF comes before the body size (CsrfListener runs at kernel.request)', () => {
  const TWO_MIB = 2 * 1024 * 1024;
  const head = (extra: string): string =>
    `POST ${API}/content/objects HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nContent-Type: application/vnd.ez.api.ContentCreate+json\r\n` +
    `Cookie: ${live.cookie}\r\nContent-Length: ${TWO_MIB}\r\n${extra}\r\n`;

  it('declared 2 MiB without the token: 401, not 413, and the connection closes', async () => {
    const out = await raw(srv.url, head('') + 'x'.repeat(64 * 1024));
    expect(statusOf(out)).toBe(401);
    expect(out).toContain('Missing or invalid CSRF token');
    expect(out).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('declared 2 MiB with the token: 413 ErrorMessage', async () => {
    const out = await raw(srv.url, head(`X-CSRF-Token: ${live.token}\r\n`));
    expect(statusOf(out)).toBe(413);
    expect(out).toContain('"errorCode":413');
  });

  it('POST overridden to PATCH, declared 2 MiB, no token: 401 naming PATCH', async () => {
    const out = await raw(
      srv.url,
      head('X-HTTP-Method-Override: PATCH\r\n').replace(`${API}/content/objects`, `${API}/user/users/50`),
    );
    expect(statusOf(out)).toBe(401);
    expect(out).toContain(`'PATCH \\/api\\/ezp\\/v2\\/user\\/users\\/50'`);
  });

  it('Expect: 100-continue without the token: the 401 comes instead of "100 Continue", and the connection closes', async () => {
    const out = await raw(srv.url, head('Expect: 100-continue\r\n'));
    expect(out.startsWith('HTTP/1.1 401 ')).toBe(true);
    expect(out).not.toContain('100 Continue');
    expect(out).toMatch(/\r\nConnection: close\r\n/i);
  });

  it('Expect: 100-continue with the token: "100 Continue", then the body is read and parsed', async () => {
    const body = '{not json';
    const { hostname, port } = new URL(srv.url);
    const out = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      let text = '';
      socket.on('data', (c: Buffer) => {
        text += c.toString('latin1');
        if (text.includes('100 Continue\r\n\r\n') && !text.includes('sent')) {
          text += '[sent]';
          socket.write(body);
        }
        if (/HTTP\/1\.1 [2-5]\d\d [\s\S]*\r\n\r\n\{.*\}\}$/.test(text)) socket.end();
      });
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
      socket.write(
        toFlavour(
          head(`X-CSRF-Token: ${live.token}\r\nExpect: 100-continue\r\n`).replace(
            `Content-Length: ${TWO_MIB}`,
            `Content-Length: ${body.length}`,
          ),
        ),
      );
    });
    expect(out.startsWith('HTTP/1.1 100 Continue\r\n')).toBe(true);
    expect(out).toContain('HTTP/1.1 400 Bad Request');
    expect(out).toContain('An error occured while decoding the JSON input');
  });

  it('chunked 2 MiB without the token: 401 before the body is read', async () => {
    const { hostname, port } = new URL(srv.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: toFlavour(`${API}/content/objects`),
          headers: inFlavour({ Accept: JSON_ACCEPT, ...CREATE, Cookie: live.cookie, 'Transfer-Encoding': 'chunked' }),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      // Only the first chunk: the answer must not wait for the rest.
      req.write(Buffer.alloc(64 * 1024, 0x20));
    });
    expect(status).toBe(401);
    const still = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Cookie: live.cookie },
    });
    expect(still.status).toBe(200);
  });
});
