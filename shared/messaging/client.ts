/**
 * Panel-side transport: typed requests to the background worker and a self-healing subscription
 * to its pushed events. Every failure comes back as a `Result` error a user can read; nothing
 * here throws at the caller. The runtime is handed in (extension/platform/runtime.ts in the
 * product, an in-memory fake in tests), so this folder knows no browser.
 */
import { REQUEST_TIMEOUT_MS, isEventEnvelope, isResult, makeRequest, panelPortName } from '../protocol';
import { fail } from '../domain';
import type { AnyEvent, ParamsOf, RequestName, ResultOf } from '../protocol';
import type { Result, TabId } from '../domain';
import type { PortLike, RuntimeLike } from './runtime';

export interface ProtocolClient {
  request<N extends RequestName>(name: N, params: ParamsOf<N>): Promise<Result<ResultOf<N>>>;
  /**
   * Pushed events for one tab. `onConnect` runs right after connecting and after every reconnect
   * (the worker may have died and lost nothing but the port, and events sent meanwhile are
   * gone): the place to fetch the current state. Returns the unsubscribe function.
   */
  subscribe(tabId: TabId, listener: EventListener): () => void;
}

export interface EventListener {
  onEvent(event: AnyEvent): void;
  onConnect(): void;
}

export interface ClientOptions {
  /** the extension's `runtime` (extension/platform/runtime.ts), or a fake in tests */
  runtime: RuntimeLike;
  timeoutMs?: number;
  /** delay before re-opening a dropped port; grows up to 8x on repeated failures */
  reconnectDelayMs?: number;
}

let counter = 0;
const nextId = (): string => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

/** Turn whatever `sendMessage` rejected with into a sentence (Chrome's wording is cryptic). */
function describeTransportError(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  if (/Receiving end does not exist|Could not establish connection/i.test(raw)) {
    return 'The extension background is not answering (it may be restarting). Try again.';
  }
  if (/message channel closed|message port closed|Message manager disconnected|went out of scope/i.test(raw)) {
    // The worker died (MV3 kill, crash) or the event page unloaded while handling the request: the
    // action may or may not have happened; the pushed state says which once the worker is back.
    return 'The extension background stopped before it answered; the action may not have finished. Check the state and try again.';
  }
  if (/context invalidated/i.test(raw)) {
    return 'The extension was reloaded or updated. Close and reopen this panel.';
  }
  return `Could not reach the extension background: ${raw}`;
}

export function createClient(opts: ClientOptions): ProtocolClient {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const baseDelay = opts.reconnectDelayMs ?? 200;
  const { runtime } = opts;

  async function request<N extends RequestName>(name: N, params: ParamsOf<N>): Promise<Result<ResultOf<N>>> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<Result<never>>((resolve) => {
      timer = setTimeout(
        () =>
          resolve(fail('timeout', `The extension did not answer "${name}" within ${Math.round(timeoutMs / 1000)} s.`)),
        timeoutMs,
      );
    });
    const call = (async (): Promise<Result<ResultOf<N>>> => {
      try {
        // sendMessage (not a port) because it wakes a stopped MV3 worker by itself.
        const answer = await runtime.sendMessage(makeRequest(name, params, nextId()));
        if (isResult(answer)) return answer as Result<ResultOf<N>>;
        return fail('internal', `The extension background sent an unexpected answer to "${name}".`);
      } catch (e) {
        return fail('internal', describeTransportError(e));
      }
    })();
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  function subscribe(tabId: TabId, listener: EventListener): () => void {
    let closed = false;
    let port: PortLike | null = null;
    let failures = 0;
    let openedAt = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const open = (): void => {
      if (closed) return;
      try {
        port = runtime.connect({ name: panelPortName(tabId) });
      } catch {
        scheduleReconnect();
        return;
      }
      openedAt = Date.now();
      port.onMessage.addListener((m) => {
        failures = 0;
        if (closed || !isEventEnvelope(m) || m.payload.tabId !== tabId) return;
        listener.onEvent({ name: m.name, payload: m.payload } as AnyEvent);
      });
      // The worker was stopped (MV3 idle) or restarted: open a new port, which wakes it.
      port.onDisconnect.addListener(() => {
        port = null;
        // A port that lived a while was not a failed attempt: start the backoff over.
        if (Date.now() - openedAt > 1000) failures = 0;
        scheduleReconnect();
      });
      listener.onConnect();
    };

    const scheduleReconnect = (): void => {
      if (closed) return;
      const delay = baseDelay * Math.min(8, 2 ** failures);
      failures++;
      retry = setTimeout(open, delay);
    };

    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      try {
        port?.disconnect();
      } catch {
        /* already gone */
      }
      port = null;
    };
  }

  return { request, subscribe };
}
