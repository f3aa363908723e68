/**
 * The panel for one inspected tab, laid out as a DevTools workspace: the toolbar row, then the
 * request list with the detail beside it when wide and below it when narrow; the Auth pane
 * (target, session login, Basic, cookies) one click from the identity chip. Permission banner
 * and the one notice sit under the toolbar, where they are seen whatever pane is open.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { TabId } from '../shared/domain';
import { compileFilter, parseFilter } from '../shared/filter/filter';
import { apiHref } from '../shared/ez/links';
import { mediaType } from '../shared/ez/media-types';
import { AuthPane } from './auth/AuthPane';
import { PermissionBanner } from './auth/PermissionBanner';
import type { HostPermissions, PanelClient } from './deps';
import { ErrorBoundary } from './ErrorBoundary';
import type { NetworkHost } from './host';
import { Detail } from './inspector/Detail';
import { RequestList } from './inspector/RequestList';
import { useInspector } from './inspector/useInspector';
import { useExplore } from './inspector/useExplore';
import { Notice } from './Notice';
import { Toolbar } from './Toolbar';
import { Spinner } from './ui';
import { usePanelState } from './usePanelState';
import { useStoredFlag } from './useStoredFlag';
import type { CapturedEntry } from '../shared/capture/entry';
import type { DetailView } from './inspector/useExplore';
import { ReplayPane } from './replay/ReplayPane';
import { HarButtons } from './HarButtons';
import { exportHar, importHar } from './har-files';

/** The extension's version, for the HAR creator (the manifest is the source; tests have none). */
const VERSION: string =
  (
    globalThis as { chrome?: { runtime?: { getManifest?: () => { version: string } } } }
  ).chrome?.runtime?.getManifest?.().version ?? 'dev';
import { useStoredNumber } from './useStoredNumber';
import { CAPACITIES, Settings } from './Settings';
import { DEFAULT_CAPACITY } from './inspector/store';

export interface AppProps {
  client: PanelClient;
  tabId: TabId;
  permissions: HostPermissions;
  /** DevTools' network log; null when the panel runs as a tab */
  network?: NetworkHost | null;
  /** open the Auth pane at start (`?pane=auth`) */
  initialPane?: 'auth' | null;
  /** how many entries the list keeps (the oldest go first); the user's setting when absent */
  capacity?: number;
}

/** The app inside its error boundary: what main.tsx mounts. */
export function Panel(props: AppProps) {
  return (
    <ErrorBoundary>
      <App {...props} />
    </ErrorBoundary>
  );
}

export const declinedMessage = (origin: string): string =>
  `Permission to reach ${origin} was declined; the panel can't talk to this API until you allow it.`;

