/** Session create / refresh / delete (SessionController, the session cookie, the session state) in JSON and XML. */
import { describe, expect, it } from 'vitest';
import { ADMIN_COOKIE, API, JSON_ACCEPT, login, pick, send, SITE_COOKIE, useServer } from './helpers';
import { IS_IBEXA } from './flavour';

const srv = useServer();

const SESSION_JSON = {
  Accept: 'application/vnd.ez.api.Session+json',
  'Content-Type': 'application/vnd.ez.api.SessionInput+json',
};
const body = (login: string, password: string): string => JSON.stringify({ SessionInput: { login, password } });
const desc = (json: unknown): unknown => pick(json, 'ErrorMessage.errorDescription');

describe('create session', () => {
  it('201 with the Session body and the session cookie (JSON)', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: SESSION_JSON,
      body: body('admin', 'publish'),
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Session+json');
    expect(r.headers.get('location')).toBeNull();
    const s = pick(r.json, 'Session') as Record<string, unknown>;
    expect(Object.keys(s)).toEqual(['_media-type', '_href', 'name', 'identifier', 'csrfToken', 'User']);
    expect(s.name).toBe(SITE_COOKIE);
    expect(s.identifier).toMatch(/^[0-9a-v]{26}$/);
    expect(s._href).toBe(`${API}/user/sessions/${String(s.identifier)}`);
    expect(s.csrfToken).toMatch(/^[0-9a-f]{1,32}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{58}$/);
    expect(s.User).toEqual({ '_media-type': 'application/vnd.ez.api.User+json', _href: `${API}/user/users/14` });
    expect(r.cookies).toEqual([`${SITE_COOKIE}=${String(s.identifier)}; path=/; HttpOnly; SameSite=lax`]);
    expect(r.text).toContain('"_href":"\\/api\\/ezp\\/v2\\/user\\/sessions\\/');
  });

  it('201 in XML, with an XML body and exactly four children', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: {
        Accept: 'application/vnd.ez.api.Session+xml',
        'Content-Type': 'application/vnd.ez.api.SessionInput+xml',
      },
      body: '<?xml version="1.0" encoding="UTF-8"?><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Session+xml');
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Session media-type="application\/vnd.ez.api.Session\+xml" href="\/api\/ezp\/v2\/user\/sessions\/[0-9a-v]{26}"><name>eZSESSID98defd6ee70dfb1dea416cecdf391f58<\/name><identifier>[0-9a-v]{26}<\/identifier><csrfToken>[^<]+<\/csrfToken><User media-type="application\/vnd.ez.api.User\+xml" href="\/api\/ezp\/v2\/user\/users\/14"\/><\/Session>$/,
    );
  });

  it('the admin SiteAccess has its own cookie name', async () => {
    const s = await login(srv.url, 'editor', 'publish', { 'X-Siteaccess': 'admin' });
    expect(s.name).toBe(ADMIN_COOKIE);
    // The same value under the site cookie is another (unknown) session: refresh there is a 404.
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${s.id}/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: `${SITE_COOKIE}=${s.id}`, 'X-CSRF-Token': s.token },
    });
    expect(r.status).toBe(404);
  });

  it('200 for the same user again, same identifier, a new masking of a valid token', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: s.cookie, 'X-CSRF-Token': s.token },
      body: body('admin', 'not-checked'),
    });
    expect(r.status).toBe(200);
    expect(r.cookies).toEqual([]);
    expect(pick(r.json, 'Session.identifier')).toBe(s.id);
    const again = String(pick(r.json, 'Session.csrfToken'));
    expect(again).not.toBe(s.token);
    // Both maskings are valid.
    for (const token of [s.token, again]) {
      const ok = await send(srv.url, {
        method: 'POST',
        path: `${API}/user/sessions/${s.id}/refresh`,
        headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': token },
      });
      expect(ok.status).toBe(200);
    }
  });

  it('409 with an empty body when another user is logged in; the session stays', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: s.cookie, 'X-CSRF-Token': s.token },
      body: body('editor', 'publish'),
    });
    expect(r.status).toBe(409);
    expect(r.text).toBe('');
    expect(r.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    const still = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie },
    });
    expect(still.status).toBe(200);
  });

  it('re-login on a session holding a token: 3.3 needs the token (401), 4.6 no longer checks it (4.5+)', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: s.cookie },
      body: body('admin', 'publish'),
    });
    if (IS_IBEXA) {
      expect(r.status).toBe(200);
      expect(pick(r.json, 'Session.identifier')).toBe(s.id);
    } else {
      expect(r.status).toBe(401);
      expect(desc(r.json)).toBe(
        `The User does not have the 'POST ${API}/user/sessions' 'Missing or invalid CSRF token' permission`,
      );
    }
  });

  it('a wrong password logs the session out, without a clearing cookie', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: s.cookie, 'X-CSRF-Token': s.token },
      body: body('editor', 'wrong'),
    });
    expect(r.status).toBe(401);
    expect(r.cookies).toEqual([]);
    const after = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie },
    });
    expect(after.status).toBe(401);
    // The id stays known but empty: logging in again keeps it and needs no token (201, no cookie).
    const again = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: s.cookie },
      body: body('editor', 'publish'),
    });
    expect(again.status).toBe(201);
    expect(pick(again.json, 'Session.identifier')).toBe(s.id);
    expect(again.cookies).toEqual([]);
  });

  it('an unknown cookie gets a fresh id and a cookie', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { ...SESSION_JSON, Cookie: `${SITE_COOKIE}=stale0000000000000000000000` },
      body: body('admin', 'publish'),
    });
    expect(r.status).toBe(201);
    expect(pick(r.json, 'Session.identifier')).not.toBe('stale0000000000000000000000');
    expect(r.cookies).toHaveLength(1);
  });

  const invalid: Array<[string, Record<string, string>, string | Buffer, number, string | RegExp]> = [
    [
      'wrong password',
      SESSION_JSON,
      body('admin', 'nope'),
      401,
      `The User does not have the '${API}/user/sessions' 'Invalid login or password' permission`,
    ],
    ['unknown user', SESSION_JSON, body('nobody', 'publish'), 401, /'Invalid login or password'/],
    ['anonymous cannot log in', SESSION_JSON, body('anonymous', ''), 401, /'Invalid login or password'/],
    [
      'missing login',
      SESSION_JSON,
      JSON.stringify({ SessionInput: { password: 'x' } }),
      400,
      "Missing 'login' attribute for SessionInput.",
    ],
    [
      'missing password',
      SESSION_JSON,
      JSON.stringify({ SessionInput: { login: 'admin' } }),
      400,
      "Missing 'password' attribute for SessionInput.",
    ],
    // A Buffer body: fetch would add text/plain to a string.
    [
      'no Content-Type',
      { Accept: JSON_ACCEPT },
      Buffer.from(body('admin', 'publish')),
      400,
      'Missing Content-Type header in message.',
    ],
    [
      'unknown format',
      { ...SESSION_JSON, 'Content-Type': 'application/vnd.ez.api.SessionInput+yaml' },
      body('admin', 'publish'),
      400,
      "Unknown format specification: 'yaml'.",
    ],
    [
      'unknown media type',
      { ...SESSION_JSON, 'Content-Type': 'application/vnd.ez.api.Foo+json' },
      body('admin', 'publish'),
      400,
      // Ibexa 4.6 writes it in lower case (ibexa/rest src/contracts/Input/ParsingDispatcher.php)
      `${IS_IBEXA ? 'Unknown content type specification' : 'Unknown Content Type specification'}: 'application/vnd.ez.api.Foo (version: 1.0)'.`,
    ],
    [
      'malformed JSON',
      SESSION_JSON,
      '{"SessionInput":',
      400,
      /^An error occured while decoding the JSON input:\nSyntax error\nInput JSON:\n\n\{"SessionInput":$/,
    ],
    [
      'no + means XML',
      { ...SESSION_JSON, 'Content-Type': 'application/json' },
      body('admin', 'publish'),
      400,
      /^Detected errors in input XML:/,
    ],
    [
      'malformed XML',
      { ...SESSION_JSON, 'Content-Type': 'application/vnd.ez.api.SessionInput+xml' },
      '<SessionInput><login>admin</SessionInput>',
      400,
      /^Detected errors in input XML:/,
    ],
    [
      'root name is ignored',
      SESSION_JSON,
      JSON.stringify({ Whatever: { login: 'admin', password: 'publish' } }),
      201,
      '',
    ],
    [
      'password cast to string',
      SESSION_JSON,
      JSON.stringify({ SessionInput: { login: 'admin', password: 123 } }),
      401,
      /Invalid login/,
    ],
  ];
  it.each(invalid)('%s', async (_n, headers, b, status, expected) => {
    const r = await send(srv.url, { method: 'POST', path: `${API}/user/sessions`, headers, body: b });
    expect(r.status).toBe(status);
    if (status >= 400) {
      expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+json');
      if (typeof expected === 'string') expect(desc(r.json)).toBe(expected);
      else expect(String(desc(r.json))).toMatch(expected);
    }
  });
});

