// @vitest-environment happy-dom
/**
 * The demo page's plain-JS helpers. The storage format matters beyond the page: the extension
 * reads `ezpRestClient.*` from localStorage as JSON-encoded strings, exactly as
 * ez-js-rest-client writes them (its `src/storages/LocalStorage.js`). Not served: the static server only serves
 * known web file types, and `.ts` is not one.
 */
import { beforeEach, describe, expect, it } from 'vitest';

interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  contentType: string;
  text: string;
  doc: unknown;
  error: string | null;
  ms: number;
}
interface ApiModule {
  sessionStore: {
    keys: Record<'name' | 'identifier' | 'href' | 'csrfToken', string>;
    read(): Record<'name' | 'identifier' | 'href' | 'csrfToken', string | null>;
    save(session: Record<string, unknown>): void;
    clear(): void;
  };
  base64Utf8(text: string): string;
  errorText(doc: unknown): string | null;
}
interface LogModule {
  createLog(list: HTMLElement): { add(exchange: Exchange): void; clear(): void };
  statusClass(status: number): 'ok' | 'err';
}

// The page's modules are plain JS without type declarations: load them by a non-literal path
// and give them the shape they are used with here.
const load = async <T>(file: string): Promise<T> => (await import(/* @vite-ignore */ file)) as T;
const api = await load<ApiModule>('./api.js');
const logModule = await load<LogModule>('./log.js');

beforeEach(() => {
  window.localStorage.clear();
});

describe('sessionStore', () => {
  it('stores a Session body under the ez-js-rest-client keys, JSON-encoded', () => {
    api.sessionStore.save({
      name: 'eZSESSID98',
      identifier: 'abc123',
      _href: '/api/ezp/v2/user/sessions/abc123',
      csrfToken: 'tok',
      User: {},
    });
    expect(window.localStorage.getItem('ezpRestClient.sessionName')).toBe('"eZSESSID98"');
    expect(window.localStorage.getItem('ezpRestClient.sessionId')).toBe('"abc123"');
    expect(window.localStorage.getItem('ezpRestClient.sessionHref')).toBe('"/api/ezp/v2/user/sessions/abc123"');
    expect(window.localStorage.getItem('ezpRestClient.csrfToken')).toBe('"tok"');
    expect(api.sessionStore.read()).toEqual({
      name: 'eZSESSID98',
      identifier: 'abc123',
      href: '/api/ezp/v2/user/sessions/abc123',
      csrfToken: 'tok',
    });
  });

  it('reads what another client stored, and ignores values that are not JSON strings', () => {
    window.localStorage.setItem('ezpRestClient.sessionId', '"fromJsClient"');
    window.localStorage.setItem('ezpRestClient.sessionHref', 'not json');
    window.localStorage.setItem('ezpRestClient.csrfToken', '42');
    expect(api.sessionStore.read()).toEqual({ name: null, identifier: 'fromJsClient', href: null, csrfToken: null });
  });

  it('clear removes the four keys and nothing else', () => {
    api.sessionStore.save({ name: 'n', identifier: 'i', _href: 'h', csrfToken: 't' });
    window.localStorage.setItem('other', 'kept');
    api.sessionStore.clear();
    expect(Object.keys(window.localStorage)).toEqual(['other']);
  });
});

