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
 *   demo-log (entries: demo-log-entry, data-status), demo-log-clear
 *
 * Test hook: window.demo = { fetchUser14(): Promise<status>, login(user, pass): Promise<status>,
 *   logout(): Promise<status, 0 when no session was stored>, whoami(): Promise<text shown> }.
 */
import { API, media, sessionStore, siteAccessStore, base64Utf8, errorText, request, setExchangeListener } from './api.js';
import { createLog, statusClass } from './log.js';
import { WRITE_ACTIONS } from './writes.js';

const $ = (id) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`demo page: #${id} is missing from index.html`);
  return node;
};

function showBadge(id, status) {
  const badge = $(id);
  badge.textContent = status === 0 ? 'ERR' : String(status);
  badge.className = `badge ${statusClass(status)}`;
}

/** One line for the user: the eZ error description if any, else the status text. */
function outcome(ex) {
  if (ex.status === 0) return ex.error ?? 'network error';
  return errorText(ex.doc) ?? `${ex.status} ${ex.statusText}`.trim();
}

// ---- session (SessionAuthAgent) ------------------------------------------------------------

function renderSessionInfo() {
  const stored = sessionStore.read();
  const rows = Object.entries(sessionStore.keys).flatMap(([field, key]) => {
    const dt = document.createElement('dt');
    dt.textContent = key;
    const dd = document.createElement('dd');
    dd.textContent = stored[field] ?? '(not set)';
    dd.dataset.testid = `demo-session-${field}`;
    if (stored[field] === null) dd.className = 'unset';
    return [dt, dd];
  });
  $('demo-session-info').replaceChildren(...rows);
}

async function logout() {
  const { href, csrfToken } = sessionStore.read();
  if (!href) {
    $('demo-session-status').textContent = 'No stored session: nothing to log out (no request sent).';
    return 0;
  }
  const ex = await request({ method: 'DELETE', url: href, headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {} });
  // 404 means the server no longer knows the session: the stored copy is stale either way.
  if (ex.status === 204 || ex.status === 404) sessionStore.clear();
  $('demo-session-status').textContent =
    ex.status === 204 ? 'Logged out (204).' : ex.status === 404 ? 'Session was already gone (404); local copy cleared.' : `Logout failed: ${outcome(ex)}`;
  renderSessionInfo();
  return ex.status;
}

async function login(user, password) {
  // Like SessionAuthAgent.logIn: an existing session is logged out first, whatever the outcome.
  if (sessionStore.read().identifier) await logout();
  const ex = await request({
    method: 'POST',
    url: `${API}/user/sessions`,
    headers: { 'Content-Type': media('SessionInput'), Accept: media('Session') },
    body: JSON.stringify({ SessionInput: { login: String(user), password: String(password) } }),
  });
  const session = ex.doc && typeof ex.doc === 'object' ? ex.doc.Session : null;
  if ((ex.status === 200 || ex.status === 201) && session) {
    sessionStore.save(session);
    $('demo-session-status').textContent = `Logged in as ${user} (${ex.status}).`;
  } else if (ex.status === 409) {
    $('demo-session-status').textContent = 'Another user is logged in on this browser session (409): log out first.';
  } else {
    $('demo-session-status').textContent = `Login failed: ${outcome(ex)}`;
  }
  renderSessionInfo();
  return ex.status;
}

