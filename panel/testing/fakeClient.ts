/**
 * An in-memory ProtocolClient for component tests: records every request, answers from per-name
 * handlers (default: the current state), and lets a test push `state.changed` events.
 */
import { asOrigin, asTabId, ok } from '../../shared/domain';
import { EZP3 } from '../../shared/ez/flavours';
import type { AnyEvent, ParamsOf, RequestName, ResultOf } from '../../shared/protocol';
import type { AuthState, Result, TabId } from '../../shared/domain';
import type { EventListener } from '../../shared/messaging/client';
import type { PanelClient } from '../deps';

export type Handlers = {
  [N in RequestName]?: (params: ParamsOf<N>) => Result<ResultOf<N>> | Promise<Result<ResultOf<N>>>;
};

export interface FakeClient {
  client: PanelClient;
  calls: Array<{ name: RequestName; params: Record<string, unknown> }>;
  callsOf(name: RequestName): Array<Record<string, unknown>>;
  /** push a state.changed event to every subscriber */
  push(state: AuthState): void;
  /** push any event to every subscriber */
  emit(event: AnyEvent): void;
  subscribers(): number;
}

export const TAB: TabId = asTabId(7);

export function baseState(over: Partial<AuthState> = {}): AuthState {
  return {
    tabId: TAB,
    revision: 1,
    pageUrl: 'http://127.0.0.1:8080/',
    target: {
      origin: asOrigin('http://127.0.0.1:8080'),
      prefix: EZP3.prefix,
      vendor: EZP3.vendor,
      siteAccess: null,
      source: 'detected',
    },
    hostPermission: 'granted',
    panelSession: null,
    pageSession: null,
    basic: null,
    identity: { kind: 'anonymous', via: 'none', user: null, checkedAt: 0, problem: null },
    notice: null,
    busy: false,
    ...over,
  };
}

export function fakeClient(initial: AuthState = baseState(), handlers: Handlers = {}): FakeClient {
  const calls: FakeClient['calls'] = [];
  const listeners = new Set<EventListener>();
  const client: PanelClient = {
    async request<N extends RequestName>(name: N, params: ParamsOf<N>): Promise<Result<ResultOf<N>>> {
      calls.push({ name, params: { ...(params as Record<string, unknown>) } });
      const handler = handlers[name] as
        ((p: ParamsOf<N>) => Result<ResultOf<N>> | Promise<Result<ResultOf<N>>>) | undefined;
      if (handler) return handler(params);
      if (name === 'cookies.list') return ok([]) as Result<ResultOf<N>>;
      if (name === 'cookies.reveal') return ok({ value: 'revealed' }) as Result<ResultOf<N>>;
      if (name === 'capture.list') return ok({ page: 0, dropped: 0, entries: [] }) as Result<ResultOf<N>>;
      if (name === 'capture.clear') return ok({ cleared: true }) as Result<ResultOf<N>>;
      return ok(initial) as Result<ResultOf<N>>;
    },
    subscribe(_tabId, listener) {
      listeners.add(listener);
      listener.onConnect();
      return () => listeners.delete(listener);
    },
  };
  return {
    client,
    calls,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.params),
    push: (s) => listeners.forEach((l) => l.onEvent({ name: 'state.changed', payload: s })),
    emit: (e) => listeners.forEach((l) => l.onEvent(e)),
    subscribers: () => listeners.size,
  };
}
