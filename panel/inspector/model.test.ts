import { describe, expect, it } from 'vitest';
import type { ObservedRequest } from '../../shared/domain/capture';
import { authCarried } from '../../shared/capture/auth';
import { ok } from '../../shared/domain';
import { fakeClient, TAB } from '../testing/fakeClient';
import { fakeNetwork, harEntry } from '../testing/fakeNetwork';
import { InspectorModel } from './model';

const API = 'http://127.0.0.1:8080/api/ezp/v2';
const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function observed(id: string, path: string, over: Partial<ObservedRequest> = {}): ObservedRequest {
  const requestHeaders = [{ name: 'Cookie', value: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=••••' }];
  return {
    id,
    page: 1,
    startedAt: 1_000_000,
    endedAt: 1_000_010,
    method: 'GET',
    url: `${API}${path}`,
    type: 'xmlhttprequest',
    status: 200,
    statusLine: 'HTTP/1.1 200 OK',
    error: null,
    requestHeaders,
    responseHeaders: [{ name: 'Content-Type', value: 'application/vnd.ez.api.User+json' }],
    auth: authCarried([{ name: 'Cookie', value: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=x' }]),
    fromCache: false,
    ...over,
  };
}

describe('InspectorModel', () => {
  it('lists what the worker saw before DevTools was opened (the current page only) and merges DevTools’ twin', async () => {
    const f = fakeClient(undefined, {
      'capture.list': () =>
        ok({ page: 1, dropped: 0, entries: [observed('7:1', '/old', { page: 0 }), observed('7:2', '/user/users/14')] }),
    });
    const net = fakeNetwork([{ entry: harEntry(`${API}/user/users/14`, { at: 1_000_001 }), body: '{"User":{}}' }]);
    const m = new InspectorModel({ client: f.client, tabId: TAB, network: net.host });
    const stop = m.start();
    await flush();
    const list = m.store.all();
    expect(list.map((e) => e.view.path)).toEqual(['/user/users/14']);
    expect(list[0]?.sources.sort()).toEqual(['devtools', 'worker']);
    expect(list[0]?.view.badge.label).toBe('session (site)');
    expect(await m.body(list[0]!)).toEqual({ ok: true, text: '{"User":{}}', truncated: false });
    stop();
  });

  it('a worker-only entry says why it has no body; pushes of the same record are not added twice', async () => {
    const f = fakeClient();
    const m = new InspectorModel({ client: f.client, tabId: TAB, network: null });
    m.start();
    await flush();
    f.emit({ name: 'capture.entries', payload: { tabId: TAB, entries: [observed('7:9', '/content/objects/1')] } });
    f.emit({ name: 'capture.entries', payload: { tabId: TAB, entries: [observed('7:9', '/content/objects/1')] } });
    expect(m.store.size).toBe(1);
    const got = await m.body(m.store.all()[0]!);
    expect(got.ok).toBe(false);
    expect(got.ok ? '' : got.why).toMatch(/DevTools was closed/);
  });

  it('keeps fetch/XHR and REST navigations, not scripts and images', async () => {
    const net = fakeNetwork([
      { entry: harEntry('http://127.0.0.1:8080/app.js', { type: 'script' }) },
      { entry: harEntry('http://127.0.0.1:8080/logo.png', { type: 'image' }) },
      { entry: harEntry(`${API}/`, { type: 'document' }) },
      { entry: harEntry('http://127.0.0.1:8080/other.json') },
      { entry: { broken: true } },
    ]);
    const m = new InspectorModel({ client: fakeClient().client, tabId: TAB, network: net.host });
    m.start();
    await flush();
    expect(m.store.all().map((e) => e.url)).toEqual([`${API}/`, 'http://127.0.0.1:8080/other.json']);
    expect(m.unreadable).toBe(1);
  });

  it('a navigation drops the old page unless preserve-log is on; the second signal of one navigation drops nothing', async () => {
    let now = 2_000_000;
    const net = fakeNetwork();
    const f = fakeClient();
    const m = new InspectorModel({ client: f.client, tabId: TAB, network: net.host, now: () => now });
    m.start();
    net.finish(harEntry(`${API}/a`, { at: 1_999_000 }));
    f.emit({ name: 'capture.navigated', payload: { tabId: TAB, page: 2, url: 'http://127.0.0.1:8080/' } });
    expect(m.store.size).toBe(0);
    net.finish(harEntry(`${API}/b`, { at: 2_000_100 }));
    now = 2_000_500;
    net.navigate('http://127.0.0.1:8080/');
    expect(m.store.all().map((e) => e.view.path)).toEqual(['/b']);
    m.preserveLog = true;
    now = 2_010_000;
    net.navigate('http://127.0.0.1:8080/');
    expect(m.store.size).toBe(1);
  });

  it('two reloads a second apart, each signalled by both sources, are two navigations', async () => {
    let now = 3_000_000;
    const net = fakeNetwork();
    const f = fakeClient();
    const m = new InspectorModel({ client: f.client, tabId: TAB, network: net.host, now: () => now });
    m.start();
    const reload = (page: number): void => {
      f.emit({ name: 'capture.navigated', payload: { tabId: TAB, page, url: 'http://127.0.0.1:8080/' } });
      now += 200;
      net.navigate('http://127.0.0.1:8080/');
    };
    net.finish(harEntry(`${API}/a`, { at: now - 100 }));
    m.preserveLog = true;
    now += 100;
    reload(2);
    now += 100;
    net.finish(harEntry(`${API}/b`, { at: now }));
    expect(m.store.all().map((e) => e.view.path)).toEqual(['/a', '/b']);
    // A second later, without preserve-log: the first page's and the second's calls go.
    m.preserveLog = false;
    now += 1000;
    reload(3);
    expect(m.store.size).toBe(0);
    now += 100;
    net.finish(harEntry(`${API}/c`, { at: now }));
    expect(m.store.all().map((e) => e.view.path)).toEqual(['/c']);
  });

  it('bodies are fetched once, on demand, and Clear empties the list and the worker’s record', async () => {
    const net = fakeNetwork();
    const f = fakeClient();
    const m = new InspectorModel({ client: f.client, tabId: TAB, network: net.host });
    m.start();
    await flush();
    net.finish(harEntry(`${API}/a`), 'hello');
    expect(net.contentCalls).toBe(0);
    const e = m.store.all()[0]!;
    await m.body(e);
    await m.body(e);
    expect(net.contentCalls).toBe(1);
    expect(m.bodies.peekLower(e.id)).toBe('hello');
    m.clear();
    expect(m.store.size).toBe(0);
    expect(m.bodies.size).toBe(0);
    expect(f.callsOf('capture.clear')).toHaveLength(1);
  });

  it('a body DevTools cannot give is a sentence, not a throw', async () => {
    const net = fakeNetwork();
    const m = new InspectorModel({ client: fakeClient().client, tabId: TAB, network: net.host });
    m.start();
    net.finish(harEntry(`${API}/a`), null);
    expect(await m.body(m.store.all()[0]!)).toEqual({ ok: false, why: expect.stringMatching(/no body/) });
  });
});
