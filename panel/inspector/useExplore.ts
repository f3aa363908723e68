/**
 * What the detail pane shows, with back and forward: a captured entry, or the answer to a link
 * the user followed (`explore.get`, sent by the worker as the identity the original ran as).
 * Opening a row starts a new history; following a link pushes onto it (dropping the forward part).
 */
import { useCallback, useRef, useState } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import type { ExploreAnswer, SendIdentity } from '../../shared/domain/send';
import type { PanelApi } from '../usePanelState';

export type DetailView =
  | { kind: 'entry'; entry: CapturedEntry }
  | {
      kind: 'answer';
      /** unique per view: effects key on it */
      key: number;
      url: string;
      accept: string;
      identity: SendIdentity;
      /** in words, for the header: "as captured", "the page's cookies" */
      identityLabel: string;
      answer: ExploreAnswer | null;
      error: string | null;
    };

export interface Explore {
  view: DetailView | null;
  canBack: boolean;
  canForward: boolean;
  open(entry: CapturedEntry): void;
  follow(url: string, accept: string, identity?: { identity: SendIdentity; label: string }): void;
  back(): void;
  forward(): void;
  close(): void;
}

/** The identity a link of this view is followed as: the one the original request ran as. */
export function identityOf(view: DetailView | null): { identity: SendIdentity; label: string } {
  if (view === null) return { identity: { kind: 'jar' }, label: "the page's cookies" };
  if (view.kind === 'answer') return { identity: view.identity, label: view.identityLabel };
  const e = view.entry;
  if (e.workerId !== null)
    return { identity: { kind: 'as-captured', id: e.workerId }, label: `as captured (${e.view.badge.label})` };
  return e.auth.scheme === 'none'
    ? { identity: { kind: 'anonymous' }, label: 'anonymous (as captured)' }
    : { identity: { kind: 'jar' }, label: "the page's cookies" };
}

export function useExplore(api: Pick<PanelApi, 'call'>): Explore {
  // `call` is stable; the `api` object is new on every render.
  const { call } = api;
  const [h, setH] = useState<{ stack: DetailView[]; index: number }>({ stack: [], index: -1 });
  const seq = useRef(0);
  const view = h.stack[h.index] ?? null;

  const open = useCallback((entry: CapturedEntry) => setH({ stack: [{ kind: 'entry', entry }], index: 0 }), []);

  // The current history, readable in callbacks without making them change on every step.
  const current = useRef(h);
  current.current = h;

  const follow = useCallback(
    (url: string, accept: string, who?: { identity: SendIdentity; label: string }) => {
      const key = ++seq.current;
      const cur = current.current;
      const { identity, label } = who ?? identityOf(cur.stack[cur.index] ?? null);
      const next: DetailView = {
        kind: 'answer',
        key,
        url,
        accept,
        identity,
        identityLabel: label,
        answer: null,
        error: null,
      };
      setH((c) => {
        const stack = [...c.stack.slice(0, c.index + 1), next].slice(-50);
        return { stack, index: stack.length - 1 };
      });
      void call('explore.get', { url, accept, identity }, { key: 'explore.get', background: true }).then((answer) =>
        setH((now) => ({
          ...now,
          stack: now.stack.map((v) =>
            v.kind === 'answer' && v.key === key
              ? {
                  ...v,
                  ...(answer === null ? { error: 'The request could not be sent (see the notice).' } : { answer }),
                }
              : v,
          ),
        })),
      );
    },
    [call],
  );

  return {
    view,
    canBack: h.index > 0,
    canForward: h.index < h.stack.length - 1,
    open,
    follow,
    back: useCallback(() => setH((c) => ({ ...c, index: Math.max(0, c.index - 1) })), []),
    forward: useCallback(() => setH((c) => ({ ...c, index: Math.min(c.stack.length - 1, c.index + 1) })), []),
    close: useCallback(() => setH({ stack: [], index: -1 }), []),
  };
}
