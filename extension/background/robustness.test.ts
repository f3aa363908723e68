/**
 * The worker when things go wrong outside the happy path: a worker stopped mid-action, a browser
 * API rejecting in the middle of one, the host permission missing or revoked while a panel is open.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asTabId } from '../../shared/domain';
import type { MockServer } from '../../mock-server/server';
import { fakeApis } from '../platform/testing/fakes';
import { STOPPED_MID_ACTION } from './notices';
import { makeCtx, pageLogin, startMock, value, workerFor } from './test-kit';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock('hybrid');
});
afterAll(() => mock.close());

const TAB = asTabId(11);

describe('busy never sticks', () => {
  it('a worker stopped mid-action left busy: true in storage; the next worker clears it and says so', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    value(await workerFor(ctx).ask('state.get', { tabId: TAB }));
    // what withTab stores before the work starts; the worker dies before its `busy: false`
    const rec = await ctx.store.getTab(TAB);
    if (!rec) throw new Error('no record');
    await ctx.store.putTab(TAB, { ...rec, busy: true });

    const s = value(await workerFor(ctx).ask('state.get', { tabId: TAB }));
    expect(s.busy).toBe(false);
    expect(s.notice).toMatchObject({ level: 'warning', message: STOPPED_MID_ACTION });
    expect((await ctx.store.getTab(TAB))?.busy).toBe(false);
  });

  it('a browser API rejecting mid-action answers in words and pushes busy: false after the busy push', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const busyAtPush: boolean[] = [];
    ctx.notify = async (tabId) => {
      busyAtPush.push((await ctx.store.getTab(tabId))?.busy ?? false);
    };
    const { ask } = workerFor(ctx);
    value(await ask('state.get', { tabId: TAB }));
    const realSet = ctx.apis.cookies.set;
    ctx.apis.cookies.set = () => Promise.reject(new Error('Failed to parse or set cookie named "eZSESSID".'));
    busyAtPush.length = 0;

    const r = await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'The action failed part-way: Failed to parse or set cookie named "eZSESSID".',
      },
    });
    expect(busyAtPush).toEqual([true, false]);
    expect((await ctx.store.getTab(TAB))?.busy).toBe(false);

    ctx.apis.cookies.set = realSet;
    const s = value(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }));
    expect(s).toMatchObject({ busy: false, identity: { kind: 'user', via: 'panel-session' } });
  });
});

describe('host permission missing or revoked', () => {
  it('actions that need the API answer a permission error without a request; Basic can still be cleared', async () => {
    let fetches = 0;
    const apis = fakeApis({
      fetch: async () => {
        fetches++;
        throw new TypeError('Failed to fetch'); // what a CORS-blocked extension fetch looks like
      },
    });
    const ctx = makeCtx(apis);
    ctx.apis.tabUrls.set(TAB, 'https://cms.example.test/');
    const { ask } = workerFor(ctx);
    expect(value(await ask('state.get', { tabId: TAB }))).toMatchObject({
      hostPermission: 'missing',
      target: { origin: 'https://cms.example.test' },
    });

    const denied = {
      ok: false,
      error: {
        code: 'permission',
        message: 'The extension may not talk to https://cms.example.test yet: allow access to it first.',
      },
    };
    expect(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null })).toEqual(
      denied,
    );
    expect(await ask('session.refresh', { tabId: TAB })).toEqual(denied);
    expect(await ask('identity.check', { tabId: TAB })).toEqual(denied);
    expect(await ask('basic.apply', { tabId: TAB, user: 'admin', password: 'publish', remember: false })).toEqual(
      denied,
    );
    expect(await ask('cookies.list', { tabId: TAB })).toEqual(denied);
    expect(await ask('cookies.reveal', { tabId: TAB, name: 'eZSESSID' })).toEqual(denied);
    expect(fetches).toBe(0);
    expect(ctx.apis.dnr.rules.size).toBe(0); // a rule without host access would do nothing yet show as applied
    expect(value(await ask('basic.clear', { tabId: TAB })).busy).toBe(false);
  });

  it('revoked in the browser settings: the tab is re-checked and pushed without waiting for an action', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask, watchers } = workerFor(ctx);
    value(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }));
    ctx.notified.length = 0;
    ctx.apis.granted.delete('127.0.0.1');
    await watchers.onPermissionsChanged();
    await vi.waitFor(() => expect(ctx.notified).toContain(TAB));
    expect((await ctx.store.getTab(TAB))?.identity).toBeNull();
    expect(value(await ask('state.get', { tabId: TAB })).hostPermission).toBe('missing');
  });

  it('revoked while logged in: logout and check say why, and the old identity is no longer shown', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask } = workerFor(ctx);
    value(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }));
    ctx.apis.granted.delete('127.0.0.1');

    expect(await ask('identity.check', { tabId: TAB })).toMatchObject({ ok: false, error: { code: 'permission' } });
    expect((await ctx.store.getTab(TAB))?.identity).toBeNull();
    expect(await ask('session.logout', { tabId: TAB })).toMatchObject({ ok: false, error: { code: 'permission' } });
    const s = value(await ask('state.get', { tabId: TAB }));
    expect(s).toMatchObject({ hostPermission: 'missing', identity: null, busy: false });
    expect(s.panelSession).not.toBeNull(); // kept: logging out once access is back still works

    ctx.apis.granted.add('127.0.0.1');
    expect(value(await ask('session.logout', { tabId: TAB })).panelSession).toBeNull();
  });
});

describe('the tab closes while an action is in flight', () => {
  it('the record stays gone and the closed state is the last one pushed', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const inner = ctx.apis.fetch;
    ctx.apis.fetch = async (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/user/sessions')) await gate; // a slow server
      return inner(input, init);
    };
    const { ask, watchers } = workerFor(ctx);
    value(await ask('state.get', { tabId: TAB }));

    const login = ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null });
    await new Promise((r) => setTimeout(r, 20)); // the login is waiting on the server
    ctx.apis.tabUrls.delete(TAB);
    const removed = watchers.onTabRemoved(TAB);
    release();
    await Promise.all([login, removed]);

    expect(await ctx.store.getTab(TAB)).toBeNull();
    expect(ctx.pushed.at(-1)).toMatchObject({ tabId: TAB, pageUrl: null, busy: false });
  });
});

describe('secrets stay in the worker', () => {
  it("the page's CSRF token and the Basic password are in no state answered or pushed", async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const seen: unknown[] = [];
    const { ask, watchers } = workerFor(ctx);
    const visitor = await pageLogin(mock.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    ctx.apis.pageCsrf = { token: visitor.csrfToken, source: 'meta' };
    seen.push(value(await ask('state.get', { tabId: TAB })));
    seen.push(
      value(await ask('basic.apply', { tabId: TAB, user: 'admin', password: 'basic-secret-pw', remember: false })),
    );
    seen.push(value(await ask('identity.check', { tabId: TAB })));
    await watchers.onTabRemoved(TAB);
    seen.push(...ctx.pushed);
    const text = JSON.stringify(seen);
    expect(text).toContain('"hasCsrfToken":true');
    expect(text).not.toContain(visitor.csrfToken);
    expect(text).not.toContain('basic-secret-pw');
  });
});
