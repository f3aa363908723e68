/**
 * The devtools page only creates the panel. The panel reads the inspected tab id itself
 * (panel/host.ts), so the same page also runs as a normal tab with `?tabId=N`.
 * `chrome.devtools.panels.create` exists under `chrome` in both browsers; the path is relative to
 * the extension root in Chrome and to this page in Firefox, so pass it absolute.
 * `onShown` hands over the panel's window: the panel re-checks who you are when it is shown again
 * (switching DevTools panels does not change the panel document's visibilityState).
 */
import { PANEL_SHOWN_EVENT } from '../../panel/host';

chrome.devtools.panels.create('eZ REST', '/extension/icons/icon-32.png', '/panel/index.html', (panel) => {
  panel.onShown.addListener((win: Window) => win.dispatchEvent(new Event(PANEL_SHOWN_EVENT)));
});
