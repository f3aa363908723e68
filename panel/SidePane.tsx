/**
 * The pane beside (or below) the list: the Auth pane when opened from the identity chip, else a
 * replay or new request, else the detail of the entry or answer shown. One at a time.
 */
import type { CapturedEntry } from '../shared/capture/entry';
import { entryFromReplay } from '../shared/capture/from-replay';
import { AuthPane } from './auth/AuthPane';
import { Detail } from './inspector/Detail';
import type { InspectorModel } from './inspector/model';
import type { DetailView, Explore } from './inspector/useExplore';
import { ReplayPane } from './replay/ReplayPane';
import type { PanelApi } from './usePanelState';

/** What is replayed: a captured entry, or a new request (from nothing, or from a followed link's URL). */
export interface ReplayTarget {
  original: CapturedEntry | null;
  start?: { url: string; accept: string };
}

interface Props {
  api: PanelApi;
  model: InspectorModel;
  explore: Explore;
  authOpen: boolean;
  onCloseAuth: () => void;
  replay: ReplayTarget | null;
  onReplay: (r: ReplayTarget | null) => void;
}

export function SidePane({ api, model, explore, authOpen, onCloseAuth, replay, onReplay }: Props) {
  const state = api.state;
  if (authOpen) return <AuthPane api={api} onClose={onCloseAuth} />;
  if (replay !== null) {
    return (
      <ReplayPane
        key={replay.original?.id ?? `new:${replay.start?.url ?? ''}`}
        api={api}
        model={model}
        state={state}
        original={replay.original}
        start={replay.start}
        onClose={() => onReplay(null)}
        onFollow={(t) => {
          onReplay(null);
          explore.follow(t.url, t.accept, { identity: { kind: 'jar' }, label: "the page's cookies" });
        }}
      />
    );
  }
  if (explore.view === null) return null;
  const reveal = async (workerId: string, header: string): Promise<string | null> =>
    (await api.call('capture.reveal', { id: workerId, header }, { background: true }))?.value ?? null;
  // An answer reached by a link is replayed against itself: as an entry (not listed) to diff with.
  const replayOf = (view: DetailView): ReplayTarget => {
    if (view.kind === 'entry') return { original: view.entry };
    if (view.answer === null) return { original: null, start: { url: view.url, accept: view.accept } };
    const asIfReplayed = {
      ...view.answer,
      method: 'GET',
      identity: view.identityLabel,
      csrf: 'none',
      from: 'worker',
    } as const;
    return {
      original: entryFromReplay(asIfReplayed, `a:${view.key}`, { body: null, contentType: null }, null, Date.now()),
    };
  };
  return (
    <Detail
      explore={explore}
      model={model}
      state={state}
      reveal={reveal}
      actions={(view) => (
        <button
          type="button"
          className="small"
          data-testid="replay"
          onClick={() => onReplay(replayOf(view))}
          title="Send it again, as is, edited, or as someone else"
        >
          Replay
        </button>
      )}
    />
  );
}
