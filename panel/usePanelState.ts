/**
 * The hook that owns the client conversation for one tab: the latest AuthState (from `state.get`
 * on every (re)connect and from `state.changed`), which actions are in flight, and the ONE notice
 * on screen. Components get plain values and `act` / `call`, never the client itself.
 *
 * One message at a time: the worker's `state.notice` is the outcome of its last action; the
 * panel's own notice (a request that failed in transport, a local check) replaces it until the
 * worker says something new (a notice with another `at`). A notice that repeats what the status
 * line already says (the identity's problem) is not shown twice.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuthState, Notice, TabId } from '../shared/domain';
import type { ParamsOf, RequestName, ResultOf } from '../shared/protocol';
import type { PanelClient } from './deps';
import { errorNotice } from './describe';
import { useVisibilityRecheck } from './useVisibilityRecheck';

/** The requests whose answer is a fresh AuthState. */
export type StateRequest = { [N in RequestName]: ResultOf<N> extends AuthState ? N : never }[RequestName];
/** Params without the tab id: the hook adds it, components never handle tab ids. */
export type ParamsNoTab<N extends RequestName> = Omit<ParamsOf<N>, 'tabId'>;
/** What a component says: the hook stamps it. */
export type NoticeText = Omit<Notice, 'at'>;

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
  /** the one notice to show now, or null */
  notice: Notice | null;
  pending: ReadonlySet<string>;
  isPending(key: string): boolean;
  /** Run a request that answers with AuthState; the state is replaced on success. */
  act<N extends StateRequest>(name: N, params: ParamsNoTab<N>): Promise<boolean>;
  /** Run any request; its error, if any, becomes the notice. */
  call<N extends RequestName>(name: N, params: ParamsNoTab<N>, opts?: CallOptions): Promise<ResultOf<N> | null>;
  say(notice: NoticeText | null): void;
  /** The user closed the notice shown. */
  dismiss(): void;
  reload(): void;
}

interface Local {
  notice: Notice;
  /** the worker notice (its `at`) this one was said over: a newer worker notice replaces it */
  over: number | null;
}

/** The one notice: the panel's own unless the worker spoke since; never the status line's sentence again. */
export function visibleNotice(state: AuthState | null, local: Local | null, dismissedAt: number | null): Notice | null {
  const worker = state?.notice ?? null;
  const chosen = local !== null && (worker?.at ?? null) === local.over ? local.notice : worker;
  if (chosen === null || (chosen === worker && worker.at === dismissedAt)) return null;
  if (chosen.message === state?.identity?.problem) return null;
  return chosen;
}

export function usePanelState(client: PanelClient, tabId: TabId): PanelApi {
  const [state, setState] = useState<AuthState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [noTab, setNoTab] = useState(false);
  const [local, setLocal] = useState<Local | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [generation, setGeneration] = useState(0);
  const live = useRef(true);
  const workerAt = useRef<number | null>(null);
  // The highest revision applied for this tab. Answers and pushes travel on different channels
  // and may overtake each other; the revision says which is newer (see AuthState.revision).
  const newest = useRef<{ tabId: TabId; revision: number } | null>(null);
  // The notice of a failed first state.get (e.g. a timeout while a slow server was probed): it
  // is about the load, so it goes when a state arrives after all.
  const loadError = useRef<Notice | null>(null);

  const say = useCallback((n: NoticeText | null) => {
    setLocal(n === null ? null : { notice: { ...n, at: Date.now() }, over: workerAt.current });
  }, []);

  /** Apply a state unless a newer one for the same tab is already shown. */
  const apply = useCallback(
    (s: AuthState): boolean => {
      // The client filters pushes by tab already; a state of another tab must never be rendered.
      if (s.tabId !== tabId) return false;
      const seen = newest.current;
      if (seen !== null && seen.tabId === tabId && s.revision < seen.revision) return false;
      newest.current = { tabId, revision: s.revision };
      workerAt.current = s.notice?.at ?? null;
      setState(s);
      setLoadFailed(false);
      const stale = loadError.current;
      if (stale !== null) {
        loadError.current = null;
        setLocal((l) => (l?.notice === stale ? null : l));
      }
      return true;
    },
    [tabId],
  );

  useEffect(() => {
    live.current = true;
    const fetchState = (): void => {
      void client.request('state.get', { tabId }).then((r) => {
        if (!live.current) return;
        if (r.ok) {
          apply(r.value);
        } else if (r.error.code === 'no-tab') {
          setNoTab(true);
        } else if (newest.current?.tabId !== tabId) {
          // only when nothing was shown yet: a pushed state is better than an error page
          setLoadFailed(true);
          loadError.current = { ...errorNotice(r.error), at: Date.now() };
          setLocal({ notice: loadError.current, over: workerAt.current });
        }
      });
    };
    const unsubscribe = client.subscribe(tabId, {
      onConnect: fetchState,
      onEvent: (e) => {
        if (live.current && e.name === 'state.changed') apply(e.payload);
      },
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
        if (opts.background !== true) setLocal(null);
        return r.value;
      }
      if (r.error.code === 'no-tab') setNoTab(true);
      // A missing permission is said by the banner, with its button.
      if (r.error.code !== 'permission') say(errorNotice(r.error));
      return null;
    },
    [client, tabId, track, say],
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

  const notice = visibleNotice(state, local, dismissedAt);
  const dismiss = useCallback(() => {
    if (notice === null) return;
    if (local !== null && local.notice === notice) return setLocal(null);
    setDismissedAt(notice.at);
    void call('notice.dismiss', { at: notice.at }, { background: true });
  }, [notice, local, call]);

  const reload = useCallback(() => {
    setLoadFailed(false);
    setLocal(null);
    setGeneration((g) => g + 1);
  }, []);

  const tabClosed = noTab || (state !== null && state.pageUrl === null);
  // A stopped server is noticed when the panel comes back into view, without pressing Check.
  useVisibilityRecheck(state !== null && state.target !== null && !tabClosed, () =>
    call('identity.check', {}, { background: true }).then((s) => s !== null && apply(s)),
  );

  const isPending = useCallback((key: string) => pending.has(key), [pending]);
  return { state, loadFailed, tabClosed, notice, pending, isPending, act, call, say, dismiss, reload };
}