describe('base64Utf8', () => {
  it.each(['admin:publish', 'ädmin:pässwörd€', 'user:pa:ss', '用户:密码'])('%s encodes as UTF-8 bytes', (text) => {
    expect(api.base64Utf8(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });
});

describe('errorText', () => {
  it.each([
    [
      {
        ErrorMessage: {
          errorCode: 401,
          errorMessage: 'Unauthorized',
          errorDescription: 'Missing or invalid CSRF token',
        },
      },
      '401 Unauthorized: Missing or invalid CSRF token',
    ],
    [{ Session: {} }, null],
    [null, null],
    ['text', null],
  ])('%j -> %s', (doc, expected) => {
    expect(api.errorText(doc)).toBe(expected);
  });
});

const exchange = (i: number, status = 200): Exchange => ({
  method: 'GET',
  url: `/api/ezp/v2/content/objects/${i}`,
  requestHeaders: { Accept: 'application/vnd.ez.api.Content+json' },
  status,
  statusText: '',
  contentType: 'application/vnd.ez.api.Content+json',
  text: '{"a":1}',
  doc: { a: i },
  error: null,
  ms: 1,
});

describe('response log', () => {
  it('keeps the newest 50, newest first, only the newest opened', () => {
    const list = document.createElement('ol');
    const log = logModule.createLog(list);
    for (let i = 1; i <= 60; i++) log.add(exchange(i));
    const entries = [...list.querySelectorAll('[data-testid="demo-log-entry"]')];
    expect(entries).toHaveLength(50);
    expect(entries[0]?.querySelector('.url')?.textContent).toBe('/api/ezp/v2/content/objects/60');
    expect(entries[49]?.querySelector('.url')?.textContent).toBe('/api/ezp/v2/content/objects/11');
    expect(list.querySelectorAll('details[open]')).toHaveLength(1);
    expect(entries[0]?.querySelector('pre.body')?.textContent).toBe(JSON.stringify({ a: 60 }, null, 2));
    log.clear();
    expect(list.children).toHaveLength(0);
  });

  it('shows server text as text, never as markup', () => {
    const list = document.createElement('ol');
    logModule
      .createLog(list)
      .add({ ...exchange(1, 500), doc: null, text: '<img src=x onerror=alert(1)>', contentType: 'text/html' });
    expect(list.querySelector('img')).toBeNull();
    expect(list.querySelector('pre.body')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it.each([
    [200, 'ok'],
    [204, 'ok'],
    [307, 'ok'],
    [401, 'err'],
    [500, 'err'],
    [0, 'err'],
  ])('status %i is %s', (status, cls) => {
    expect(logModule.statusClass(status)).toBe(cls);
  });
});

interface ExploreModule {
  viewInput(text: string, type: string, limit?: number): { ViewInput: { ContentQuery: Record<string, unknown> } };
  bulkRead(i: number): [string, string];
}
interface SessionModule {
  loginRefusal(ex: { status: number; doc: unknown }): string | null;
}
const explore = await load<ExploreModule>('./explore.js');
const sessionModule = await load<SessionModule>('./session.js');

describe('the search box and the bulk control', () => {
  it('builds a ViewInput 1.1 the mock reads: full text and a type, newest first', () => {
    expect(explore.viewInput(' REST ', 'article').ViewInput.ContentQuery).toEqual({
      Filter: { FullTextCriterion: 'REST', ContentTypeIdentifierCriterion: 'article' },
      limit: 10,
      offset: 0,
      SortClauses: { DatePublished: 'descending' },
    });
    expect(explore.viewInput('', '').ViewInput.ContentQuery.Filter).toEqual({});
  });

  it('cycles through the same reads whoever runs it', () => {
    expect(explore.bulkRead(0)).toEqual(['/', 'Root']);
    expect(explore.bulkRead(8)).toEqual(explore.bulkRead(0));
    expect(new Set(Array.from({ length: 8 }, (_v, i) => explore.bulkRead(i)[0])).size).toBe(8);
  });
});

describe('a login refused because a session exists is explained', () => {
  it.each([
    [409, null, /another user \(409 Conflict\).*log out/],
    [
      401,
      {
        ErrorMessage: {
          errorDescription: "The User does not have the 'POST /x' 'Missing or invalid CSRF token' permission",
        },
      },
      /already holds a logged-in session.*401 CSRF/,
    ],
  ])('%i', (status, doc, text) => {
    expect(sessionModule.loginRefusal({ status, doc })).toMatch(text);
  });
  it('other failures are not explained away', () => {
    const wrong = {
      ErrorMessage: { errorDescription: "The User does not have the '/x' 'Invalid login or password' permission" },
    };
    expect(sessionModule.loginRefusal({ status: 401, doc: wrong })).toBeNull();
  });
});
