/*
 * The demo page: a plain front end doing what an eZ site does with AJAX on its own origin,
 * with the same traffic and localStorage keys as ez-js-rest-client's SessionAuthAgent.
 *
 * Stable ids (each element also carries the same value as data-testid), used by the e2e tests:
 *   demo-siteaccess                      X-Siteaccess for every request (empty = default SiteAccess)
 *   demo-login-form, demo-login-user, demo-login-password, demo-login-submit, demo-logout
 *   demo-session-status                  result of the last login / logout
 *   demo-session-info                    the four ezpRestClient.* localStorage values
 *   demo-whoami, demo-current-user       "who am I" button and its answer ("anonymous" or "login (name, id N)")
 *   demo-fetch-user14, demo-fetch-user14-status   GET /user/users/14 and its bare status number
 *   demo-content-load, demo-content-results (rows: demo-content-row, data-resource = path)
 *   demo-sections-load, demo-sections-status, demo-sections-list
 *   demo-write-action, demo-write-method, demo-write-path, demo-write-body,
 *   demo-write-omit-csrf, demo-write-send, demo-write-status, demo-write-result
 *   demo-basic-form, demo-basic-user, demo-basic-password, demo-basic-send, demo-basic-status, demo-basic-result
 *   demo-search-text, demo-search-type, demo-search-send, demo-search-status, demo-search-results (demo-search-hit)
 *   demo-bulk-100, demo-bulk-1000, demo-bulk-10000, demo-bulk-status (data-done = calls made)
 *   demo-log (entries: demo-log-entry, data-status), demo-log-clear
 *
 * Test hook: window.demo = { fetchUser14(): Promise<status>, login(user, pass): Promise<status>,
 *   logout(): Promise<status, 0 when no session was stored>, whoami(): Promise<text shown>,
 *   search(): Promise<status>, makeCalls(n): Promise<{ n, ms, counts }> }.
 */
import { siteAccessStore, setExchangeListener } from './api.js';
import { applyWriteAction, loadContent, loadSections, sendBasic, sendWrite } from './calls.js';
import { $ } from './dom.js';
import { createLog } from './log.js';
import { fetchUser14, login, logout, renderSessionInfo, whoami } from './session.js';
import { WRITE_ACTIONS } from './writes.js';
import { makeCalls, search } from './explore.js';

// ---- wiring --------------------------------------------------------------------------------

function wire() {
  const log = createLog($('demo-log'));
  setExchangeListener(log.add);
  $('demo-log-clear').addEventListener('click', log.clear);

  const siteAccess = $('demo-siteaccess');
  siteAccess.value = siteAccessStore.read();
  siteAccess.addEventListener('change', () => siteAccessStore.save(siteAccess.value.trim()));

  $('demo-login-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void login($('demo-login-user').value, $('demo-login-password').value);
  });
  $('demo-logout').addEventListener('click', () => void logout());
  $('demo-whoami').addEventListener('click', () => void whoami());
  $('demo-fetch-user14').addEventListener('click', () => void fetchUser14());
  $('demo-content-load').addEventListener('click', () => void loadContent());
  $('demo-sections-load').addEventListener('click', () => void loadSections());

  const select = $('demo-write-action');
  select.replaceChildren(
    ...WRITE_ACTIONS.map((a, i) => {
      const option = document.createElement('option');
      option.value = String(i);
      option.textContent = a.label;
      return option;
    }),
  );
  select.addEventListener('change', applyWriteAction);
  applyWriteAction();
  $('demo-write-send').addEventListener('click', () => void sendWrite());

  $('demo-basic-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void sendBasic();
  });

  $('demo-search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void search();
  });
  for (const n of [100, 1000, 10000]) $(`demo-bulk-${n}`).addEventListener('click', () => void makeCalls(n));

  // Another tab (or the extension) may log in or out: keep the shown session honest.
  window.addEventListener('storage', renderSessionInfo);
  renderSessionInfo();
}

window.demo = { fetchUser14, login, logout, whoami, search, makeCalls };
wire();
