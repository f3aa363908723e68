// Session flows, as ez-js-rest-client's SessionAuthAgent does them: log in, log out, "who am I",
// plus the plain GET of user 14 the e2e tests use to see whether the page's requests are authenticated.
import { API, media, sessionStore, request } from './api.js';
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
  } else if (ex.status === 409) {
    $('demo-session-status').textContent = 'Another user is logged in on this browser session (409): log out first.';
  } else {
    $('demo-session-status').textContent = `Login failed: ${outcome(ex)}`;
  }
  renderSessionInfo();
  return ex.status;
}

export async function whoami() {
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
    return show(
      'anonymous (the server no longer knows the stored session: expired, logged out elsewhere or another SiteAccess; local copy cleared)',
    );
  }
  const userHref = refreshed.doc?.Session?.User?._href;
  if (refreshed.status !== 200 || typeof userHref !== 'string')
    return show(`Session check failed: ${outcome(refreshed)}`);
  const loaded = await request({ url: userHref, headers: { Accept: media('User') } });
  const u = loaded.doc?.User;
  if (loaded.status !== 200 || !u) return show(`Loading ${userHref} failed: ${outcome(loaded)}`);
  return show(`${u.login} (${u.name ?? 'no name'}, id ${u._id})`);
}

export async function fetchUser14() {
  const ex = await request({ url: `${API}/user/users/14`, headers: { Accept: media('User') } });
  showBadge('demo-fetch-user14-status', ex.status);
  return ex.status;
}
