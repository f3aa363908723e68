/**
 * The devtools page only creates the panel. The panel reads the inspected tab id itself
 * (panel/host.ts), so the same page also runs as a normal tab with `?tabId=N`.
 * `chrome.devtools.panels.create` exists under `chrome` in both browsers; the path is relative to
 * the extension root in Chrome and to this page in Firefox, so pass it absolute.
 */
chrome.devtools.panels.create('eZ REST', '', '/panel/index.html');
