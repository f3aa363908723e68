/**
 * Panel-side transport: typed requests to the background worker and a self-healing subscription
 * to its `state.changed` events. Every failure comes back as a `Result` error a user can read;
 * nothing here throws at the caller.
 */
import { REQUEST_TIMEOUT_MS, fail, isEventEnvelope, isResult, makeRequest, panelPortName } from '../protocol';
import type { AuthState, ParamsOf, RequestName, Result, ResultOf, TabId } from '../protocol';
import type { PortLike, RuntimeLike } from './runtime';
import { extensionRuntime } from '../../extension/platform/runtime';

export interface ProtocolClient {
  request<N extends RequestName>(name: N, params: ParamsOf<N>): Promise<Result<ResultOf<N>>>;
  /**
   * Push updates for one tab. Calls `onState` with a fresh `state.get` right after connecting and
   * after every reconnect (the worker may have died and lost nothing but the port), then with
   * every `state.changed`. Returns the unsubscribe function.
   */
  subscribe(tabId: TabId, onState: (s: AuthState) => void): () => void;
}

export interface ClientOptions {
  timeoutMs?: number;
  /** injected by tests; the extension's own `runtime` otherwise */
  runtime?: RuntimeLike;
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

export function createClient(opts: ClientOptions = {}): ProtocolClient {
  const timeoutMs = opts.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const baseDelay = opts.reconnectDelayMs ?? 200;
  const runtime = (): RuntimeLike => opts.runtime ?? extensionRuntime();

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
        const answer = await runtime().sendMessage(makeRequest(name, params, nextId()));
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

  function subscribe(tabId: TabId, onState: (s: AuthState) => void): () => void {
    let closed = false;
    let port: PortLike | null = null;
    let failures = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const refetch = async (): Promise<void> => {
      const r = await request('state.get', { tabId });
      if (r.ok) failures = 0;
      if (!closed && r.ok) onState(r.value);
    };

    const open = (): void => {
      if (closed) return;
      try {
        port = runtime().connect({ name: panelPortName(tabId) });
      } catch {
        scheduleReconnect();
        return;
      }
      port.onMessage.addListener((m) => {
        failures = 0;
        if (!closed && isEventEnvelope(m) && m.payload.tabId === tabId) onState(m.payload);
      });
      // The worker was stopped (MV3 idle) or restarted: open a new port, which wakes it.
      port.onDisconnect.addListener(() => {
        port = null;
        scheduleReconnect();
      });
      void refetch();
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
