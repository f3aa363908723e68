/** The three auth profiles and JWT, row by row. */
import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthProfile } from '../auth/firewall';
import { API, basic, JSON_ACCEPT, login, pick, send, SITE_COOKIE, useServer, type LoggedIn } from './helpers';

const servers: Record<AuthProfile, { url: string }> = {
  session: useServer({ auth: 'session' }),
  basic: useServer({ auth: 'basic' }),
  hybrid: useServer({ auth: 'hybrid' }),
};

const CHALLENGE = 'Basic realm="eZ Publish REST API"';
const ADMIN = basic('admin', 'publish');

interface Row {
  name: string;
  profile: AuthProfile;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  status: number;
  challenge?: boolean;
  emptyBody?: boolean;
}

const rows: Row[] = [
  // session: the Authorization header is ignored
  { name: 'session: anonymous root', profile: 'session', path: '/', status: 200 },
  {
    name: 'session: Basic ignored, so user 14 is denied',
    profile: 'session',
    path: '/user/users/14',
    headers: { Authorization: ADMIN },
    status: 401,
  },
  {
    name: 'session: wrong Basic ignored too',
    profile: 'session',
    path: '/',
    headers: { Authorization: basic('admin', 'x') },
    status: 200,
  },
  {
    name: 'session: Bearer ignored',
    profile: 'session',
    path: '/user/users/14',
    headers: { Authorization: 'Bearer abc' },
    status: 401,
  },
  // basic: no anonymous access, plain challenge, never a cookie
  { name: 'basic: no credentials on root', profile: 'basic', path: '/', status: 401, challenge: true, emptyBody: true },
  {
    name: 'basic: wrong password',
    profile: 'basic',
    path: '/user/users/14',
    headers: { Authorization: basic('admin', 'x') },
    status: 401,
    challenge: true,
    emptyBody: true,
  },
  {
    name: 'basic: invalid base64',
    profile: 'basic',
    path: '/',
    headers: { Authorization: 'Basic !!!not-base64!!!' },
    status: 401,
    challenge: true,
    emptyBody: true,
  },
  {
    name: 'basic: missing colon',
    profile: 'basic',
    path: '/',
    headers: { Authorization: `Basic ${Buffer.from('adminpublish').toString('base64')}` },
    status: 401,
    challenge: true,
  },
  {
    name: 'basic: empty Basic',
    profile: 'basic',
    path: '/',
    headers: { Authorization: 'Basic ' },
    status: 401,
    challenge: true,
  },
  {
    name: 'basic: Bearer is not Basic',
    profile: 'basic',
    path: '/',
    headers: { Authorization: 'Bearer x' },
    status: 401,
    challenge: true,
  },
  { name: 'basic: valid', profile: 'basic', path: '/user/users/14', headers: { Authorization: ADMIN }, status: 200 },
  {
    name: 'basic: lower-case scheme',
    profile: 'basic',
    path: '/user/users/14',
    headers: { Authorization: ADMIN.replace('Basic', 'basic') },
    status: 200,
  },
  {
    name: 'basic: unsafe call needs no CSRF',
    profile: 'basic',
    method: 'DELETE',
    path: '/content/objects/999',
    headers: { Authorization: ADMIN, Cookie: `${SITE_COOKIE}=x` },
    status: 404,
  },
  {
    name: 'basic: session routes fail (no session authenticator)',
    profile: 'basic',
    method: 'POST',
    path: '/user/sessions',
    headers: { Authorization: ADMIN },
    status: 500,
  },
  { name: 'basic: unknown route is 404 before the firewall', profile: 'basic', path: '/nowhere', status: 404 },
  // hybrid: Basic header -> basic rules, otherwise session rules
  { name: 'hybrid: anonymous root', profile: 'hybrid', path: '/', status: 200 },
  {
    name: 'hybrid: anonymous user 14 denied with ErrorMessage',
    profile: 'hybrid',
    path: '/user/users/14',
    status: 401,
  },
  {
    name: 'hybrid: Basic admin',
    profile: 'hybrid',
    path: '/user/users/14',
    headers: { Authorization: ADMIN },
    status: 200,
  },
  {
    name: 'hybrid: wrong Basic is a plain challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Authorization: basic('admin', 'nope') },
    status: 401,
    challenge: true,
    emptyBody: true,
  },
  {
    name: 'hybrid: missing colon is a plain challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Authorization: 'Basic Zm9v' },
    status: 401,
    challenge: true,
  },
  {
    name: 'hybrid: invalid base64 is a plain challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Authorization: 'Basic !!!not-base64!!!' },
    status: 401,
    challenge: true,
  },
  {
    name: 'hybrid: base64 with a bad length is a plain challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Authorization: 'Basic YWRtaW46cHVibGlzaA' },
    status: 401,
    challenge: true,
  },
  {
    name: 'hybrid: empty Basic is a plain challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Authorization: 'Basic ' },
    status: 401,
    challenge: true,
  },
  {
    name: 'hybrid: wrong Basic in XML is still an empty challenge',
    profile: 'hybrid',
    path: '/',
    headers: { Accept: 'application/xml', Authorization: basic('editor', 'x') },
    status: 401,
    challenge: true,
  },
  {
    name: 'basic: a cookie does not matter, nor CSRF on POST',
    profile: 'basic',
    method: 'POST',
    path: '/content/objects',
    headers: {
      Authorization: ADMIN,
      Cookie: `${SITE_COOKIE}=x`,
      'Content-Type': 'application/vnd.ez.api.ContentCreate+json',
    },
    status: 400,
  },
  {
    name: 'hybrid: Basic DELETE with a stale cookie needs no CSRF',
    profile: 'hybrid',
    method: 'DELETE',
    path: '/content/objects/999',
    headers: { Authorization: ADMIN, Cookie: `${SITE_COOKIE}=x` },
    status: 404,
  },
  {
    name: 'hybrid: cookie-only DELETE with a stale cookie needs CSRF',
    profile: 'hybrid',
    method: 'DELETE',
    path: '/content/objects/999',
    headers: { Cookie: `${SITE_COOKIE}=x` },
    status: 401,
  },
  {
    name: 'hybrid: anonymous DELETE without cookie: permission, not CSRF',
    profile: 'hybrid',
    method: 'DELETE',
    path: '/content/objects/1',
    status: 401,
  },
  {
    name: 'hybrid: invalid Bearer',
    profile: 'hybrid',
    path: '/user/users/14',
    headers: { Authorization: 'Bearer a.b.c' },
    status: 401,
  },
];

