import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, OUT } from '../../scripts/gen-har-validator';
import { makeEntry } from '../testing/entries';
import { readHarFile } from './har-file';
import { toHar } from './har-out';
import { validate } from './har-validator.generated.js';

const API = 'http://127.0.0.1:8080/api/ezp/v2';
const SESSION_ID = 'ddp6oq6ntfdflbmbdk9r91gqd1';
const CSRF = '5b7b1e7.Jos2FuozcIuguNMWo7Rg_-jJerDMLy4wh7tUQ';
const creator = { name: 'eZ REST DevTools', version: '0.1.0' };

const login = makeEntry({
  method: 'POST',
  url: `${API}/user/sessions`,
  status: 201,
  headers: { 'Content-Type': 'application/vnd.ez.api.SessionInput+json' },
  requestBody: {
    mimeType: 'application/vnd.ez.api.SessionInput+json',
    text: '{"SessionInput":{"login":"admin","password":"publish"}}',
  },
  responseHeaders: [
    { name: 'Content-Type', value: 'application/vnd.ez.api.Session+json' },
    { name: 'Set-Cookie', value: `eZSESSID98defd6ee70dfb1dea416cecdf391f58=${SESSION_ID}; path=/; httponly` },
  ],
});
const loginBody = JSON.stringify({
  Session: {
    name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
    identifier: SESSION_ID,
    csrfToken: CSRF,
    _href: `/api/ezp/v2/user/sessions/${SESSION_ID}`,
  },
});
const logout = makeEntry({
  method: 'DELETE',
  url: `${API}/user/sessions/${SESSION_ID}`,
  status: 204,
  startedAt: 1_000_500,
  headers: { Cookie: `eZSESSID98defd6ee70dfb1dea416cecdf391f58=${SESSION_ID}`, 'X-CSRF-Token': CSRF },
});
const replay = makeEntry({
  url: `${API}/user/users/14`,
  status: 401,
  startedAt: 1_000_900,
  source: 'replay',
  replayOf: { entryId: 'x', identity: 'anonymous', from: 'worker' },
});

describe('HAR out', () => {
  const redacted = toHar(
    [
      { entry: login, body: loginBody },
      { entry: logout, body: null },
      { entry: replay, body: '{}' },
    ],
    { secrets: false, creator },
  );

  it('validates against HAR 1.2', () => {
    expect(validate(redacted)).toBe(true);
    expect(validate.errors ?? null).toBeNull();
  });

  // Firefox's Network Monitor importer (devtools/client/netmonitor/src/har/har-importer.js) reads
  // these without checking that they exist: a file lacking one fails to import there. (Chrome's
  // import of a real export is tested end to end in e2e/har-chrome.spec.ts.)
  it('has what Firefox’s importer dereferences unguarded: log.pages, and each entry’s cache, timings, content', () => {
    expect(Array.isArray(redacted.log.pages)).toBe(true);
    for (const e of redacted.log.entries) {
      expect(typeof e.cache).toBe('object');
      expect(typeof e.timings.wait).toBe('number');
      expect(typeof e.timings.receive).toBe('number');
      expect(typeof e.response.content.size).toBe('number');
      expect(typeof e.response.content.mimeType).toBe('string');
      expect(Array.isArray(e.request.cookies) && Array.isArray(e.response.cookies)).toBe(true);
    }
  });

  it('holds no secret value when redacted, anywhere (the session id in a URL too)', () => {
    const text = JSON.stringify(redacted);
    for (const secret of [SESSION_ID, CSRF, 'publish']) expect(text).not.toContain(secret);
    expect(text).toContain('eZSESSID98defd6ee70dfb1dea416cecdf391f58=REDACTED');
  });

  it('with secrets ticked, keeps them', () => {
    const full = JSON.stringify(toHar([{ entry: logout, body: null }], { secrets: true, creator }));
    expect(full).toContain(SESSION_ID);
    expect(full).toContain(CSRF);
  });

  it('round trip: what is exported imports back as the same requests, replay marks included', () => {
    const back = readHarFile(
      JSON.stringify(redacted),
      (() => {
        let n = 0;
        return () => `i:${n++}`;
      })(),
    );
    if (typeof back === 'string') throw new Error(back);
    expect(back.invalid).toBeNull();
    expect(back.entries.map((e) => [e.method, e.status, e.view.resource])).toEqual([
      ['POST', 201, 'Session'],
      ['DELETE', 204, null],
      ['GET', 401, null],
    ]);
    expect(back.entries[0]?.body).toEqual({ where: 'inline', text: expect.stringContaining('"csrfToken":"REDACTED"') });
    expect(back.entries[2]?.replayOf?.identity).toBe('anonymous');
    expect(back.entries[1]?.view.badge.label).toBe('session (site)');
  });
});

