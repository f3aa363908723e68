/**
 * The worker's capture: webRequest events of a tab become one masked record each, bounded per
 * tab, kept over a worker restart (storage.session), secrets kept back for reveal; and link
 * following sends to the API origin only, as the identity asked for.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asTabId } from '../../../shared/domain';
import type { MockServer } from '../../../mock-server/server';
import type { RequestDetails } from '../../platform/web-request';
import { memoryStorage } from '../../platform/testing/fakes';
import { makeCtx, startMock, value, workerFor } from '../test-kit';
import { createCaptureBuffer } from './buffer';
import { createCapture } from './index';

const SITE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';
const basic = `Basic ${Buffer.from('admin:publish').toString('base64')}`;

/** One request's webRequest events, as Chrome fires them. */
function fire(
  watch: ReturnType<typeof createCapture>['watch'],
  id: string,
  over: Partial<RequestDetails> = {},
  status = 200,
): void {
  const base: RequestDetails = {
    requestId: id,
    tabId: 4,
    url: 'http://127.0.0.1:8080/api/ezp/v2/user/users/14',
    method: 'GET',
    type: 'xmlhttprequest',
    timeStamp: 1000,
    ...over,
  };
  watch.onStart(base);
  watch.onHeaders({
    ...base,
    requestHeaders: [
      { name: 'Cookie', value: `${SITE}=realsessionid123` },
      { name: 'Authorization', value: basic },
      { name: 'Accept', value: 'application/json' },
    ],
  });
  watch.onResponse({
    ...base,
    statusCode: status,
    statusLine: `HTTP/1.1 ${status}`,
    responseHeaders: [{ name: 'Set-Cookie', value: `${SITE}=newsecret999; path=/` }],
  });
  watch.onDone({ ...base, statusCode: status, timeStamp: 1012 });
}

describe('capture', () => {
  it('records what went on the wire, masked, with what auth it carried; keeps the secrets back', async () => {
    const pushed: unknown[] = [];
    const area = memoryStorage();
    const c = createCapture(area, {
      entries: (_t, e) => pushed.push(...e),
      navigated: () => undefined,
      networkFailed: () => undefined,
    });
    fire(c.watch, '1');
    await vi.waitFor(() => expect(pushed).toHaveLength(1));
    const [rec] = pushed as Array<{
      id: string;
      status: number;
      auth: { scheme: string; basicUser: string };
      requestHeaders: { name: string; value: string }[];
    }>;
    expect(rec).toMatchObject({ id: '4:1', status: 200, auth: { scheme: 'basic', basicUser: 'admin' } });
    const text = JSON.stringify(pushed);
    expect(text).not.toContain('realsessionid123');
    expect(text).not.toContain('newsecret999');
    expect(text).not.toContain(basic.slice(6));
    expect((await c.buffer.find(4, '4:1'))?.secrets.find((h) => h.name === 'Cookie')?.value).toBe(
      `${SITE}=realsessionid123`,
    );
  });

  it('ignores requests of no tab (the extension itself); numbers pages by navigation', async () => {
    const c = createCapture(memoryStorage(), {
      entries: () => undefined,
      navigated: () => undefined,
      networkFailed: () => undefined,
    });
    fire(c.watch, 'own', { tabId: -1 });
    fire(c.watch, 'nav', { type: 'main_frame', url: 'http://127.0.0.1:8080/' });
    fire(c.watch, 'after');
    await vi.waitFor(async () => expect((await c.buffer.list(4)).entries).toHaveLength(2));
    const t = await c.buffer.list(4);
    expect(t.entries.map((e) => [e.id, e.page])).toEqual([
      ['4:nav', 1],
      ['4:after', 1],
    ]);
  });

  it('is bounded per tab and counts what it dropped', async () => {
    const buffer = createCaptureBuffer(memoryStorage(), 3);
    for (let i = 0; i < 5; i++) await buffer.add(1, { id: String(i) } as never);
    const t = await buffer.list(1);
    expect([t.entries.map((e) => e.id), t.dropped]).toEqual([['2', '3', '4'], 2]);
  });

  it('survives the worker being stopped: a new buffer over the same storage.session has it', async () => {
    const area = memoryStorage();
    const first = createCaptureBuffer(area);
    await first.add(9, { id: '9:a' } as never);
    await first.flush();
    const second = createCaptureBuffer(area);
    expect((await second.list(9)).entries.map((e) => e.id)).toEqual(['9:a']);
    await second.drop(9);
    expect((await createCaptureBuffer(area).list(9)).entries).toEqual([]);
  });

  it('a failed request tells the auth side to check again', async () => {
    const failed: number[] = [];
    const c = createCapture(memoryStorage(), {
      entries: () => undefined,
      navigated: () => undefined,
      networkFailed: (t) => failed.push(t),
    });
    const d: RequestDetails = {
      requestId: 'x',
      tabId: 4,
      url: 'http://127.0.0.1:9/api/ezp/v2/',
      method: 'GET',
      type: 'xmlhttprequest',
      timeStamp: 1,
    };
    c.watch.onStart(d);
    c.watch.onError({ ...d, error: 'net::ERR_CONNECTION_REFUSED' });
    await vi.waitFor(() => expect(failed).toEqual([4]));
  });
});