let witness: LoggedIn;
beforeAll(async () => {
  witness = await login(servers.hybrid.url, 'admin', 'publish');
});

describe('auth profiles', () => {
  it.each(rows)('$name', async (row) => {
    const r = await send(servers[row.profile].url, {
      method: row.method ?? 'GET',
      path: API + row.path,
      headers: { Accept: JSON_ACCEPT, ...row.headers },
      body: row.method === 'POST' ? '{' : undefined,
    });
    expect(r.status).toBe(row.status);
    if (row.challenge) {
      // The firewall's entry point: no ErrorMessage, an empty body, never a cookie (BasicAuthenticationEntryPoint).
      expect(r.headers.get('www-authenticate')).toBe(CHALLENGE);
      expect(r.text).toBe('');
      expect(r.headers.get('content-length')).toBe('0');
      expect(r.cookies).toEqual([]);
    } else {
      expect(r.headers.get('www-authenticate') === CHALLENGE).toBe(false);
    }
    if (row.emptyBody) expect(r.text).toBe('');
    if (row.profile === 'basic' || row.headers?.Authorization?.startsWith('Basic')) expect(r.cookies).toEqual([]);
    // Whatever a row sent, a session on the hybrid server is untouched.
    const still = await send(servers.hybrid.url, {
      method: 'POST',
      path: `${API}/user/sessions/${witness.id}/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: witness.cookie, 'X-CSRF-Token': witness.token },
    });
    expect(still.status).toBe(200);
  });

  it('hybrid: a session and Basic work at once', async () => {
    const url = servers.hybrid.url;
    const s = await login(url, 'editor', 'publish');
    const viaCookie = await send(url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie },
    });
    const viaBasic = await send(url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Authorization: ADMIN },
    });
    expect([viaCookie.status, viaBasic.status]).toEqual([200, 200]);
  });

  it('session: login works with a Basic header present (ignored)', async () => {
    const s = await login(servers.session.url, 'admin', 'publish', { Authorization: basic('editor', 'wrong') });
    expect(s.status).toBe(201);
  });
});

describe('hybrid is the default profile', () => {
  const dflt = useServer();
  it.each([
    ['anonymous root', {}, 200],
    ['Basic admin reads user 14', { Authorization: ADMIN }, 200],
    ['wrong Basic gets the challenge', { Authorization: basic('admin', 'x') }, 401],
    ['anonymous user 14 is an ErrorMessage 401', {}, 401],
  ] as Array<[string, Record<string, string>, number]>)('%s', async (name, headers, status) => {
    const path = name === 'anonymous root' ? '/' : '/user/users/14';
    const r = await send(dflt.url, { path: API + path, headers: { Accept: JSON_ACCEPT, ...headers } });
    expect(r.status).toBe(status);
    const challenged = name.startsWith('wrong');
    expect(r.headers.get('www-authenticate')).toBe(challenged ? CHALLENGE : null);
    if (status === 401 && !challenged)
      expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+json');
  });
});

describe('JWT signature (HS256, checked with node:crypto)', () => {
  const secret = Buffer.from('a test key that is only for this test file');
  const t = Date.parse('2026-06-01T10:00:00Z');
  const srv = useServer({ auth: 'hybrid', jwtSecret: secret, now: () => t });
  it('header, payload and signature are what lexik writes', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/token/jwt`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': 'application/vnd.ez.api.JWTInput+json' },
      body: JSON.stringify({ JWTInput: { username: 'editor', password: 'publish' } }),
    });
    expect(r.status).toBe(200);
    expect(Object.keys(pick(r.json, 'JWT') as object)).toEqual(['_media-type', '_token']);
    const token = String(pick(r.json, 'JWT._token'));
    const [h = '', p = '', sig = ''] = token.split('.');
    expect(createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')).toBe(sig);
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'HS256' });
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    expect(payload).toEqual({ iat: t / 1000, exp: t / 1000 + 3600, roles: ['ROLE_USER'], username: 'editor' });
    // A token signed elsewhere with another key is refused.
    const forged = `${h}.${p}.${createHmac('sha256', 'other key').update(`${h}.${p}`).digest('base64url')}`;
    const bad = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${forged}` },
    });
    expect(bad.status).toBe(401);
    const good = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${token}` },
    });
    expect(good.status).toBe(200);
  });
});