async function whoami() {
  const show = (text) => {
    $('demo-current-user').textContent = text;
    return text;
  };
  const { href, csrfToken } = sessionStore.read();
  if (!href) return show('anonymous (no stored session)');
  const refreshed = await request({
    method: 'POST',
    url: `${href}/refresh`,
    headers: { Accept: media('Session'), ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
  });
  if (refreshed.status === 404) {
    sessionStore.clear();
    renderSessionInfo();
    return show('anonymous (the stored session had expired; local copy cleared)');
  }
  const userHref = refreshed.doc?.Session?.User?._href;
  if (refreshed.status !== 200 || typeof userHref !== 'string') return show(`Session check failed: ${outcome(refreshed)}`);
  const loaded = await request({ url: userHref, headers: { Accept: media('User') } });
  const u = loaded.doc?.User;
  if (loaded.status !== 200 || !u) return show(`Loading ${userHref} failed: ${outcome(loaded)}`);
  return show(`${u.login} (${u.name ?? 'no name'}, id ${u._id})`);
}

async function fetchUser14() {
  const ex = await request({ url: `${API}/user/users/14`, headers: { Accept: media('User') } });
  showBadge('demo-fetch-user14-status', ex.status);
  return ex.status;
}

// ---- content -------------------------------------------------------------------------------

const CONTENT_READS = [
  { path: '/content/objects/1', accept: 'Content' },
  { path: '/content/objects/41', accept: 'Content' },
  { path: '/content/locations/1/2', accept: 'Location' },
  { path: '/content/locations/1/43', accept: 'Location' },
];

/** The display name wherever the resource carries it (Content, or a Location's embedded ContentInfo). */
function resourceName(doc) {
  const content = doc?.Content ?? doc?.Location?.ContentInfo?.Content;
  return content?.name ?? content?.Name ?? null;
}

async function loadContent() {
  const rows = [];
  for (const { path, accept } of CONTENT_READS) {
    const ex = await request({ url: API + path, headers: { Accept: media(accept) } });
    const tr = document.createElement('tr');
    tr.dataset.testid = 'demo-content-row';
    tr.dataset.resource = path;
    const cells = [path, ex.status === 0 ? 'ERR' : String(ex.status), ex.status === 200 ? resourceName(ex.doc) ?? '(no name)' : outcome(ex)];
    for (const text of cells) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    tr.children[1]?.classList.add(statusClass(ex.status));
    rows.push(tr);
  }
  $('demo-content-results').replaceChildren(...rows);
}

async function loadSections() {
  const ex = await request({ url: `${API}/content/sections`, headers: { Accept: media('SectionList') } });
  const list = ex.doc?.SectionList?.Section;
  const sections = Array.isArray(list) ? list : list ? [list] : [];
  $('demo-sections-status').textContent = ex.status === 200 ? `${sections.length} section(s) visible (${ex.status}).` : outcome(ex);
  $('demo-sections-list').replaceChildren(
    ...sections.map((s) => {
      const li = document.createElement('li');
      li.textContent = `${s.sectionId} · ${s.identifier} · ${s.name}`;
      return li;
    }),
  );
}

// ---- CSRF-protected write ------------------------------------------------------------------

/** Id of the last content item this page created, for the "delete it" action. */
let createdId = null;

const selectedAction = () => WRITE_ACTIONS[Number($('demo-write-action').value)] ?? WRITE_ACTIONS[0];

function applyWriteAction() {
  const action = selectedAction();
  $('demo-write-method').value = action.method;
  $('demo-write-path').value = action.path.replace('{created}', createdId === null ? '{created}' : String(createdId));
  $('demo-write-body').value = action.body;
}

async function sendWrite() {
  const action = selectedAction();
  const method = $('demo-write-method').value.trim().toUpperCase();
  const path = $('demo-write-path').value.trim();
  const body = $('demo-write-body').value.trim();
  const result = $('demo-write-result');
  if (!/^[A-Z]+$/.test(method)) return void (result.textContent = 'Method must be letters only, e.g. DELETE.');
  if (!path.startsWith('/api/')) return void (result.textContent = 'Path must start with /api/ (same origin).');
  if (path.includes('{created}')) return void (result.textContent = 'Create a folder first (or type a content id into the path).');
  const headers = { Accept: media(action.accept) };
  if (body) headers['Content-Type'] = action.contentType || 'application/json';
  const { csrfToken } = sessionStore.read();
  const omit = $('demo-write-omit-csrf').checked;
  if (csrfToken && !omit) headers['X-CSRF-Token'] = csrfToken;
  const ex = await request({ method, url: path, headers, body: body || undefined });
  showBadge('demo-write-status', ex.status);
  const tokenNote = omit ? 'X-CSRF-Token deliberately omitted' : csrfToken ? 'X-CSRF-Token sent' : 'no CSRF token stored, none sent';
  let done = 'Done';
  if (ex.status === 201 && typeof ex.doc?.Content?._id === 'number') {
    createdId = ex.doc.Content._id;
    done = `Created content ${createdId} ("${ex.doc.Content.name}"); "Delete the folder created here" removes it`;
  }
  result.textContent = `${ex.status >= 200 && ex.status < 300 ? done : outcome(ex)} (${ex.status}, ${tokenNote}).`;
  return ex.status;
}

// ---- HTTP Basic (HttpBasicAuthAgent) -------------------------------------------------------

async function sendBasic() {
  const user = $('demo-basic-user').value;
  const password = $('demo-basic-password').value;
  // RFC 7617: the user-id cannot contain a colon, the server would split it wrongly.
  if (!user || user.includes(':')) {
    $('demo-basic-result').textContent = 'Enter a user name without ":".';
    return 0;
  }
  const ex = await request({
    url: `${API}/user/users/14`,
    headers: { Accept: media('User'), Authorization: `Basic ${base64Utf8(`${user}:${password}`)}` },
    logHeaders: { Authorization: `Basic •••• (${user}:••••)` },
    // A stateless Basic client: no cookie, and no browser login prompt on a wrong password.
    credentials: 'omit',
  });
  showBadge('demo-basic-status', ex.status);
  const u = ex.doc?.User;
  const rejected = ex.status === 401 && !ex.text ? '401: the server rejected these credentials (Basic challenge).' : outcome(ex);
  $('demo-basic-result').textContent = ex.status === 200 && u ? `Loaded ${u.login} (id ${u._id}).` : rejected;
  return ex.status;
}

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

  // Another tab (or the extension) may log in or out: keep the shown session honest.
  window.addEventListener('storage', renderSessionInfo);
  renderSessionInfo();
}

window.demo = { fetchUser14, login, logout, whoami };
wire();