describe('explore.get (following a link)', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMock('hybrid');
  });
  afterAll(() => mock.close());
  const TAB = asTabId(4);

  it('sends to the API origin only, as anonymous, the jar, or the captured Authorization', async () => {
    const ctx = makeCtx();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const { ask } = workerFor(ctx);
    value(await ask('state.get', { tabId: TAB }));
    const url = `${mock.url}/api/ezp/v2/user/users/14`;
    const accept = 'application/vnd.ez.api.User+json';
    expect(value(await ask('explore.get', { tabId: TAB, url, accept, identity: { kind: 'anonymous' } })).status).toBe(
      401,
    );
    await ctx.capture.add(TAB, { id: '4:b', secrets: [{ name: 'Authorization', value: basic }] } as never);
    const asBasic = value(
      await ask('explore.get', { tabId: TAB, url, accept, identity: { kind: 'as-captured', id: '4:b' } }),
    );
    expect(asBasic.status).toBe(200);
    expect(JSON.parse(asBasic.body).User.login).toBe('admin');
    expect(JSON.stringify(asBasic.requestHeaders)).not.toContain(basic.slice(6));
    const elsewhere = value(
      await ask('explore.get', { tabId: TAB, url: 'http://evil.test/steal', accept, identity: { kind: 'jar' } }),
    );
    expect(elsewhere).toMatchObject({ status: 0, error: expect.stringMatching(/is not the API's origin/) });
    const gone = value(
      await ask('explore.get', { tabId: TAB, url, accept, identity: { kind: 'as-captured', id: '4:nope' } }),
    );
    expect(gone.error).toMatch(/no longer in the capture buffer/);
  });

  it('capture.reveal answers one real header value; capture.list the masked records', async () => {
    const ctx = makeCtx();
    const { ask } = workerFor(ctx);
    await ctx.capture.add(TAB, {
      id: '4:r',
      requestHeaders: [{ name: 'Cookie', value: 'masked' }],
      secrets: [{ name: 'Cookie', value: `${SITE}=real` }],
    } as never);
    expect(value(await ask('capture.reveal', { tabId: TAB, id: '4:r', header: 'cookie' }))).toEqual({
      value: `${SITE}=real`,
    });
    const list = value(await ask('capture.list', { tabId: TAB }));
    expect(JSON.stringify(list)).not.toContain('real"');
    expect(list.entries).toHaveLength(1);
    value(await ask('capture.clear', { tabId: TAB }));
    expect(value(await ask('capture.list', { tabId: TAB })).entries).toEqual([]);
  });
});
