/**
 * A saved session identity whose session ended on the server (expired, logged out elsewhere)
 * logs in again by itself, once, on the replay's 401 — in both flavours: eZ 3.3 asks with the
 * refresh (its own id and token), Ibexa 4.6 with GET /user/sessions/current. A permission 401
 * of a live session is left as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTabId } from '../../../shared/domain';
import { FLAVOURS, mediaType } from '../../../shared/ez';
import { createMockServer, type MockServer } from '../../../mock-server/server';
import { makeCtx, value, workerFor } from '../test-kit';

const TAB = asTabId(7);

describe.each(FLAVOURS)('an expired identity session, $product', (flavour) => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await createMockServer({ port: 0, auth: 'session', flavour });
  });
  afterAll(() => mock.close());

  async function setup() {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const w = workerFor(ctx);
    value(await w.ask('state.get', { tabId: TAB }));
    for (const name of ['admin', 'editor'])
      value(
        await w.ask('identity.save', {
          tabId: TAB,
          name,
          kind: 'session',
          user: name,
          password: 'publish',
          remember: false,
        }),
      );
    const send = (name: string, method: string, path: string) =>
      w.ask('replay.send', {
        tabId: TAB,
        request: {
          method,
          url: `${mock.url}${flavour.prefix}${path}`,
          headers: [{ name: 'Accept', value: mediaType('User', 'json', flavour.vendor) }],
          body: null,
        },
        identity: { kind: 'saved', name },
        csrf: true,
        fromPage: false,
      });
    const stored = async (name: string) => {
      const key = `idsession:${mock.url}|${name}`;
      return (await ctx.apis.session.get(key))[key] as { cookieName: string; identifier: string; csrfToken: string };
    };
    return { ctx, send, stored };
  }

  it('logs in again when the server says the session is gone, and sends once more', async () => {
    const { ctx, send, stored } = await setup();
    expect(value(await send('admin', 'GET', '/user/users/14'))).toMatchObject({
      status: 200,
      identity: 'admin (session)',
    });
    const old = await stored('admin');
    // The session ends on the server: logged out by its own cookie and token, as another tab would.
    const out = await fetch(`${mock.url}${flavour.prefix}/user/sessions/${old.identifier}`, {
      method: 'DELETE',
      headers: { Cookie: `${old.cookieName}=${old.identifier}`, 'X-CSRF-Token': old.csrfToken },
    });
    expect(out.status).toBe(204);
    const jarBefore = await ctx.apis.cookies.getAll({ url: `${mock.url}/` });

    const again = value(await send('admin', 'GET', '/user/users/14'));
    expect(again.status).toBe(200);
    expect(again.identity).toBe('admin (session), logged in again: its session had expired');
    expect((await stored('admin')).identifier).not.toBe(old.identifier);
    // The check and the new login went with the identity's cookie only: the jar is as it was.
    expect(await ctx.apis.cookies.getAll({ url: `${mock.url}/` })).toEqual(jarBefore);
    expect(ctx.apis.dnr.rules.size).toBe(0);
  });

  it('a permission 401 of a live session stays the answer: no new login', async () => {
    const { send, stored } = await setup();
    const r = value(await send('editor', 'DELETE', '/content/objects/52'));
    expect(r.status).toBe(401);
    expect(r.identity).toBe('editor (session)');
    const first = (await stored('editor')).identifier;
    expect(value(await send('editor', 'DELETE', '/content/objects/52')).status).toBe(401);
    expect((await stored('editor')).identifier).toBe(first);
  });
});