describe('HAR files of other tools', () => {
  const chrome = {
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [
        {
          startedDateTime: '2026-12-01T10:00:00.000Z',
          id: 'page_1',
          title: 'http://127.0.0.1:8080/',
          pageTimings: { onContentLoad: 10, onLoad: 20 },
        },
      ],
      entries: [
        {
          _initiator: { type: 'script' },
          _priority: 'High',
          _resourceType: 'fetch',
          cache: {},
          connection: '1234',
          pageref: 'page_1',
          request: {
            method: 'GET',
            url: `${API}/user/users/14`,
            httpVersion: 'HTTP/1.1',
            headers: [{ name: 'Accept', value: 'application/vnd.ez.api.User+json' }],
            queryString: [],
            cookies: [],
            headersSize: 300,
            bodySize: 0,
          },
          response: {
            status: 200,
            statusText: 'OK',
            httpVersion: 'HTTP/1.1',
            headers: [{ name: 'Content-Type', value: 'application/vnd.ez.api.User+json' }],
            cookies: [],
            content: { size: 20, mimeType: 'application/vnd.ez.api.user+json', text: '{"User":{"_id":14}}' },
            redirectURL: '',
            headersSize: 200,
            bodySize: 20,
            _transferSize: 220,
            _error: null,
          },
          serverIPAddress: '[::1]',
          startedDateTime: '2026-12-01T10:00:00.123Z',
          time: 5.2,
          timings: {
            blocked: 1,
            dns: -1,
            ssl: -1,
            connect: -1,
            send: 0.1,
            wait: 3,
            receive: 0.5,
            _blocked_queueing: 0.5,
          },
        },
      ],
    },
  };
  const firefox = {
    log: {
      version: '1.2',
      creator: { name: 'Firefox', version: '128.0' },
      browser: { name: 'Firefox', version: '128.0' },
      pages: [],
      entries: [
        {
          startedDateTime: '2026-12-01T10:00:00.123+01:00',
          time: 4,
          request: {
            bodySize: 0,
            method: 'GET',
            url: `${API}/content/objects?remoteId=a b`,
            httpVersion: 'HTTP/1.1',
            headers: [],
            cookies: [],
            queryString: [{ name: 'remoteId', value: 'a b' }],
            headersSize: 120,
          },
          response: {
            status: 404,
            statusText: 'Not Found',
            httpVersion: 'HTTP/1.1',
            headers: [],
            cookies: [],
            content: {
              mimeType: 'application/vnd.ez.api.ErrorMessage+json',
              size: 30,
              text: 'eyJFcnJvck1lc3NhZ2UiOnt9fQ==',
              encoding: 'base64',
            },
            redirectURL: '',
            headersSize: 90,
            bodySize: 30,
          },
          cache: {},
          timings: { blocked: 0, dns: 0, connect: 0, ssl: 0, send: 0, wait: 4, receive: 0 },
          serverIPAddress: '127.0.0.1',
          connection: '8080',
        },
      ],
    },
  };
  const ids = () => {
    let n = 0;
    return () => `i:${n++}`;
  };

  it.each([
    ['Chrome (bracketed IPv6 serverIPAddress)', chrome],
    ['Firefox (a URL with a space, a base64 body)', firefox],
  ])('%s validates and imports', (_n, har) => {
    expect(validate(har)).toBe(true);
    const got = readHarFile(JSON.stringify(har), ids());
    if (typeof got === 'string') throw new Error(got);
    expect(got.invalid).toBeNull();
    expect(got.entries).toHaveLength(1);
  });

  it('the base64 body is decoded on import', () => {
    const got = readHarFile(JSON.stringify(firefox), ids());
    expect(typeof got !== 'string' && got.entries[0]?.body).toEqual({ where: 'inline', text: '{"ErrorMessage":{}}' });
  });

  it.each([
    ['not JSON', '{nope', /not JSON/],
    ['no entries', '{"log":{}}', /no log.entries/],
  ])('a file that is %s is refused in words', (_n, text, why) => {
    expect(readHarFile(text, ids())).toMatch(why);
  });

  it('an invalid file is read as far as it goes, and says what was wrong', () => {
    const broken = {
      log: {
        version: '1.2',
        creator,
        entries: [{ request: { url: `${API}/`, method: 'GET' }, response: { status: 200 } }, 42],
      },
    };
    const got = readHarFile(JSON.stringify(broken), ids());
    if (typeof got === 'string') throw new Error(got);
    expect(got.invalid).toMatch(/must have required property/);
    expect(got.entries).toHaveLength(1);
    expect(got.skipped.count).toBe(1);
  });
});

describe('the generated validator', () => {
  it('is what scripts/gen-har-validator.ts makes today (run npm run gen:har-validator)', () => {
    expect(readFileSync(OUT, 'utf8')).toBe(generate());
  });
  it('holds no runtime code generation (the panel CSP forbids it)', () => {
    const code = readFileSync(OUT, 'utf8');
    expect(code).not.toMatch(/new Function|eval\(|require\(/);
  });
});
