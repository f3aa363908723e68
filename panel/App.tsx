/**
 * The panel for one inspected tab, laid out as a DevTools workspace: the toolbar row, then the
 * request list with the detail beside it when wide and below it when narrow; the Auth pane
 * (target, session login, Basic, cookies) one click from the identity chip. Permission banner
 * and the one notice sit under the toolbar, where they are seen whatever pane is open.
 */
import { useCallback, useRef, useState } from 'react';
import type { TabId } from '../shared/domain';
import { apiHref } from '../shared/ez/links';
import { mediaType } from '../shared/ez/media-types';
import type { HostPermissions, PanelClient } from './deps';
import { ErrorBoundary } from './ErrorBoundary';
import type { NetworkHost } from './host';
import { RequestList, emptyText } from './inspector/RequestList';
import { useInspector } from './inspector/useInspector';
import { useExplore } from './inspector/useExplore';
import { Banners } from './Banners';
import { Toolbar } from './Toolbar';
import { usePanelState } from './usePanelState';
import { useStoredFlag } from './useStoredFlag';
import { useGrant } from './useGrant';
import { useSlashFocus } from './useKeys';
import { useVisibleEntries } from './inspector/useVisibleEntries';
import { SidePane, type ReplayTarget } from './SidePane';
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

export { declinedMessage } from './useGrant';

export function App({ client, tabId, permissions, network = null, initialPane = null, capacity }: AppProps) {
  const api = usePanelState(client, tabId);
  const { state } = api;
  const target = state?.target ?? null;
  const { granting, grant } = useGrant(permissions, api);
  const [authOpen, setAuthOpen] = useState(initialPane === 'auth');
  const [storedCapacity, setCapacity] = useStoredNumber('capacity', DEFAULT_CAPACITY, CAPACITIES);
  const { model, version } = useInspector(client, tabId, network, capacity ?? storedCapacity);
  const explore = useExplore(api);
  const [filter, setFilter] = useState('');
  const [preserveLog, setPreserveLog] = useStoredFlag('preserve-log', false);
  const [showAll, setShowAll] = useStoredFlag('show-all-xhr', false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [replay, setReplay] = useState<ReplayTarget | null>(null);
  const [exportSecrets, setExportSecrets] = useStoredFlag('export-secrets', false);
  const filterRef = useRef<HTMLInputElement>(null);
  model.preserveLog = preserveLog;

  const { parsed, visible } = useVisibleEntries(model, version, filter, showAll);
  useSlashFocus(filterRef);

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

  const side =
    authOpen || replay !== null || explore.view !== null ? (
      <SidePane
        api={api}
        model={model}
        explore={explore}
        authOpen={authOpen}
        onCloseAuth={() => setAuthOpen(false)}
        replay={replay}
        onReplay={setReplay}
      />
    ) : null;
  return (
    <div className="panel">
      {toolbar}
      <Banners api={api} state={state} granting={granting} grant={grant} />
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