export function App({ client, tabId, permissions, network = null, initialPane = null, capacity }: AppProps) {
  const api = usePanelState(client, tabId);
  const { state } = api;
  const target = state?.target ?? null;
  const [granting, setGranting] = useState(false);
  const [authOpen, setAuthOpen] = useState(initialPane === 'auth');
  const [storedCapacity, setCapacity] = useStoredNumber('capacity', DEFAULT_CAPACITY, CAPACITIES);
  const { model, version } = useInspector(client, tabId, network, capacity ?? storedCapacity);
  const explore = useExplore(api);
  const [filter, setFilter] = useState('');
  const [preserveLog, setPreserveLog] = useStoredFlag('preserve-log', false);
  const [showAll, setShowAll] = useStoredFlag('show-all-xhr', false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [replay, setReplay] = useState<{
    original: CapturedEntry | null;
    start?: { url: string; accept: string };
  } | null>(null);
  const [exportSecrets, setExportSecrets] = useStoredFlag('export-secrets', false);
  const filterRef = useRef<HTMLInputElement>(null);
  model.preserveLog = preserveLog;

  // Filtered in the keystroke's own render: even 100,000 entries take a few ms (plain fields,
  // see shared/capture/entry.ts), and deferring it cost a frame of latency on every key.
  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const visible = useMemo(
    () => {
      // Loaded bodies are searched too, but only when a free-text term could hit one.
      const bodies = model.bodies.size > 0 && parsed.terms.some((t) => t.kind === 'text') ? model.bodies : null;
      const pass = compileFilter(parsed);
      return model.store.all().filter((e) => (showAll || e.view.isRest) && pass(e, bodies?.peekLower(e.id)));
    },
    // `version` stands for the store's content, which changes in place
    [model, version, parsed, showAll],
  );

  // `/` focuses the filter from anywhere but a text field, as in DevTools.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const t = e.target as HTMLElement | null;
      if (
        e.key !== '/' ||
        t instanceof HTMLInputElement ||
        t instanceof HTMLTextAreaElement ||
        t instanceof HTMLSelectElement
      )
        return;
      e.preventDefault();
      filterRef.current?.focus();
      filterRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const openEntry = explore.open;
  const select = useCallback(
    (id: string, open: boolean) => {
      setSelectedId(id);
      const e = model.store.get(id);
      if (open && e !== undefined) {
        openEntry(e);
        setAuthOpen(false);
        setReplay(null);
      }
    },
    [model, openEntry],
  );
  const grant = (origin: string): void => {
    // Called straight from the click: the browser only prompts during the user gesture.
    const asked = permissions.request(origin);
    setGranting(true);
    void asked
      .then(
        async (granted) => {
          if (granted) await api.act('target.detect', {});
          else api.say({ level: 'warning', message: declinedMessage(origin) });
        },
        (e: unknown) =>
          api.say({
            level: 'error',
            message: `Could not ask for access to ${origin}: ${e instanceof Error ? e.message : String(e)}`,
          }),
      )
      .finally(() => setGranting(false));
  };
  const openRoot =
    target === null || api.tabClosed
      ? null
      : () => {
          setAuthOpen(false);
          explore.follow(`${target.origin}${apiHref(target.prefix, '/')}`, mediaType('Root', 'json', target.vendor), {
            identity: { kind: 'jar' },
            label: "the page's cookies",
          });
        };
  const reveal = async (workerId: string, header: string): Promise<string | null> =>
    (await api.call('capture.reveal', { id: workerId, header }, { background: true }))?.value ?? null;

  const idle = api.tabClosed ? 'The inspected tab was closed: nobody to check.' : undefined;
  const toolbar = (
    <Toolbar
      state={api.tabClosed ? null : state}
      idle={idle}
      authOpen={authOpen}
      onToggleAuth={() => setAuthOpen((o) => !o)}
      filter={filter}
      onFilter={setFilter}
      filterRef={filterRef}
      preserveLog={preserveLog}
      onPreserveLog={setPreserveLog}
      showAll={showAll}
      onShowAll={setShowAll}
      onClear={() => {
        model.clear();
        setSelectedId(null);
      }}
      onRoot={openRoot}
      shown={visible.length}
      total={model.store.size}
      dropped={model.store.dropped}
      problems={parsed.problems}
      end={
        <Settings
          capacity={capacity ?? storedCapacity}
          onCapacity={setCapacity}
          exportSecrets={exportSecrets}
          onExportSecrets={setExportSecrets}
        />
      }
      files={
        <HarButtons
          onNew={
            target === null
              ? null
              : () => {
                  setAuthOpen(false);
                  setReplay({ original: null });
                }
          }
          onExport={() =>
            void exportHar(model, visible, exportSecrets, VERSION).then((message) =>
              api.say({ level: 'info', message }),
            )
          }
          onImport={(file) => void importHar(model, file).then((n) => api.say(n))}
          count={visible.length}
        />
      }
    />
  );

  if (api.tabClosed) {
    return (
      <div className="panel">
        {toolbar}
        <div className="empty" data-testid="tab-closed">
          <h2>The inspected tab was closed.</h2>
          <p>Close DevTools and open it again on the tab you want to inspect.</p>
        </div>
      </div>
    );
  }

  const ready = state !== null;
  const openReplay = (view: DetailView): void =>
    setReplay(
      view.kind === 'entry'
        ? { original: view.entry }
        : { original: null, start: { url: view.url, accept: view.accept } },
    );
  const side = authOpen ? (
    <AuthPane api={api} onClose={() => setAuthOpen(false)} />
  ) : replay !== null ? (
    <ReplayPane
      key={replay.original?.id ?? `new:${replay.start?.url ?? ''}`}
      api={api}
      model={model}
      state={state}
      original={replay.original}
      start={replay.start}
      onClose={() => setReplay(null)}
      onFollow={(t) => {
        setReplay(null);
        explore.follow(t.url, t.accept, { identity: { kind: 'jar' }, label: "the page's cookies" });
      }}
    />
  ) : explore.view !== null ? (
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
          onClick={() => openReplay(view)}
          title="Send it again, as is, edited, or as someone else"
        >
          Replay
        </button>
      )}
    />
  ) : null;
  return (
    <div className="panel">
      {toolbar}
      <div className="banners">
        {ready && state.hostPermission === 'missing' && target !== null && (
          <PermissionBanner origin={target.origin} busy={granting} onGrant={() => grant(target.origin)} />
        )}
        <Notice notice={api.notice} onDismiss={api.dismiss} />
        {api.loadFailed && (
          <div>
            <button type="button" data-testid="retry" onClick={api.reload}>
              Try again
            </button>
          </div>
        )}
        {!ready && !api.loadFailed && (
          <p className="muted loading">
            <Spinner /> Loading the tab's state…
          </p>
        )}
      </div>
      <main className={`workspace${side !== null ? ' with-side' : ''}`}>
        <RequestList
          entries={visible}
          selectedId={selectedId}
          openId={explore.view?.kind === 'entry' ? explore.view.entry.id : null}
          onSelect={select}
          empty={emptyText(model.store.size, filter, network !== null)}
          filter={filter}
        />
        {side !== null && <div className="side">{side}</div>}
      </main>
    </div>
  );
}

function emptyText(total: number, filter: string, devtools: boolean): string {
  if (total > 0)
    return filter.trim() !== ''
      ? 'No request matches the filter.'
      : 'No REST call yet (tick "All XHR" to see the others).';
  return devtools
    ? 'No REST call yet. Use the page: its API calls appear here, with what auth each carried.'
    : 'No REST call yet. Calls the page makes appear here (bodies need the panel inside DevTools).';
}
