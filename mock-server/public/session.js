// Session flows, as ez-js-rest-client's SessionAuthAgent does them: log in, log out, "who am I",
// plus the plain GET of user 14 the e2e tests use to see whether the page's requests are authenticated.
import { API, FLAVOUR, media, sessionStore, request } from './api.js';
import { $, outcome, showBadge } from './dom.js';

export function renderSessionInfo() {
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

export async function logout() {
  const { href, csrfToken } = sessionStore.read();
  if (!href) {
    $('demo-session-status').textContent = 'No stored session: nothing to log out (no request sent).';
    return 0;
  }
  const ex = await request({ method: 'DELETE', url: href, headers: csrfToken ? { 'X-CSRF-Token': csrfToken } : {} });
  // 404 means the server no longer knows the session: the stored copy is stale either way.
  if (ex.status === 204 || ex.status === 404) sessionStore.clear();
  $('demo-session-status').textContent =
    ex.status === 204
      ? 'Logged out (204).'
      : ex.status === 404
        ? 'Session was already gone (404); local copy cleared.'
        : `Logout failed: ${outcome(ex)}`;
  renderSessionInfo();
  return ex.status;
}

export async function login(user, password) {
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
  } else {
    const why = loginRefusal(ex);
    $('demo-session-status').textContent = why ?? `Login failed: ${outcome(ex)}`;
  }
  renderSessionInfo();
  return ex.status;
}

/**
 * A login refused because the browser already holds a session (the page's own, or the eZ REST
 * panel's, which shares the cookie jar): in words, with what to do. Null for other failures.
 */
export function loginRefusal(ex) {
  if (ex.status === 409) {
    return "The browser already holds a session of another user (409 Conflict), for example the eZ REST panel's: log out there (or here) first.";
  }
  const description = ex.doc?.ErrorMessage?.errorDescription ?? '';
  if (ex.status === 401 && description.includes('Missing or invalid CSRF token')) {
    return "The browser already holds a logged-in session (for example the eZ REST panel's) and this page has not got its CSRF token, so the server refuses a second login (401 CSRF): log out in the panel, or use its session.";
  }
  return null;
}

/**
 * Asks the server who the browser's cookie belongs to, whoever logged in (the page or the eZ REST
 * panel): Ibexa 4.3+ has `GET /user/current` (a redirect to the user, 401 when anonymous); for
 * eZ Platform 3.3, which has no such route, the mock serves `/_demo/whoami` beside the API.
 */
export async function whoami() {
  const show = (text) => {
    $('demo-current-user').textContent = text;
    return text;
  };
  if (FLAVOUR === 'ibexa4') {
    const ex = await request({ url: `${API}/user/current`, headers: { Accept: media('User') } });
    const u = ex.doc?.User;
    if (ex.status === 200 && u) return show(`${u.login} (${u.name ?? 'no name'}, id ${u._id})`);
    return show(ex.status === 401 ? 'anonymous (the server says: Not logged in.)' : `Could not ask: ${outcome(ex)}`);
  }
  const ex = await request({ url: '/_demo/whoami', headers: { Accept: 'application/json' } });
  if (ex.status !== 200 || !ex.doc) return show(`Could not ask: ${outcome(ex)}`);
  const { user, session } = ex.doc;
  if (user) return show(`${user.login} (${user.name}, id ${user.id})`);
  return show(
    session === 'unknown'
      ? 'anonymous (the browser sends a session cookie the server no longer knows)'
      : session === 'live'
        ? 'anonymous (a session without a login)'
        : 'anonymous (no session cookie)',
  );
}

export async function fetchUser14() {
  const ex = await request({ url: `${API}/user/users/14`, headers: { Accept: media('User') } });
  showBadge('demo-fetch-user14-status', ex.status);
  return ex.status;
}
