import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTabId } from '../../shared/domain';
import type { MockServer } from '../../mock-server/server';
import { checkTabAuth } from './identity';
import type { ApiTarget } from '../../shared/domain';
import type { TestCtx } from './test-kit';
import { applyBasic } from './basic-auth';
import { login } from './sessions';
import { makeCtx, pageLogin, startMock, targetFor } from './test-kit';
import { createMockServer } from '../../mock-server/server';
import { IBEXA4 } from '../../shared/ez';

const TAB = asTabId(1);
let hybrid: MockServer;
let session: MockServer;
beforeAll(async () => {
  [hybrid, session] = await Promise.all([startMock('hybrid'), startMock('session')]);
});
afterAll(async () => {
  await Promise.all([hybrid.close(), session.close()]);
});

const checkIdentity = async (ctx: TestCtx, tab: typeof TAB, t: ApiTarget) => (await checkTabAuth(ctx, tab, t)).identity;

describe('checkTabAuth', () => {
  it('anonymous without cookie or Basic, once the API answered', async () => {
    const ctx = makeCtx();
    const id = await checkIdentity(ctx, TAB, targetFor(session.url));
    expect(id).toMatchObject({ kind: 'anonymous', via: 'none', user: null, problem: null });
  });

  it('no cookie, no Basic and a server that does not answer: unreachable, never anonymous', async () => {
    const ctx = makeCtx();
    const id = await checkIdentity(ctx, TAB, targetFor('http://127.0.0.1:9'));
    expect(id).toMatchObject({
      kind: 'unreachable',
      via: 'none',
      user: null,
      problem: 'Could not reach http://127.0.0.1:9: is the server running?',
    });
  });

  it('the panel session: its user, via panel-session', async () => {
    const ctx = makeCtx();
    const t = targetFor(hybrid.url);
    await login(ctx, t, 'admin', 'publish');
    const id = await checkIdentity(ctx, TAB, t);
    expect(id).toMatchObject({ kind: 'user', via: 'panel-session', problem: null });
    expect(id.user).toMatchObject({ id: 14, login: 'admin' });
  });

  it('Basic applied on a server that honours it: the Basic user', async () => {
    const ctx = makeCtx();
    const t = targetFor(hybrid.url);
    await applyBasic(ctx, t, 'admin', 'publish', false);
    expect(await checkIdentity(ctx, TAB, t)).toMatchObject({ kind: 'user', via: 'basic', user: { login: 'admin' } });
  });

  it('Basic with a wrong password: says the credentials are refused, and flags them', async () => {
    const ctx = makeCtx();
    const t = targetFor(hybrid.url);
    await applyBasic(ctx, t, 'admin', 'nope', false);
    const check = await checkTabAuth(ctx, TAB, t);
    expect(check.identity).toMatchObject({ kind: 'unknown', via: 'basic' });
    expect(check.identity.problem).toMatch(/refused the Basic credentials for "admin"/);
    expect(check.basicRefused).toBe(true);
  });

  it('Basic and a panel session together on a server that takes Basic: Basic wins', async () => {
    const ctx = makeCtx();
    const t = targetFor(hybrid.url);
    await login(ctx, t, 'editor', 'publish');
    await applyBasic(ctx, t, 'admin', 'publish', false);
    expect(await checkIdentity(ctx, TAB, t)).toMatchObject({ kind: 'user', via: 'basic', user: { login: 'admin' } });
  });

  it('Basic on a session-only server: explains it is ignored and falls back to the cookies', async () => {
    const ctx = makeCtx();
    const t = targetFor(session.url);
    await applyBasic(ctx, t, 'admin', 'publish', false);
    const id = await checkIdentity(ctx, TAB, t);
    expect(id).toMatchObject({ kind: 'anonymous', via: 'none' });
    expect(id.problem).toMatch(/ignores HTTP Basic/);
  });

  it("the page's own session with the token it exposes: that user, via page-session", async () => {
    const ctx = makeCtx();
    const visitor = await pageLogin(session.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    ctx.apis.pageCsrf = { token: visitor.csrfToken, source: 'localStorage' };
    const id = await checkIdentity(ctx, TAB, targetFor(session.url));
    expect(id).toMatchObject({ kind: 'user', via: 'page-session', user: { login: 'admin' } });
  });

  it("the page's session without a token: unknown, and says unsafe methods will fail", async () => {
    const ctx = makeCtx();
    const visitor = await pageLogin(session.url);
    ctx.apis.cookies.put('127.0.0.1', visitor.name, visitor.identifier);
    const id = await checkIdentity(ctx, TAB, targetFor(session.url));
    expect(id).toMatchObject({ kind: 'unknown', via: 'page-session' });
    expect(id.problem).toMatch(/no CSRF token.*unsafe methods on it will fail/);
  });

  it('a stale page cookie: anonymous', async () => {
    const ctx = makeCtx();
    ctx.apis.cookies.put('127.0.0.1', 'eZSESSID98defd6ee70dfb1dea416cecdf391f58', 'stale0000000000000000000000');
    ctx.apis.pageCsrf = { token: 'old-token', source: 'meta' };
    const id = await checkIdentity(ctx, TAB, targetFor(session.url));
    expect(id.kind).toBe('anonymous');
  });

  it('the panel session ended on the server: forgotten, cookie removed', async () => {
    const ctx = makeCtx();
    const t = targetFor(session.url);
    await login(ctx, t, 'admin', 'publish');
    const s = await ctx.store.getSession(t.origin, null);
    await fetch(`${session.url}${s?.href}`, {
      method: 'DELETE',
      headers: { Cookie: `${s?.name}=${s?.identifier}`, 'X-CSRF-Token': s?.csrfToken ?? '' },
    });
    const id = await checkIdentity(ctx, TAB, t);
    expect(id.kind).toBe('anonymous');
    expect(id.problem).toMatch(/ended on the server/);
    expect(await ctx.store.getSession(t.origin, null)).toBeNull();
    expect(ctx.apis.cookies.jar).toEqual([]);
  });

  it("the page logged out, removing the panel's cookie: the panel session is over, and it says so", async () => {
    const ctx = makeCtx();
    const t = targetFor(session.url);
    await login(ctx, t, 'admin', 'publish');
    ctx.apis.cookies.jar.length = 0;
    const id = await checkIdentity(ctx, TAB, t);
    expect(id.kind).toBe('anonymous');
    expect(id.problem).toMatch(/removed the panel's session cookie/);
    expect(await ctx.store.getSession(t.origin, null)).toBeNull();
  });

  it('server down with Basic applied: unreachable with the reason', async () => {
    const ctx = makeCtx();
    const t = targetFor('http://127.0.0.1:9');
    await applyBasic(ctx, t, 'admin', 'publish', false);
    const id = await checkIdentity(ctx, TAB, t);
    expect(id).toMatchObject({
      kind: 'unreachable',
      problem: 'Could not reach http://127.0.0.1:9: is the server running?',
    });
  });
});

describe('checkTabAuth against Ibexa 4.6', () => {
  let ibexa: MockServer;
  beforeAll(async () => {
    ibexa = await createMockServer({ port: 0, flavour: IBEXA4 });
  });
  afterAll(() => ibexa.close());
  const ibexaTarget = (url: string): ApiTarget => ({ ...targetFor(url), prefix: IBEXA4.prefix, vendor: IBEXA4.vendor });

  /** A ctx whose fetch remembers what it asked. */
  const recording = () => {
    const asked: string[] = [];
    const ctx = makeCtx();
    const inner = ctx.apis.fetch;
    ctx.apis.fetch = (input, init) => {
      asked.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return inner(input, init);
    };
    return { ctx, asked };
  };

  it('the panel session is checked with GET /user/sessions/current, not the deprecated refresh', async () => {
    const { ctx, asked } = recording();
    const t = ibexaTarget(ibexa.url);
    await login(ctx, t, 'admin', 'publish');
    asked.length = 0;
    const id = await checkIdentity(ctx, TAB, t);
    expect(id).toMatchObject({ kind: 'user', via: 'panel-session', user: { login: 'admin' } });
    expect(asked).toContain(`GET ${IBEXA4.prefix}/user/sessions/current`);
    expect(asked.some((a) => a.endsWith('/refresh'))).toBe(false);
  });

  it("the page's own session is known even without a CSRF token (the current-session route needs none)", async () => {
    const ctx = makeCtx();
    const r = await fetch(`${ibexa.url}${IBEXA4.prefix}/user/sessions`, {
      method: 'POST',
      headers: {
        Accept: 'application/vnd.ibexa.api.Session+json',
        'Content-Type': 'application/vnd.ibexa.api.SessionInput+json',
      },
      body: JSON.stringify({ SessionInput: { login: 'editor', password: 'publish' } }),
    });
    const s = ((await r.json()) as { Session: { name: string; identifier: string } }).Session;
    ctx.apis.cookies.put('127.0.0.1', s.name, s.identifier);
    const id = await checkIdentity(ctx, TAB, ibexaTarget(ibexa.url));
    expect(id).toMatchObject({ kind: 'user', via: 'page-session', user: { login: 'editor' } });
  });
});
