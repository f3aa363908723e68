/**
 * The worker as the panel sees it: protocol messages through the router into the handlers, with
 * fake browser APIs and the real mock server. Covers the real-world cases: worker restart, tab
 * navigating away, tab closed, server down, the page logging in by itself.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asTabId } from '../../shared/domain';
import type { AuthState } from '../../shared/domain';
import type { MockServer } from '../../mock-server/server';
import { makeCtx, pageLogin, startMock, value, workerFor } from './test-kit';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock('hybrid');
});
afterAll(() => mock.close());

const TAB = asTabId(7);

const worker = workerFor;

describe('background handlers', () => {
  it('state.get for a tab that does not exist: no-tab', async () => {
    const { ask } = worker(makeCtx());
    const r = await ask('state.get', { tabId: TAB });
    expect(r).toEqual({ ok: false, error: { code: 'no-tab', message: 'The inspected tab is closed.' } });
  });

  it('state.get detects the target, then log in, survive a worker restart, log out', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const w1 = worker(ctx);
    const s0 = value(await w1.ask('state.get', { tabId: TAB }));
    expect(s0).toMatchObject({
      target: { origin: mock.url, prefix: '/api/ezp/v2', source: 'detected' },
      hostPermission: 'granted',
      identity: { kind: 'anonymous' },
      busy: false,
    });

    const bad = await w1.ask('session.login', { tabId: TAB, login: 'admin', password: 'nope', siteAccess: null });
    expect(bad).toMatchObject({ ok: false, error: { code: 'http', status: 401, message: 'Wrong login or password.' } });

    const s1 = value(
      await w1.ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }),
    );
    expect(s1.panelSession?.userHref).toBe('/api/ezp/v2/user/users/14');
    expect(s1.identity).toMatchObject({ kind: 'user', via: 'panel-session', user: { login: 'admin' } });
    expect(ctx.notified).toContain(TAB);

    // MV3 stops the worker: a new one over the same storage.session knows everything
    const w2 = worker(ctx);
    const s2 = value(await w2.ask('state.get', { tabId: TAB }));
    expect(s2.panelSession).toEqual(s1.panelSession);
    expect(s2.identity?.user?.login).toBe('admin');

    const s3 = value(await w2.ask('session.logout', { tabId: TAB }));
    expect(s3.panelSession).toBeNull();
    expect(s3.notice).toMatchObject({ level: 'info', message: 'Logged out.' });
    expect(s3.identity?.kind).toBe('anonymous');
  });

  it('Basic apply shows the user but never the password; clear leaves cookies alone', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    ctx.apis.cookies.put('127.0.0.1', 'visitor', 'v');
    const { ask } = worker(ctx);
    const s = value(
      await ask('basic.apply', { tabId: TAB, user: 'admin', password: 'publish-secret-pw', remember: false }),
    );
    // 'publish-secret-pw' is not admin's password: the identity check saw the server refuse it
    expect(s.basic).toEqual({ user: 'admin', applied: true, remember: false, refused: true });
    expect(s.notice).toBeNull(); // the state's `basic` says it; no second message saying the same
    expect(JSON.stringify(s)).not.toContain('publish-secret-pw');
    const c = value(await ask('basic.clear', { tabId: TAB }));
    expect(c.basic).toBeNull();
    expect(ctx.apis.cookies.jar.map((x) => x.name)).toEqual(['visitor']);
  });

  it('with Basic applied the panel can still log in and out (its own requests skip the rule)', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask } = worker(ctx);
    value(await ask('basic.apply', { tabId: TAB, user: 'admin', password: 'publish', remember: false }));
    expect([...ctx.apis.dnr.rules.values()][0]?.condition.excludedInitiatorDomains).toEqual(['unit-test-extension-id']);
    const s = value(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }));
    expect(s.panelSession).not.toBeNull();
    expect(s.basic?.applied).toBe(true);
    const out = value(await ask('session.logout', { tabId: TAB }));
    expect(out.notice?.message).toBe('Logged out.');
    expect(out.basic?.applied).toBe(true); // clearing the session leaves Basic alone
  });

  it('target.set takes a typed base, refuses a bad one in words, and asks for permission when needed', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask } = worker(ctx);
    const bad = await ask('target.set', { tabId: TAB, base: 'nope', siteAccess: null });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const s = value(
      await ask('target.set', { tabId: TAB, base: 'https://cms.example.test/api/ezp/v2', siteAccess: 'admin' }),
    );
    expect(s).toMatchObject({
      target: { origin: 'https://cms.example.test', siteAccess: 'admin', source: 'user' },
      hostPermission: 'missing',
      identity: null,
    });
    // the panel's permission banner asks for access: no notice saying it a second time
    expect(s.notice).toBeNull();
  });

  it('the tab navigates to a dead origin: target re-detected, unreachable, said once', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask, watchers } = worker(ctx);
    value(await ask('state.get', { tabId: TAB }));
    ctx.apis.tabUrls.set(TAB, 'http://localhost:9/elsewhere');
    await watchers.onTabUpdated(TAB, { url: 'http://localhost:9/elsewhere' });
    const s = value(await ask('state.get', { tabId: TAB }));
    expect(s.target?.origin).toBe('http://localhost:9');
    // nothing listens there: the identity says unreachable, and no notice repeats it
    expect(s.identity).toMatchObject({
      kind: 'unreachable',
      problem: 'Could not reach http://localhost:9: is the server running?',
    });
    expect(s.notice).toBeNull();
  });

  it('the tab closes: the record goes and panels get a closed state', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask, watchers } = worker(ctx);
    value(await ask('state.get', { tabId: TAB }));
    ctx.apis.tabUrls.delete(TAB);
    await watchers.onTabRemoved(TAB);
    expect(ctx.pushed.at(-1)).toMatchObject({
      tabId: TAB,
      pageUrl: null,
      notice: { message: 'The inspected tab was closed.' },
    });
    expect(await ctx.store.getTab(TAB)).toBeNull();
    expect((await ask('identity.check', { tabId: TAB })).ok).toBe(false);
  });

  it('the page logs in by itself: a cookie change re-checks and finds the page session', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask, watchers } = worker(ctx);
    value(await ask('state.get', { tabId: TAB }));
    const visitor = await pageLogin(mock.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    ctx.apis.pageCsrf = { token: visitor.csrfToken, source: 'localStorage' };
    const cookie = ctx.apis.cookies.jar[0];
    if (!cookie) throw new Error('no cookie');
    await watchers.onCookieChanged({ removed: false, cookie, cause: 'explicit' });
    // the debounced re-check runs by itself and pushes; no state.get needed
    await vi.waitFor(async () => {
      const rec = await ctx.store.getTab(TAB);
      expect(rec?.identity).toMatchObject({ kind: 'user', via: 'page-session', user: { login: 'admin' } });
    });
    const s: AuthState = value(await ask('state.get', { tabId: TAB }));
    expect(s.pageSession).toEqual({ cookieName: visitor.name, csrfSource: 'localStorage', hasCsrfToken: true });
  });

  it('cookies.list masks values; cookies.reveal shows one on request', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    ctx.apis.cookies.put('127.0.0.1', 'theme', 'dark');
    const { ask } = worker(ctx);
    expect(value(await ask('cookies.list', { tabId: TAB })).map((c) => c.maskedValue)).toEqual(['••••']);
    expect(value(await ask('cookies.reveal', { tabId: TAB, name: 'theme' }))).toEqual({ value: 'dark' });
    expect((await ask('cookies.reveal', { tabId: TAB, name: 'gone' })).ok).toBe(false);
  });

  it('a page that is not a web page: no target and a notice, nothing thrown', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, 'chrome://newtab/');
    const { ask } = worker(ctx);
    const s = value(await ask('state.get', { tabId: TAB }));
    expect(s.target).toBeNull();
    expect(s.notice?.message).toMatch(/does not show a web page/);
    expect(await ask('session.login', { tabId: TAB, login: 'a', password: 'b', siteAccess: null })).toMatchObject({
      ok: false,
      error: { code: 'no-target' },
    });
  });
});
