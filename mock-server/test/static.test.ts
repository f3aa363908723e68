/** The demo page folder: `/` is index.html, files by name, no traversal, plain 404s. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { API, login, raw, send, SITE_COOKIE, statusOf, useServer } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'mock-public-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>demo</title>');
writeFileSync(join(dir, 'demo.js'), 'console.log(1);');
writeFileSync(join(dir, 'demo.css'), 'body{}');
writeFileSync(join(dir, '.secret'), 'no');
mkdirSync(join(dir, 'img'));
writeFileSync(join(dir, 'img', 'x.svg'), '<svg/>');
const srv = useServer({ publicDir: dir });
const empty = useServer({ publicDir: mkdtempSync(join(tmpdir(), 'mock-empty-')) });

describe('static files', () => {
  it.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/index.html', 200, 'text/html; charset=utf-8'],
    ['/demo.js', 200, 'text/javascript; charset=utf-8'],
    ['/demo.css', 200, 'text/css; charset=utf-8'],
    ['/img/x.svg', 200, 'image/svg+xml'],
    ['/missing.js', 404, 'text/plain; charset=utf-8'],
    ['/.secret', 404, 'text/plain; charset=utf-8'],
    ['/%2e%2e/%2e%2e/etc/passwd', 404, 'text/plain; charset=utf-8'],
    ['/..%2f..%2fetc%2fpasswd', 404, 'text/plain; charset=utf-8'],
    ['/%E0%A4%A', 404, 'text/plain; charset=utf-8'],
    ['/demo.js%00.html', 404, 'text/plain; charset=utf-8'],
    ['/img', 404, 'text/plain; charset=utf-8'],
    ['/api/ezp/v2', 404, 'text/plain; charset=utf-8'],
  ] as Array<[string, number, string]>)('GET %s -> %i', async (path, status, type) => {
    const r = await send(srv.url, { path });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe(type);
  });

  it('raw traversal attempts never leave the folder', async () => {
    for (const target of ['/../../../../etc/passwd', '/..\\..\\etc\\passwd', '/img/../../etc/passwd']) {
      const out = await raw(srv.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(statusOf(out)).toBe(404);
      expect(out).not.toContain('root:');
    }
  });

  it('POST to a page is 405', async () => {
    const r = await send(srv.url, { method: 'POST', path: '/', body: 'x' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET, HEAD');
  });

  it('a missing index.html is a plain 404, not a crash', async () => {
    const r = await send(empty.url, { path: '/' });
    expect(r.status).toBe(404);
    expect((await send(empty.url, { path: '/api/ezp/v2/', headers: { Accept: 'application/json' } })).status).toBe(200);
  });
});

describe('the demo page learns the flavour, and its whoami helper', () => {
  const real = useServer();
  it('index.html carries the prefix and vendor of the server', async () => {
    const r = await send(real.url, { path: '/' });
    expect(r.text).toContain(`data-api-prefix="${API}"`);
    expect(r.text).toContain('data-api-vendor="vnd.ez.api"');
    expect(r.text).not.toContain('{{');
  });

  it('/_demo/whoami answers from the cookie the browser sent', async () => {
    const none = await send(srv.url, { path: '/_demo/whoami' });
    expect(none.json).toEqual({ siteAccess: 'site', session: 'none', user: null });
    const s = await login(srv.url, 'editor', 'publish');
    const me = await send(srv.url, { path: '/_demo/whoami', headers: { Cookie: s.cookie } });
    expect(me.json).toEqual({
      siteAccess: 'site',
      session: 'live',
      user: { id: 50, login: 'editor', name: 'Eddie Editor' },
    });
    const stale = await send(srv.url, { path: '/_demo/whoami', headers: { Cookie: `${SITE_COOKIE}=nope` } });
    expect(stale.json).toMatchObject({ session: 'unknown', user: null });
  });
});
