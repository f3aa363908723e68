import { describe, expect, it } from 'vitest';
import { REDACTED, SecretSet, redactBody, redactRequest } from './redact';
import { SNIPPET_FORMATS, snippet } from './snippets';

const SESSION_ID = 'ddp6oq6ntfdflbmbdk9r91gqd1';
const CSRF = '5b7b1e7.Jos2FuozcIuguNMWo7Rg_-jJerDMLy4wh7tUQ';
const PASSWORD = 'publish';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxNCJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const BASIC = `Basic ${btoa(`admin:${PASSWORD}`)}`;

const cases = [
  {
    name: 'a logout: cookie, token, and the session id in the URL',
    req: {
      method: 'DELETE',
      url: `http://127.0.0.1:8080/api/ezp/v2/user/sessions/${SESSION_ID}`,
      headers: [
        { name: 'Cookie', value: `eZSESSID98defd6ee70dfb1dea416cecdf391f58=${SESSION_ID}; other=keepme123` },
        { name: 'X-CSRF-Token', value: CSRF },
      ],
      body: null,
    },
    secrets: [SESSION_ID, CSRF, 'keepme123'],
  },
  {
    name: 'a login: the password in SessionInput (JSON)',
    req: {
      method: 'POST',
      url: 'http://127.0.0.1:8080/api/ezp/v2/user/sessions',
      headers: [{ name: 'Content-Type', value: 'application/vnd.ez.api.SessionInput+json' }],
      body: JSON.stringify({ SessionInput: { login: 'admin', password: PASSWORD } }),
    },
    secrets: [PASSWORD],
  },
  {
    name: 'a login in XML, and JWTInput',
    req: {
      method: 'POST',
      url: 'http://127.0.0.1:8080/api/ezp/v2/user/token/jwt',
      headers: [],
      body: `<JWTInput><username>admin</username><password>${PASSWORD}</password></JWTInput>`,
    },
    secrets: [PASSWORD],
  },
  {
    name: 'Basic (the password inside the base64 too) and a Bearer JWT in a query',
    req: {
      method: 'GET',
      url: `http://127.0.0.1:8080/api/ezp/v2/?jwt=${JWT}&p=${PASSWORD}`,
      headers: [
        { name: 'Authorization', value: BASIC },
        { name: 'X-Forwarded', value: `Bearer ${JWT}` },
      ],
      body: null,
    },
    secrets: [BASIC.slice(6), PASSWORD, JWT],
  },
];

describe('redaction: no secret value survives in any copy', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = redactRequest(c.req);
      const outputs = [JSON.stringify(r), ...SNIPPET_FORMATS.map((f) => snippet(f, r))];
      for (const out of outputs) for (const secret of c.secrets) expect(out).not.toContain(secret);
      expect(JSON.stringify(r)).toContain(REDACTED);
    });
  }

  it('keeps what is not secret: names, the scheme, the login, ordinary text', () => {
    const r = redactRequest(cases[3]!.req);
    expect(r.headers[0]).toEqual({ name: 'Authorization', value: `Basic ${REDACTED}` });
    const s = redactRequest(cases[1]!.req);
    expect(JSON.parse(s.body ?? '')).toEqual({ SessionInput: { login: 'admin', password: REDACTED } });
    const logout = redactRequest(cases[0]!.req);
    expect(logout.headers[0]?.value).toBe(`eZSESSID98defd6ee70dfb1dea416cecdf391f58=${REDACTED}; other=${REDACTED}`);
    expect(logout.url).toBe(`http://127.0.0.1:8080/api/ezp/v2/user/sessions/${REDACTED}`);
  });

  it('a Session answer: csrfToken and identifier, then found wherever else they appear', () => {
    const found = new SecretSet();
    const body = redactBody(
      JSON.stringify({
        Session: {
          name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
          identifier: SESSION_ID,
          csrfToken: CSRF,
          _href: `/api/ezp/v2/user/sessions/${SESSION_ID}`,
        },
      }),
      found,
    );
    const out = found.scrub(body);
    expect(out).not.toContain(SESSION_ID);
    expect(out).not.toContain(CSRF);
    expect(out).toContain('eZSESSID98defd6ee70dfb1dea416cecdf391f58');
  });

  it('an untouched body keeps its bytes; a short secret is redacted in place only', () => {
    const found = new SecretSet();
    const text = '{ "a": 1,\n  "b": "x" }';
    expect(redactBody(text, found)).toBe(text);
    const short = redactRequest({ method: 'POST', url: 'http://h/a?q=pw', headers: [], body: '{"password":"pw"}' });
    expect(short.body).toBe(`{"password":"${REDACTED}"}`);
    expect(short.url).toBe('http://h/a?q=pw');
  });
});
