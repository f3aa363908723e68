/**
 * The ONLY file that touches `chrome.devtools`. Inside DevTools the inspected tab comes from
 * `chrome.devtools.inspectedWindow.tabId`; opened as a normal extension page (tests, power users)
 * it comes from `?tabId=N`. Keeping this here lets the whole panel run outside DevTools.
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
