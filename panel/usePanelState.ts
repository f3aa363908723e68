/**
 * The hook that owns the client conversation for one tab: the latest AuthState (from `state.get`
 * and `state.changed`), which actions are in flight, and the panel's own notice (request errors,
 * local validation). Components get plain values and `act` / `call`, never the client itself.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthState, Notice, ParamsOf, RequestName, ResultOf, TabId } from '../shared/protocol';
import type { PanelClient } from './deps';
import { errorNotice } from './describe';

/** The requests whose answer is a fresh AuthState. */
export type StateRequest = { [N in RequestName]: ResultOf<N> extends AuthState ? N : never }[RequestName];
/** Params without the tab id: the hook adds it, components never handle tab ids. */
export type ParamsNoTab<N extends RequestName> = Omit<ParamsOf<N>, 'tabId'>;

export interface CallOptions {
  /** names the action for busy tracking; defaults to the request name */
  key?: string;
  /**
   * Not started by the user (e.g. the cookie list reloading after a login): its success must not
   * wipe the notice of the user's last action, such as a failed login.
   */
  background?: boolean;
}

export interface PanelApi {
  state: AuthState | null;
  /** set when `state.get` itself failed (not for a closed tab) */
  loadFailed: boolean;
  tabClosed: boolean;
  /** the panel's own notice: the last request error or local message */
  notice: Notice | null;
  pending: ReadonlySet<string>;
  isPending(key: string): boolean;
  /** Run a request that answers with AuthState; the state is replaced on success. */
  act<N extends StateRequest>(name: N, params: ParamsNoTab<N>): Promise<boolean>;
  /** Run any request; its error, if any, becomes the notice. */
  call<N extends RequestName>(name: N, params: ParamsNoTab<N>, opts?: CallOptions): Promise<ResultOf<N> | null>;
  say(notice: Notice | null): void;
  reload(): void;
}

export function usePanelState(client: PanelClient, tabId: TabId): PanelApi {
  const [state, setState] = useState<AuthState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [noTab, setNoTab] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const live = useRef(true);
  // The highest revision applied for this tab. Answers and pushes travel on different channels
  // and may overtake each other; the revision says which is newer (see AuthState.revision).
  const newest = useRef<{ tabId: TabId; revision: number } | null>(null);
  // The notice of a failed first state.get (e.g. a timeout while a slow server was probed): it
  // is about the load, so it goes when a state arrives after all (the push at the end of that same
  // work usually does), instead of staying next to the loaded state.
  const loadError = useRef<Notice | null>(null);

  /** Apply a state unless a newer one for the same tab is already shown. */
  const apply = useCallback(
    (s: AuthState): boolean => {
      // The client filters pushes by tab already; a state of another tab must never be rendered.
      if (s.tabId !== tabId) return false;
      const seen = newest.current;
      if (seen !== null && seen.tabId === tabId && s.revision < seen.revision) return false;
      newest.current = { tabId, revision: s.revision };
      setState(s);
      setLoadFailed(false);
      const stale = loadError.current;
      if (stale !== null) {
        loadError.current = null;
        setNotice((n) => (n === stale ? null : n));
      }
      return true;
    },
    [tabId],
  );

  useEffect(() => {
    live.current = true;
    const unsubscribe = client.subscribe(tabId, (s) => {
      if (live.current) apply(s);
    });
    void client.request('state.get', { tabId }).then((r) => {
      if (!live.current) return;
      if (r.ok) {
        apply(r.value);
      } else if (r.error.code === 'no-tab') {
        setNoTab(true);
      } else if (newest.current?.tabId !== tabId) {
        // only when nothing was shown yet: a pushed state is better than an error page
        setLoadFailed(true);
        loadError.current = errorNotice(r.error);
        setNotice(loadError.current);
      }
    });
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [client, tabId, generation, apply]);

  const track = useCallback((key: string, on: boolean) => {
    setPending((prev) => {
      const next = new Set(prev);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const call = useCallback(
    async <N extends RequestName>(name: N, params: ParamsNoTab<N>, opts: CallOptions = {}) => {
      const key = opts.key ?? name;
      track(key, true);
      // The Omit above cannot be re-joined generically; adding tabId back restores ParamsOf<N>.
      const r = await client.request(name, { ...params, tabId } as ParamsOf<N>);
      if (!live.current) return null;
      track(key, false);
      if (r.ok) {
        if (opts.background !== true) setNotice(null);
        return r.value;
      }
      if (r.error.code === 'no-tab') setNoTab(true);
      setNotice(errorNotice(r.error));
      return null;
    },
    [client, tabId, track],
  );

  const act = useCallback(
    async <N extends StateRequest>(name: N, params: ParamsNoTab<N>) => {
      const value = await call(name, params);
      if (value === null) return false;
      // An older answer than what a push already showed is still a success for the caller.
      apply(value as AuthState);
      return true;
    },
    [call, apply],
  );

  const reload = useCallback(() => {
    setLoadFailed(false);
    setNotice(null);
    setGeneration((g) => g + 1);
  }, []);

  const isPending = useCallback((key: string) => pending.has(key), [pending]);
  const tabClosed = noTab || (state !== null && state.pageUrl === null);
  return { state, loadFailed, tabClosed, notice, pending, isPending, act, call, say: setNotice, reload };
}