describe('JWT', () => {
  const jwtReq = (
    username: string,
    password: string,
    fmt: 'json' | 'xml' = 'json',
    extra: Record<string, string> = {},
  ) => ({
    method: 'POST',
    path: `${API}/user/token/jwt`,
    headers: {
      Accept: `application/vnd.ez.api.JWT+${fmt}`,
      'Content-Type': `application/vnd.ez.api.JWTInput+${fmt}`,
      ...extra,
    },
    body:
      fmt === 'json'
        ? JSON.stringify({ JWTInput: { username, password } })
        : `<JWTInput><username>${username}</username><password>${password}</password></JWTInput>`,
  });

  it.each(['session', 'hybrid'] as const)('%s: issues an HS256 token', async (profile) => {
    const r = await send(servers[profile].url, jwtReq('admin', 'publish'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.JWT+json');
    const token = String(pick(r.json, 'JWT._token'));
    const [h, p] = token.split('.');
    expect(JSON.parse(Buffer.from(h ?? '', 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'HS256' });
    expect(JSON.parse(Buffer.from(p ?? '', 'base64url').toString())).toMatchObject({
      username: 'admin',
      roles: ['ROLE_USER'],
    });
  });

  it('basic: issues a token to a request that passed the Basic firewall', async () => {
    const r = await send(servers.basic.url, jwtReq('editor', 'publish', 'json', { Authorization: ADMIN }));
    expect(r.status).toBe(200);
    const none = await send(servers.basic.url, jwtReq('editor', 'publish'));
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe(CHALLENGE);
  });

  it('XML: the token is an attribute', async () => {
    const r = await send(servers.hybrid.url, jwtReq('admin', 'publish', 'xml'));
    expect(r.status).toBe(200);
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<JWT media-type="application\/vnd.ez.api.JWT\+xml" token="[\w-]+\.[\w-]+\.[\w-]+"\/>$/,
    );
  });

  it.each([
    [
      'bad credentials',
      JSON.stringify({ JWTInput: { username: 'admin', password: 'x' } }),
      401,
      `The User does not have the '${API}/user/token/jwt' 'Invalid login or password' permission`,
    ],
    [
      'missing username',
      JSON.stringify({ JWTInput: { password: 'x' } }),
      400,
      "Missing 'username' attribute for JWTInput.",
    ],
    [
      'missing password',
      JSON.stringify({ JWTInput: { username: 'admin' } }),
      400,
      "Missing 'password' attribute for JWTInput.",
    ],
  ])('%s', async (_n, b, status, description) => {
    const r = await send(servers.hybrid.url, { ...jwtReq('x', 'y'), body: b });
    expect(r.status).toBe(status);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(description);
  });

  it('hybrid: Bearer authenticates statelessly; session profile ignores it', async () => {
    const token = String(pick((await send(servers.hybrid.url, jwtReq('admin', 'publish'))).json, 'JWT._token'));
    const ok = await send(servers.hybrid.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.cookies).toEqual([]);
    const del = await send(servers.hybrid.url, {
      method: 'DELETE',
      path: `${API}/content/objects/999`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${token}` },
    });
    expect(del.status).toBe(404);
    const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA');
    const bad = await send(servers.hybrid.url, {
      path: `${API}/`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${tampered}` },
    });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual({ code: 401, message: 'Invalid JWT Token' });
  });

  it('the JWT route is not CSRF-exempt under a session', async () => {
    const s = await login(servers.hybrid.url, 'admin', 'publish');
    const r = await send(servers.hybrid.url, jwtReq('admin', 'publish', 'json', { Cookie: s.cookie }));
    expect(r.status).toBe(401);
    expect(String(pick(r.json, 'ErrorMessage.errorDescription'))).toContain('Missing or invalid CSRF token');
    const ok = await send(
      servers.hybrid.url,
      jwtReq('admin', 'publish', 'json', { Cookie: s.cookie, 'X-CSRF-Token': s.token }),
    );
    expect(ok.status).toBe(200);
  });
});

describe('expired JWT', () => {
  let t = Date.parse('2026-01-01T00:00:00Z');
  const srv = useServer({ auth: 'hybrid', now: () => t });
  it("is refused with lexik's text", async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/token/jwt`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': 'application/vnd.ez.api.JWTInput+json' },
      body: JSON.stringify({ JWTInput: { username: 'admin', password: 'publish' } }),
    });
    const token = String(pick(r.json, 'JWT._token'));
    t += 3601 * 1000;
    const late = await send(srv.url, {
      path: `${API}/`,
      headers: { Accept: JSON_ACCEPT, Authorization: `Bearer ${token}` },
    });
    expect(late.status).toBe(401);
    expect(late.json).toEqual({ code: 401, message: 'Expired JWT Token' });
  });
});
