import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRequestEnvelope, makeEvent } from '../protocol';
import { asTabId, ok } from '../domain';
import type { AuthState } from '../domain';
import { createClient } from './client';
import type { PortLike, RuntimeLike } from './runtime';

const state = (tabId: number, busy = false): AuthState => ({ tabId: asTabId(tabId), revision: 1, busy }) as AuthState;

/** A runtime whose ports the test can push events into and disconnect (a dying worker). */
function fakeRuntime(answer: (msg: unknown) => Promise<unknown>) {
  const ports: { port: PortLike; emit(m: unknown): void; drop(): void; closed: boolean }[] = [];
  const runtime: RuntimeLike = {
    sendMessage: answer,
    connect({ name }) {
      const onMsg: ((m: unknown) => void)[] = [];
      const onDisc: (() => void)[] = [];
      const entry = {
        closed: false,
        port: {
          name,
          postMessage: () => undefined,
          disconnect: () => {
            entry.closed = true;
          },
          onMessage: { addListener: (cb: (m: unknown) => void) => void onMsg.push(cb) },
          onDisconnect: { addListener: (cb: () => void) => void onDisc.push(cb) },
        },
        emit: (m: unknown) => onMsg.forEach((cb) => cb(m)),
        drop: () => onDisc.forEach((cb) => cb()),
      };
      ports.push(entry);
      return entry.port;
    },
  };
  return { runtime, ports };
}

afterEach(() => vi.useRealTimers());

describe('createClient().request', () => {
  it('sends a guarded envelope and returns the Result', async () => {
    const seen: unknown[] = [];
    const { runtime } = fakeRuntime(async (m) => {
      seen.push(m);
      return ok(state(5));
    });
    const r = await createClient({ runtime }).request('state.get', { tabId: asTabId(5) });
    expect(r).toEqual(ok(state(5)));
    expect(isRequestEnvelope(seen[0])).toBe(true);
  });

  it('gives a timeout Result when the worker never answers', async () => {
    vi.useFakeTimers();
    const { runtime } = fakeRuntime(() => new Promise(() => undefined));
    const pending = createClient({ runtime, timeoutMs: 2000 }).request('state.get', { tabId: asTabId(1) });
    await vi.advanceTimersByTimeAsync(2001);
    const r = await pending;
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('timeout');
      expect(r.error.message).toContain('within 2 s');
    }
  });

  it.each([
    ['no receiver', new Error('Could not establish connection. Receiving end does not exist.'), /not answering/],
    ['reloaded extension', new Error('Extension context invalidated.'), /reloaded/],
    // the worker was stopped while handling the request (Chrome, then Firefox wording)
    [
      'worker stopped mid-request',
      new Error(
        'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received',
      ),
      /stopped before it answered/,
    ],
    ['port closed', new Error('The message port closed before a response was received.'), /stopped before it answered/],
    ['Firefox event page unloaded', new Error('Message manager disconnected'), /stopped before it answered/],
    ['anything else', 'boom', /Could not reach the extension background: boom/],
  ])('turns a transport failure (%s) into a readable error', async (_l, thrown, text) => {
    const { runtime } = fakeRuntime(() => Promise.reject(thrown));
    const r = await createClient({ runtime }).request('state.get', { tabId: asTabId(1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(text);
  });

  it('rejects an answer that is not a Result', async () => {
    const { runtime } = fakeRuntime(async () => undefined);
    const r = await createClient({ runtime }).request('state.get', { tabId: asTabId(1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('internal');
  });
});

describe('createClient().subscribe', () => {
  /** What the panel does with a subscription: fetch the state on every (re)connect, take pushed states. */
  const follow = (client: ReturnType<typeof createClient>, tabId: number, got: AuthState[]) =>
    client.subscribe(asTabId(tabId), {
      onConnect: () =>
        void client.request('state.get', { tabId: asTabId(tabId) }).then((r) => r.ok && got.push(r.value)),
      onEvent: (e) => {
        if (e.name === 'state.changed') got.push(e.payload);
      },
    });

  it('calls onConnect on connecting, then delivers pushed events for its tab only', async () => {
    const { runtime, ports } = fakeRuntime(async () => ok(state(9)));
    const got: AuthState[] = [];
    const unsubscribe = follow(createClient({ runtime }), 9, got);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    expect(ports[0]?.port.name).toBe('panel:9');
    ports[0]?.emit(makeEvent('state.changed', state(9, true)));
    ports[0]?.emit(makeEvent('state.changed', state(8, true)));
    ports[0]?.emit({ junk: true });
    expect(got).toEqual([state(9), state(9, true)]);
    unsubscribe();
    expect(ports[0]?.closed).toBe(true);
  });

  it('reconnects when the worker dies and calls onConnect again (the state is fetched again)', async () => {
    let n = 0;
    const { runtime, ports } = fakeRuntime(async () => ok(state(2, n++ > 0)));
    const got: AuthState[] = [];
    const unsubscribe = follow(createClient({ runtime, reconnectDelayMs: 5 }), 2, got);
    await vi.waitFor(() => expect(got).toHaveLength(1));
    ports[0]?.drop();
    await vi.waitFor(() => expect(ports).toHaveLength(2));
    await vi.waitFor(() => expect(got).toEqual([state(2, false), state(2, true)]));
    unsubscribe();
    ports[1]?.drop();
    await new Promise((r) => setTimeout(r, 30));
    expect(ports).toHaveLength(2); // no reconnect after unsubscribe
  });
});
