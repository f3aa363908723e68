/** Replays against the real mock server: identities, the CSRF switch, the jar left alone, identity storage. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTabId } from '../../../shared/domain';
import type { ReplayIdentity } from '../../../shared/domain/replay';
import type { MockServer } from '../../../mock-server/server';
import { makeCtx, pageLogin, startMock, value, workerFor } from '../test-kit';

const TAB = asTabId(5);

describe('replay.send', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock('session');
  });
  afterAll(() => mock.close());

  async function setup() {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const w = workerFor(ctx);
    value(await w.ask('state.get', { tabId: TAB }));
    const send = (
      identity: ReplayIdentity,
      request: { method: string; path: string; headers?: { name: string; value: string }[]; body?: string | null },
      csrf = true,
    ) =>
      w.ask('replay.send', {
        tabId: TAB,
        request: {
          method: request.method,
          url: `${mock.url}/api/ezp/v2${request.path}`,
          headers: request.headers ?? [{ name: 'Accept', value: 'application/vnd.ez.api.User+json' }],
          body: request.body ?? null,
        },
        identity,
        csrf,
        fromPage: false,
      });
    return { ...w, send };
  }

  it('as the page’s session, then as anonymous, and the jar reads the same before and after', async () => {
    const { ctx, send } = await setup();
    const page = await pageLogin(mock.url);
    await ctx.apis.cookies.set({ url: `${mock.url}/`, name: page.name, value: page.identifier });
    const before = JSON.stringify(await ctx.apis.cookies.getAll({ url: `${mock.url}/` }));
    const asPage = value(await send({ kind: 'page-session' }, { method: 'GET', path: '/user/users/14' }));
    expect(asPage).toMatchObject({ status: 200, identity: "the page's session", from: 'worker' });
    const anon = value(await send({ kind: 'anonymous' }, { method: 'GET', path: '/user/users/14' }));
    expect(anon.status).toBe(401);
    expect(anon.requestHeaders.some((h) => h.name.toLowerCase() === 'cookie')).toBe(false);
    expect(JSON.stringify(await ctx.apis.cookies.getAll({ url: `${mock.url}/` }))).toBe(before);
    expect(ctx.apis.dnr.rules.size).toBe(0);
  });

  it('the CSRF token is added to unsafe methods of a session identity, and left out on purpose', async () => {
    const w = await setup();
    value(
      await w.ask('identity.save', {
        tabId: TAB,
        name: 'admin',
        kind: 'session',
        user: 'admin',
        password: 'publish',
        remember: false,
      }),
    );
    const del = { method: 'DELETE', path: '/content/objects/999999', headers: [] };
    const without = value(await w.send({ kind: 'saved', name: 'admin' }, del, false));
    expect(without).toMatchObject({ status: 401, csrf: 'removed' });
    expect(without.body).toContain('Missing or invalid CSRF token');
    const withToken = value(await w.send({ kind: 'saved', name: 'admin' }, del, true));
    expect(withToken).toMatchObject({ status: 404, csrf: 'added', identity: 'admin (session)' });
  });

  it('as a saved editor, what only admin may do is the permission 401; the editor logged in without touching the jar', async () => {
    const w = await setup();
    value(
      await w.ask('identity.save', {
        tabId: TAB,
        name: 'editor',
        kind: 'session',
        user: 'editor',
        password: 'publish',
        remember: false,
      }),
    );
    value(
      await w.ask('identity.save', {
        tabId: TAB,
        name: 'admin-basic',
        kind: 'basic',
        user: 'admin',
        password: 'publish',
        remember: false,
      }),
    );
    const jarBefore = await w.ctx.apis.cookies.getAll({ url: `${mock.url}/` });
    const r = value(
      await w.send({ kind: 'saved', name: 'editor' }, { method: 'DELETE', path: '/content/objects/52', headers: [] }),
    );
    expect(r.status).toBe(401);
    expect(r.body).toMatch(/does not have the 'remove' 'content' permission/);
    expect(await w.ctx.apis.cookies.getAll({ url: `${mock.url}/` })).toEqual(jarBefore);
    const list = value(await w.ask('identity.list', { tabId: TAB }));
    expect(list.find((i) => i.name === 'editor')).toMatchObject({ kind: 'session', user: 'editor', loggedIn: true });
    expect(JSON.stringify(list)).not.toContain('publish');
  });

  it('as captured: the very Cookie and Authorization the original carried', async () => {
    const w = await setup();
    const page = await pageLogin(mock.url, 'editor');
    await w.ctx.capture.add(TAB, {
      id: '5:c',
      secrets: [
        { name: 'Cookie', value: `${page.name}=${page.identifier}` },
        { name: 'X-CSRF-Token', value: page.csrfToken },
      ],
    } as never);
    const r = value(await w.send({ kind: 'as-captured', id: '5:c' }, { method: 'GET', path: '/user/users/14' }));
    expect(r).toMatchObject({ status: 200, identity: 'as captured' });
    expect(JSON.stringify(r.requestHeaders)).not.toContain(page.identifier);
  });

  it('refusals are answers: no panel session, unknown identity, another origin', async () => {
    const w = await setup();
    expect(value(await w.send({ kind: 'panel-session' }, { method: 'GET', path: '/' })).error).toMatch(
      /not logged in here/,
    );
    expect(value(await w.send({ kind: 'saved', name: 'ghost' }, { method: 'GET', path: '/' })).error).toMatch(
      /no saved identity "ghost"/,
    );
    const evil = value(
      await w.ask('replay.send', {
        tabId: TAB,
        request: { method: 'GET', url: 'http://evil.test/', headers: [], body: null },
        identity: { kind: 'anonymous' },
        csrf: true,
        fromPage: false,
      }),
    );
    expect(evil.error).toMatch(/not the API's origin/);
    const wrong = value(
      await w.ask('identity.save', {
        tabId: TAB,
        name: 'bad',
        kind: 'session',
        user: 'admin',
        password: 'nope',
        remember: false,
      }),
    );
    expect(wrong.map((i) => i.name)).toContain('bad');
    expect(value(await w.send({ kind: 'saved', name: 'bad' }, { method: 'GET', path: '/' })).error).toMatch(
      /"bad" could not log in/,
    );
  });
});

describe('saved identities storage', () => {
  it('keeps passwords in storage.session only, unless the user opts in to remember', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, 'http://127.0.0.1:1/');
    const { saveIdentity, listIdentities, removeIdentity } = await import('../identities');
    const origin = 'http://127.0.0.1:1';
    await saveIdentity(ctx, origin, {
      name: 'editor',
      kind: 'session',
      user: 'editor',
      password: 's3cret-pw',
      remember: false,
    });
    expect(JSON.stringify(await ctx.apis.local.get(null))).not.toContain('s3cret-pw');
    expect(JSON.stringify(await ctx.apis.session.get(null))).toContain('s3cret-pw');
    await saveIdentity(ctx, origin, {
      name: 'kept',
      kind: 'basic',
      user: 'admin',
      password: 'disk-pw',
      remember: true,
    });
    expect(JSON.stringify(await ctx.apis.local.get(null))).toContain('disk-pw');
    expect(JSON.stringify(await ctx.apis.local.get(null))).not.toContain('s3cret-pw');
    expect(JSON.stringify(await listIdentities(ctx, origin))).not.toMatch(/s3cret-pw|disk-pw/);
    await removeIdentity(ctx, origin, 'kept');
    expect(JSON.stringify(await ctx.apis.local.get(null))).not.toContain('disk-pw');
    expect(
      await saveIdentity(ctx, origin, { name: '<script>', kind: 'basic', user: 'a', password: 'b', remember: false }),
    ).toMatchObject({ code: 'bad-request' });
  });
});
