/**
 * The ONLY file that touches `chrome.devtools`: the inspected tab, DevTools' network log, its theme.
 * Inside DevTools the inspected tab comes from `chrome.devtools.inspectedWindow.tabId`; opened as
 * a normal extension page (tests, power users) it comes from `?tabId=N`. Keeping this here lets the whole panel run outside DevTools.
 */
import { asTabId } from '../shared/domain';
import type { TabId } from '../shared/domain';

/** devtools.ts dispatches this on the panel's window each time DevTools shows the panel. */
export const PANEL_SHOWN_EVENT = 'ez-rest-devtools:shown';

export type InspectedTab = { ok: true; tabId: TabId; source: 'devtools' | 'url' } | { ok: false; message: string };

interface DevtoolsLike {
  inspectedWindow?: { tabId?: unknown };
}

/** `chrome.devtools` only exists in DevTools pages; elsewhere (or outside an extension) it is absent. */
function currentDevtools(): DevtoolsLike | undefined {
  const g = globalThis as { chrome?: { devtools?: DevtoolsLike } };
  return g.chrome?.devtools;
}

export function resolveInspectedTab(
  search: string = globalThis.location?.search ?? '',
  devtools: DevtoolsLike | undefined = currentDevtools(),
): InspectedTab {
  const fromDevtools = devtools?.inspectedWindow?.tabId;
  if (typeof fromDevtools === 'number' && Number.isInteger(fromDevtools) && fromDevtools >= 0) {
    return { ok: true, tabId: asTabId(fromDevtools), source: 'devtools' };
  }
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || raw === '') {
    return {
      ok: false,
      message:
        'This panel does not know which tab to inspect. Open it from the browser DevTools ' +
        '(the "eZ REST" tab), or add ?tabId=<id> to this page\'s address.',
    };
  }
  if (!/^\d+$/.test(raw)) {
    return { ok: false, message: `"?tabId=${raw}" is not a tab id: use a whole number such as ?tabId=42.` };
  }
  return { ok: true, tabId: asTabId(Number(raw)), source: 'url' };
}

// ---------------------------------------------------------------------------------------------
// DevTools' network log and theme (absent when the panel runs as a tab)
// ---------------------------------------------------------------------------------------------

/** A HAR entry DevTools recorded, with the way to its response body. */
export interface HarRecord {
  entry: unknown;
  getContent(): Promise<{ text: string | null; encoding: string | null }>;
}

export interface NetworkHost {
  /** what DevTools recorded before the panel was opened */
  getHAR(): Promise<HarRecord[]>;
  onRequestFinished(listener: (r: HarRecord) => void): () => void;
  onNavigated(listener: (url: string) => void): () => void;
}

type Callback<A extends unknown[]> = (...args: A) => void;
interface EventLike<A extends unknown[]> {
  addListener(cb: Callback<A>): void;
  removeListener(cb: Callback<A>): void;
}
interface RawRequest {
  getContent?: (cb: (content: string | null, encoding: string | null) => void) => void;
}
interface DevtoolsNetworkLike {
  getHAR(cb: (log: { entries?: unknown[] } | undefined) => void): void;
  onRequestFinished: EventLike<[RawRequest]>;
  onNavigated: EventLike<[string]>;
}

/**
 * Chrome and Firefox both give HAR entries whose `getContent(callback)` reads the body from
 * DevTools' own memory (nothing is re-requested). An entry without it (an old Firefox getHAR)
 * says so instead of failing later.
 */
function record(raw: RawRequest): HarRecord {
  return {
    entry: raw,
    getContent: () =>
      new Promise((resolve, reject) => {
        if (typeof raw.getContent !== 'function') return reject(new Error('DevTools keeps no body for this request.'));
        raw.getContent((text, encoding) => resolve({ text: text ?? null, encoding: encoding ?? null }));
      }),
  };
}

const listen = <A extends unknown[]>(ev: EventLike<A>, cb: Callback<A>): (() => void) => {
  ev.addListener(cb);
  return () => ev.removeListener(cb);
};

export function devtoolsNetwork(
  devtools = currentDevtools() as { network?: DevtoolsNetworkLike } | undefined,
): NetworkHost | null {
  const net = devtools?.network;
  if (net === undefined) return null;
  return {
    getHAR: () =>
      new Promise((resolve) => net.getHAR((log) => resolve((log?.entries ?? []).map((e) => record(e as RawRequest))))),
    onRequestFinished: (listener) => listen(net.onRequestFinished, (raw) => listener(record(raw))),
    onNavigated: (listener) => listen(net.onNavigated, listener),
  };
}

export type Theme = 'light' | 'dark';

interface PanelsLike {
  panels?: { themeName?: string; onThemeChanged?: EventLike<[string]> };
}

/**
 * DevTools' theme (`themeName` is `default` or `dark`; Firefox also says `light`, and tells of
 * changes); as a tab, the system's. Calls `apply` now and on every change.
 */
export function followTheme(
  apply: (t: Theme) => void,
  devtools = currentDevtools() as PanelsLike | undefined,
): () => void {
  const panels = devtools?.panels;
  if (panels?.themeName !== undefined) {
    const of = (name: string): Theme => (name === 'dark' ? 'dark' : 'light');
    apply(of(panels.themeName));
    return panels.onThemeChanged ? listen(panels.onThemeChanged, (name) => apply(of(name))) : () => undefined;
  }
  const mq = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  if (mq === undefined) {
    apply('light');
    return () => undefined;
  }
  const on = (): void => apply(mq.matches ? 'dark' : 'light');
  on();
  mq.addEventListener('change', on);
  return () => mq.removeEventListener('change', on);
}