describe('refresh session', () => {
  it('200 echoing the sent token; _href is the delete URL; UserSession Accept gives JSON', async () => {
    const s = await login(srv.url, 'editor', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${s.id}/refresh`,
      headers: { Accept: 'application/vnd.ez.api.UserSession+json', Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Session+json');
    expect(pick(r.json, 'Session.csrfToken')).toBe(s.token);
    expect(pick(r.json, 'Session._href')).toBe(`${API}/user/sessions/${s.id}`);
    expect(pick(r.json, 'Session.User._href')).toBe(`${API}/user/users/50`);
    expect(r.headers.get('cache-control')).toBe('max-age=0, must-revalidate, private');
  });

  it('200 in XML, four children, the echoed token', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${s.id}/refresh`,
      headers: { Accept: 'application/vnd.ez.api.UserSession+xml', Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Session+xml');
    expect(r.cookies).toEqual([]);
    expect(r.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Session media-type="application/vnd.ez.api.Session+xml" href="${API}/user/sessions/${s.id}">` +
        `<name>${SITE_COOKIE}</name><identifier>${s.id}</identifier><csrfToken>${s.token}</csrfToken>` +
        `<User media-type="application/vnd.ez.api.User+xml" href="${API}/user/users/14"/></Session>`,
    );
  });

  it('401 without the token, and the session is kept', async () => {
    const s = await login(srv.url, 'editor', 'publish');
    const path = `${API}/user/sessions/${s.id}/refresh`;
    const r = await send(srv.url, { method: 'POST', path, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } });
    expect(r.status).toBe(401);
    expect(desc(r.json)).toBe(`The User does not have the 'POST ${path}' 'Missing or invalid CSRF token' permission`);
    const ok = await send(srv.url, {
      method: 'POST',
      path,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(ok.status).toBe(200);
  });

  it.each([
    ['no cookie', (s: { id: string; cookie: string }) => ({ path: s.id, cookie: undefined })],
    ['id mismatch', (s: { id: string; cookie: string }) => ({ path: 'abc', cookie: s.cookie })],
  ])('404 with an empty body and the clearing cookie: %s', async (_n, make) => {
    const s = await login(srv.url, 'editor', 'publish');
    const { path, cookie } = make(s);
    const headers: Record<string, string> = { Accept: JSON_ACCEPT, 'X-CSRF-Token': s.token };
    if (cookie) headers.Cookie = cookie;
    const r = await send(srv.url, { method: 'POST', path: `${API}/user/sessions/${path}/refresh`, headers });
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
    expect(r.cookies[0]).toMatch(
      new RegExp(
        `^${SITE_COOKIE}=deleted; expires=\\w{3}, \\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2} GMT; Max-Age=0; path=/; httponly$`,
      ),
    );
    if (cookie) {
      // A mismatched id logs the real session out too.
      const after = await send(srv.url, {
        method: 'POST',
        path: `${API}/user/sessions/${s.id}/refresh`,
        headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
      });
      expect(after.status).toBe(404);
    }
  });
});

describe('delete session', () => {
  it('401 without the token, 204 with it, then 404 (refresh and delete)', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const path = new URL(s.href, srv.url).pathname;
    const noToken = await send(srv.url, { method: 'DELETE', path, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } });
    expect(noToken.status).toBe(401);
    const ok = await send(srv.url, {
      method: 'DELETE',
      path,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(ok.status).toBe(204);
    expect(ok.text).toBe('');
    expect(ok.headers.get('content-type')).toBeNull();
    expect(ok.cookies[0]).toMatch(new RegExp(`^${SITE_COOKIE}=deleted; expires=.*; Max-Age=0; path=/; httponly$`));
    const again = await send(srv.url, {
      method: 'DELETE',
      path,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(again.status).toBe(404);
    expect(again.cookies[0]).toMatch(/=deleted;/);
    const refresh = await send(srv.url, {
      method: 'POST',
      path: `${path}/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(refresh.status).toBe(404);
    expect(refresh.cookies[0]).toMatch(/=deleted;/);
  });

  it.each([
    ['no cookie', (s: { id: string; cookie: string }) => ({ path: s.id, cookie: undefined })],
    ['id mismatch', (s: { id: string; cookie: string }) => ({ path: 'abc', cookie: s.cookie })],
    ['unknown cookie', (s: { id: string }) => ({ path: s.id, cookie: `${SITE_COOKIE}=unknown0000000000000000000` })],
  ])('404 with an empty body and the clearing cookie: %s', async (name, make) => {
    const s = await login(srv.url, 'editor', 'publish');
    const { path, cookie } = make(s);
    const headers: Record<string, string> = { Accept: JSON_ACCEPT, 'X-CSRF-Token': s.token };
    if (cookie) headers.Cookie = cookie;
    const r = await send(srv.url, { method: 'DELETE', path: `${API}/user/sessions/${path}`, headers });
    expect(r.status).toBe(404);
    expect(r.text).toBe('');
    expect(r.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(r.cookies).toHaveLength(1);
    expect(r.cookies[0]).toMatch(
      new RegExp(
        `^${SITE_COOKIE}=deleted; expires=\\w{3}, \\d{2}-\\w{3}-\\d{4} \\d{2}:\\d{2}:\\d{2} GMT; Max-Age=0; path=/; httponly$`,
      ),
    );
    // A mismatched id logs the real session out too; the other cases leave it alone.
    const after = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${s.id}/refresh`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(after.status).toBe(name === 'id mismatch' ? 404 : 200);
  });

  it('the admin SiteAccess clears its own cookie', async () => {
    const s = await login(srv.url, 'admin', 'publish', { 'X-Siteaccess': 'admin' });
    const r = await send(srv.url, {
      method: 'DELETE',
      path: `${API}/user/sessions/${s.id}`,
      headers: { Accept: JSON_ACCEPT, 'X-Siteaccess': 'admin', Cookie: s.cookie, 'X-CSRF-Token': s.token },
    });
    expect(r.status).toBe(204);
    expect(r.cookies[0]).toMatch(new RegExp(`^${ADMIN_COOKIE}=deleted; `));
  });

  it('X-HTTP-Method-Override: DELETE on POST is a delete', async () => {
    const s = await login(srv.url, 'admin', 'publish');
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions/${s.id}`,
      headers: { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token, 'X-HTTP-Method-Override': 'DELETE' },
    });
    expect(r.status).toBe(204);
  });
});
