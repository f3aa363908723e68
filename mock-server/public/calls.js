// The other buttons: content reads, the CSRF-protected write, and the HTTP Basic call.
import { API, media, sessionStore, base64Utf8, request } from './api.js';
import { $, outcome, showBadge } from './dom.js';
import { statusClass } from './log.js';
import { WRITE_ACTIONS } from './writes.js';

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

export async function loadContent() {
  const rows = [];
  for (const { path, accept } of CONTENT_READS) {
    const ex = await request({ url: API + path, headers: { Accept: media(accept) } });
    const tr = document.createElement('tr');
    tr.dataset.testid = 'demo-content-row';
    tr.dataset.resource = path;
    const cells = [
      path,
      ex.status === 0 ? 'ERR' : String(ex.status),
      ex.status === 200 ? (resourceName(ex.doc) ?? '(no name)') : outcome(ex),
    ];
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

export async function loadSections() {
  const ex = await request({ url: `${API}/content/sections`, headers: { Accept: media('SectionList') } });
  const list = ex.doc?.SectionList?.Section;
  const sections = Array.isArray(list) ? list : list ? [list] : [];
  $('demo-sections-status').textContent =
    ex.status === 200 ? `${sections.length} section(s) visible (${ex.status}).` : outcome(ex);
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

export function applyWriteAction() {
  const action = selectedAction();
  $('demo-write-method').value = action.method;
  $('demo-write-path').value = action.path.replace('{created}', createdId === null ? '{created}' : String(createdId));
  $('demo-write-body').value = action.body;
}

export async function sendWrite() {
  const action = selectedAction();
  const method = $('demo-write-method').value.trim().toUpperCase();
  const path = $('demo-write-path').value.trim();
  const body = $('demo-write-body').value.trim();
  const result = $('demo-write-result');
  if (!/^[A-Z]+$/.test(method)) return void (result.textContent = 'Method must be letters only, e.g. DELETE.');
  if (!path.startsWith('/api/')) return void (result.textContent = 'Path must start with /api/ (same origin).');
  if (path.includes('{created}'))
    return void (result.textContent = 'Create a folder first (or type a content id into the path).');
  const headers = { Accept: media(action.accept) };
  if (body) headers['Content-Type'] = action.contentType || 'application/json';
  const { csrfToken } = sessionStore.read();
  const omit = $('demo-write-omit-csrf').checked;
  if (csrfToken && !omit) headers['X-CSRF-Token'] = csrfToken;
  const ex = await request({ method, url: path, headers, body: body || undefined });
  showBadge('demo-write-status', ex.status);
  const tokenNote = omit
    ? 'X-CSRF-Token deliberately omitted'
    : csrfToken
      ? 'X-CSRF-Token sent'
      : 'no CSRF token stored, none sent';
  let done = 'Done';
  if (ex.status === 201 && typeof ex.doc?.Content?._id === 'number') {
    createdId = ex.doc.Content._id;
    done = `Created content ${createdId} ("${ex.doc.Content.name}"); "Delete the folder created here" removes it`;
  }
  result.textContent = `${ex.status >= 200 && ex.status < 300 ? done : outcome(ex)} (${ex.status}, ${tokenNote}).`;
  return ex.status;
}

// ---- HTTP Basic (HttpBasicAuthAgent) -------------------------------------------------------

export async function sendBasic() {
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
  const rejected =
    ex.status === 401 && !ex.text ? '401: the server rejected these credentials (Basic challenge).' : outcome(ex);
  $('demo-basic-result').textContent = ex.status === 200 && u ? `Loaded ${u.login} (id ${u._id}).` : rejected;
  return ex.status;
}
