import { describe, expect, it } from 'vitest';
import { listCookies, revealCookie, setSessionCookie, removeSessionCookie } from './cookies';
import { cookieAppliesTo } from './watchers';
import { makeCtx } from './test-kit';

const ORIGIN = 'http://127.0.0.1:8080';

describe('cookie list', () => {
  it("lists only the origin's cookies, masked, with ownership", async () => {
    const ctx = makeCtx();
    ctx.apis.cookies.put('127.0.0.1', 'theme', 'dark');
    ctx.apis.cookies.put('other.test', 'secret', 'nope');
    await setSessionCookie(ctx.apis.cookies, ctx.store, ORIGIN, 'eZSESSIDx', 'panelvalue');
    const list = await listCookies(ctx.apis.cookies, ctx.store, ORIGIN);
    expect(list.map((c) => [c.name, c.maskedValue, c.ownedByExtension])).toEqual([
      ['theme', '••••', false],
      ['eZSESSIDx', 'pane••••••', true],
    ]);
    expect(JSON.stringify(list)).not.toContain('panelvalue');
    expect(await revealCookie(ctx.apis.cookies, ORIGIN, 'theme')).toBe('dark');
    expect(await revealCookie(ctx.apis.cookies, ORIGIN, 'secret')).toBeNull();
  });
});

describe('session cookie ownership', () => {
  it('removes only a cookie still holding the value the extension set', async () => {
    const ctx = makeCtx();
    await setSessionCookie(ctx.apis.cookies, ctx.store, ORIGIN, 'eZSESSIDx', 'ours');
    ctx.apis.cookies.put('127.0.0.1', 'eZSESSIDx', 'pages'); // the page logged in meanwhile
    expect(await removeSessionCookie(ctx.apis.cookies, ctx.store, ORIGIN, 'eZSESSIDx', 'ours', null)).toBe(false);
    expect(ctx.apis.cookies.jar.map((c) => c.value)).toEqual(['pages']);
    expect(await ctx.store.getOwned(ORIGIN)).toEqual([]);
  });
});

describe('a server with cookie_domain (the session cookie is set for a parent domain)', () => {
  const CMS = 'https://cms.example.test';
  const name = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';

  it("login replaces the visitor's domain cookie instead of adding a second one; logout puts it back", async () => {
    const ctx = makeCtx();
    await ctx.apis.cookies.set({
      url: `${CMS}/`,
      name,
      value: 'visitor',
      domain: '.example.test',
      secure: true,
      httpOnly: true,
    });
    const replaced = await setSessionCookie(ctx.apis.cookies, ctx.store, CMS, name, 'panel');
    expect(replaced).toMatchObject({ value: 'visitor', domain: '.example.test', hostOnly: false });
    // exactly one cookie of that name goes to the API, and it is the panel's
    expect((await ctx.apis.cookies.getAll({ url: `${CMS}/`, name })).map((c) => c.value)).toEqual(['panel']);

    expect(await removeSessionCookie(ctx.apis.cookies, ctx.store, CMS, name, 'panel', replaced)).toBe(true);
    expect(ctx.apis.cookies.jar.map((c) => [c.name, c.value, c.domain])).toEqual([[name, 'visitor', '.example.test']]);
  });
});

describe('cookieAppliesTo (cookies ignore ports)', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:8080', true],
    ['127.0.0.1', 'http://127.0.0.1:9090', true],
    ['.example.test', 'https://api.example.test', true],
    ['example.test', 'https://example.test', true],
    ['example.test', 'https://notexample.test', false],
    ['localhost', 'http://127.0.0.1:8080', false],
  ])('%s -> %s: %s', (domain, origin, expected) => {
    expect(cookieAppliesTo(domain, origin)).toBe(expected);
  });
});
