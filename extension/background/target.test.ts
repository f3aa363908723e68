import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOrigin } from '../../shared/domain';
import type { MockServer } from '../../mock-server/server';
import { parseApiBase as parseBase } from '../../shared/api-base';
import { detectTarget, pageOrigin } from './target';
import { startMock } from './test-kit';

let mock: MockServer;
let basicOnly: MockServer;
beforeAll(async () => {
  [mock, basicOnly] = await Promise.all([startMock('hybrid'), startMock('basic')]);
});
afterAll(async () => {
  await Promise.all([mock.close(), basicOnly.close()]);
});

/** A fetch answering from a table of path -> [status, content type], for servers the mock is not. */
const tableFetch =
  (routes: Record<string, [number, string]>): typeof fetch =>
  async (input) => {
    const [status, type] = routes[new URL(String(input)).pathname] ?? [404, 'text/html'];
    return new Response(status === 200 ? '{}' : '', { status, headers: { 'Content-Type': type } });
  };

describe('detectTarget', () => {
  it('finds the eZ API of the mock server', async () => {
    const { target, kind } = await detectTarget(fetch, asOrigin(mock.url), null);
    expect(kind).toBe('found');
    expect(target).toEqual({
      origin: mock.url,
      prefix: '/api/ezp/v2',
      vendor: 'vnd.ez.api',
      siteAccess: null,
      source: 'detected',
    });
  });

  it('counts a Basic-only server (401 on the root) as found', async () => {
    const { target } = await detectTarget(fetch, asOrigin(basicOnly.url), 'site');
    expect(target).toMatchObject({ prefix: '/api/ezp/v2', source: 'detected', siteAccess: 'site' });
  });

  it('falls back to the Ibexa 4 prefix and recognises vnd.ibexa.api', async () => {
    const doFetch = tableFetch({ '/api/ibexa/v2/': [200, 'application/vnd.ibexa.api.Root+json'] });
    const { target } = await detectTarget(doFetch, asOrigin('http://ibexa.test'), null);
    expect(target).toMatchObject({ prefix: '/api/ibexa/v2', vendor: 'vnd.ibexa.api', source: 'detected' });
  });

  it('no API anywhere: the default target and a warning in words', async () => {
    const found = await detectTarget(tableFetch({}), asOrigin('http://plain.test'), null);
    expect(found.target).toMatchObject({ prefix: '/api/ezp/v2', source: 'default' });
    expect(found.kind).toBe('absent');
    expect('message' in found && found.message).toMatch(/No eZ REST API answered at http:\/\/plain.test/);
  });

  it.each([
    ['an HTML page', 'text/html; charset=UTF-8'],
    ['JSON that is not a Root', 'application/json'],
  ])('a site answering every path with %s (200) is not taken for the API', async (_l, type) => {
    const page = tableFetch({ '/api/ezp/v2/': [200, type], '/api/ibexa/v2/': [200, type] });
    const found = await detectTarget(page, asOrigin('http://catch-all.test'), null);
    expect(found.target).toMatchObject({ prefix: '/api/ezp/v2', source: 'default' });
    expect('message' in found && found.message).toMatch(/No eZ REST API answered at http:\/\/catch-all.test/);
  });

  it('a Root body labelled plain application/json is the API', async () => {
    const doFetch: typeof fetch = async () =>
      new Response('{"Root":{"_media-type":"application/vnd.ez.api.Root+json"}}', {
        headers: { 'Content-Type': 'application/json' },
      });
    const { target, kind } = await detectTarget(doFetch, asOrigin('http://proxied.test'), null);
    expect(kind).toBe('found');
    expect(target).toMatchObject({ prefix: '/api/ezp/v2', vendor: 'vnd.ez.api', source: 'detected' });
  });

  it('server down: the default target, unreachable, in words', async () => {
    const found = await detectTarget(fetch, asOrigin('http://127.0.0.1:9'), null);
    expect(found.target.source).toBe('default');
    expect(found).toMatchObject({
      kind: 'unreachable',
      message: 'Could not reach http://127.0.0.1:9: is the server running?',
    });
  });
});

describe('parseBase', () => {
  it.each([
    [
      'http://localhost:8080/api/ezp/v2',
      null,
      { origin: 'http://localhost:8080', prefix: '/api/ezp/v2', vendor: 'vnd.ez.api', siteAccess: null },
    ],
    [
      '  https://shop.test/api/ibexa/v2/ ',
      ' admin ',
      { origin: 'https://shop.test', prefix: '/api/ibexa/v2', vendor: 'vnd.ibexa.api', siteAccess: 'admin' },
    ],
    [
      'http://Example.TEST:80/custom/rest',
      '',
      { origin: 'http://example.test', prefix: '/custom/rest', siteAccess: null },
    ],
  ])('%j parses', (base, sa, expected) => {
    expect(parseBase(base, sa)).toMatchObject({ ...expected, source: 'user' });
  });

  it.each([
    ['not a url', /is not a URL/],
    ['ftp://x.test/api', /must start with http/],
    ['http://x.test/', /needs its path/],
  ])('%j is refused in words', (base, text) => {
    expect(parseBase(base, null)).toMatch(text);
  });
});

describe('pageOrigin', () => {
  it.each([
    ['http://127.0.0.1:8080/some/page?x', 'http://127.0.0.1:8080'],
    ['chrome://extensions', null],
    ['about:blank', null],
    ['', null],
    [undefined, null],
  ])('%s -> %s', (url, origin) => {
    expect(pageOrigin(url)).toBe(origin);
  });
});
