/** Words for states: every sentence the panel shows about auth is built here, so it stays consistent. */
import type { AuthState, AuthVia, Identity, PageSession, ProtocolError } from '../shared/domain';
import type { NoticeText } from './usePanelState';

const VIA_WORDS: Record<AuthVia, string> = {
  'panel-session': 'panel session',
  'page-session': "the page's own session",
  basic: 'HTTP Basic',
  none: 'no session',
};

export const viaWords = (via: AuthVia): string => VIA_WORDS[via];

/** One line: who the API thinks you are, and how. */
export function identityText(identity: Identity | null, state: AuthState | null): string {
  if (state === null) return 'Connecting to the extension…';
  if (state.pageUrl === null) return 'No inspected tab: nobody to check.';
  if (state.target === null) return 'No API target yet: enter the API base below.';
  if (identity === null) {
    return state.hostPermission === 'missing'
      ? 'Not checked: the extension may not reach this API yet.'
      : 'Not checked yet.';
  }
  if (identity.kind === 'unreachable') return 'Unreachable — the API did not answer';
  if (identity.kind === 'user' && identity.user !== null) {
    const u = identity.user;
    // Basic and a session together: say which one the server uses (Basic, when it takes it).
    const wins = identity.via === 'basic' && state.panelSession !== null ? ', which wins over the panel session' : '';
    return `Logged in as ${u.login} (${u.name}, id ${u.id}) — ${viaWords(identity.via)}${wins}`;
  }
  if (identity.kind === 'anonymous') return `Anonymous — ${viaWords(identity.via)}`;
  return identity.via === 'none'
    ? 'Unknown — the API could not be asked'
    : `Unknown — ${viaWords(identity.via)} (the API could not be asked)`;
}

export function pageSessionText(p: PageSession): string {
  const first = `This page is already logged in (cookie ${p.cookieName}).`;
  if (p.hasCsrfToken && p.csrfSource !== null) {
    const where = p.csrfSource === 'meta' ? 'the page\'s <meta name="CSRF-Token"> tag' : "the page's localStorage";
    return `${first} Its CSRF token was found in ${where}, so the panel can send unsafe requests with it.`;
  }
  return (
    `${first} No CSRF token was found on the page, so unsafe methods (POST, PUT, PATCH, DELETE) ` +
    'will fail with 401 until you log in again with the panel.'
  );
}

const CODE_WORDS: Record<ProtocolError['code'], string> = {
  'bad-request': 'The extension rejected the request as malformed.',
  timeout: 'The extension did not answer in time; it may have been restarting. Try again.',
  network: 'The API server could not be reached.',
  http: 'The API answered with an error.',
  permission: 'The extension is not allowed to reach this API.',
  'no-tab': 'The inspected tab was closed.',
  'no-target': 'No API target is known yet: enter the API base first.',
  internal: 'Something went wrong inside the extension.',
};

/** A message a person can read. A blank or bare-status message is replaced by words for its code. */
export function readableError(e: ProtocolError): string {
  const msg = e.message.trim();
  const bare = msg === '' || /^(HTTP\s*)?\d{3}(\s+[a-z][a-z -]{0,30})?$/i.test(msg);
  if (!bare) return msg;
  const status = e.status !== undefined ? ` (HTTP status ${e.status})` : '';
  return `${CODE_WORDS[e.code] ?? 'Something went wrong.'}${status}`;
}

export const errorNotice = (e: ProtocolError): NoticeText => ({ level: 'error', message: readableError(e) });
