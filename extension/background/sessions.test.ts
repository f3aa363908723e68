import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/server';
import { login, logout, refresh } from './sessions';
import { makeCtx, pageLogin, startMock, targetFor } from './test-kit';

const SITE_COOKIE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';
let mock: MockServer;
beforeAll(async () => {
  mock = await startMock('session');
});
afterAll(() => mock.close());

const user14 = async (cookie: string | undefined): Promise<number> =>
  (
    await fetch(`${mock.url}/api/ezp/v2/user/users/14`, {
      headers: { Accept: 'application/vnd.ez.api.User+json', ...(cookie ? { Cookie: cookie } : {}) },
    })
  ).status;

describe('login', () => {
  it("stores the Session and puts its cookie in the jar as the extension's own", async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    expect(await login(ctx, t, 'admin', 'publish')).toEqual({ ok: true, notice: null });
    const s = await ctx.store.getSession(t.origin, null);
    expect(s?.name).toBe(SITE_COOKIE);
    expect(s?.userHref).toBe('/api/ezp/v2/user/users/14');
    const [cookie] = ctx.apis.cookies.jar;
    expect(cookie).toMatchObject({
      name: SITE_COOKIE,
      value: s?.identifier,
      httpOnly: true,
      sameSite: 'lax',
      hostOnly: true,
    });
    expect(await ctx.store.getOwned(t.origin)).toEqual([{ name: SITE_COOKIE, value: s?.identifier }]);
    // the page's next request carries that cookie and is authenticated
    expect(await user14(`${cookie?.name}=${cookie?.value}`)).toBe(200);
  });

  it.each([
    ['admin', 'wrong', 'Wrong login or password.'],
    ['nobody', 'x', 'Wrong login or password.'],
    ['', 'x', 'Enter a login.'],
  ])('%s/%s fails in words: %s', async (user, password, message) => {
    const ctx = makeCtx();
    const r = await login(ctx, targetFor(mock.url), user, password);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
    expect(ctx.apis.cookies.jar).toEqual([]);
  });

  it("a wrong password never reaches the visitor's session (its cookie is not sent)", async () => {
    const ctx = makeCtx();
    const visitor = await pageLogin(mock.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    await login(ctx, targetFor(mock.url), 'admin', 'wrong');
    expect(await user14(`${visitor.name}=${visitor.identifier}`)).toBe(200);
  });

  it('a failed re-login keeps the working panel session; a good one replaces it', async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    await login(ctx, t, 'admin', 'publish');
    const first = await ctx.store.getSession(t.origin, null);
    expect((await login(ctx, t, 'editor', 'wrong')).ok).toBe(false);
    expect(await ctx.store.getSession(t.origin, null)).toEqual(first);
    expect(ctx.apis.cookies.jar.map((c) => c.value)).toEqual([first?.identifier]);
    expect(await user14(`${first?.name}=${first?.identifier}`)).toBe(200);

    expect((await login(ctx, t, 'editor', 'publish')).ok).toBe(true);
    const second = await ctx.store.getSession(t.origin, null);
    expect(second?.userHref).toBe('/api/ezp/v2/user/users/50');
    expect(ctx.apis.cookies.jar.map((c) => c.value)).toEqual([second?.identifier]);
    // the old server session was ended, not just forgotten
    expect(await user14(`${first?.name}=${first?.identifier}`)).toBe(401);
  });

  it('says when the server is down', async () => {
    const ctx = makeCtx();
    const r = await login(ctx, targetFor('http://127.0.0.1:9'), 'admin', 'publish');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'network',
        message: 'Could not reach http://127.0.0.1:9: is the server running?',
      });
  });
});

describe('logout', () => {
  it('DELETEs the session with its token; the cookie is gone and the server session ended', async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    await login(ctx, t, 'admin', 'publish');
    const s = await ctx.store.getSession(t.origin, null);
    expect(await logout(ctx, t)).toMatchObject({ ok: true, notice: { level: 'info', message: 'Logged out.' } });
    expect(ctx.apis.cookies.jar).toEqual([]);
    expect(await ctx.store.getSession(t.origin, null)).toBeNull();
    expect(await user14(`${s?.name}=${s?.identifier}`)).toBe(401);
  });

  it('removes the cookie even when the server is unreachable, and says so', async () => {
    const ctx = makeCtx();
    const down = await startMock('session');
    const t = targetFor(down.url);
    await login(ctx, t, 'admin', 'publish');
    await down.close();
    const r = await logout(ctx, t);
    expect(r.ok && r.notice?.level).toBe('warning');
    expect(r.ok && r.notice?.message).toMatch(/Could not reach .* removed from the browser anyway/);
    expect(ctx.apis.cookies.jar).toEqual([]);
  });

  it("puts back the visitor's cookie that the login overwrote", async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    const visitor = await pageLogin(mock.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    await login(ctx, t, 'admin', 'publish');
    expect(ctx.apis.cookies.jar[0]?.value).not.toBe(visitor.identifier);
    await logout(ctx, t);
    expect(ctx.apis.cookies.jar.map((c) => [c.name, c.value])).toEqual([[visitor.name, visitor.identifier]]);
    expect(await user14(`${visitor.name}=${visitor.identifier}`)).toBe(200);
  });

  it('does not DELETE when the page replaced the cookie (that would log the visitor out)', async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    await login(ctx, t, 'admin', 'publish');
    const visitor = await pageLogin(mock.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    const r = await logout(ctx, t);
    expect(r.ok && r.notice?.message).toMatch(/page replaced/);
    expect(ctx.apis.cookies.jar.map((c) => c.value)).toEqual([visitor.identifier]);
    expect(await user14(`${visitor.name}=${visitor.identifier}`)).toBe(200);
  });

  it('without a panel session there is nothing to do', async () => {
    const r = await logout(makeCtx(), targetFor(mock.url));
    expect(r.ok && r.notice?.message).toBe('The panel has no session to log out.');
  });
});

describe('refresh', () => {
  it('reports a live session', async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    await login(ctx, t, 'admin', 'publish');
    expect(await refresh(ctx, t)).toMatchObject({
      ok: true,
      notice: { level: 'info', message: 'The session is alive.' },
    });
  });

  it('a 404 means the session is gone: state and cookie are cleared', async () => {
    const ctx = makeCtx();
    const t = targetFor(mock.url);
    await login(ctx, t, 'admin', 'publish');
    const s = await ctx.store.getSession(t.origin, null);
    // the session ends elsewhere (another tab logged it out)
    await fetch(`${mock.url}${s?.href}`, {
      method: 'DELETE',
      headers: { Cookie: `${s?.name}=${s?.identifier}`, 'X-CSRF-Token': s?.csrfToken ?? '' },
    });
    const r = await refresh(ctx, t);
    expect(r.ok && r.notice?.message).toMatch(/gone on the server/);
    expect(await ctx.store.getSession(t.origin, null)).toBeNull();
    expect(ctx.apis.cookies.jar).toEqual([]);
  });

  it('without a session it asks to log in first', async () => {
    const r = await refresh(makeCtx(), targetFor(mock.url));
    expect(!r.ok && r.error.message).toMatch(/log in first/);
  });
});
