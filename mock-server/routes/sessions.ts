/**
 * The session routes (ezsystems/ezplatform-rest 1.3 `src/lib/Server/Controller/SessionController.php`, `RestAuthenticator.php`). They are CSRF-exempt in the global listener and do
 * their own checks, so a stale session answers 404 before a bad token answers 401.
 */
import { clearingCookie, sessionCookie } from '../auth/cookies';
import { isCsrfTokenValid, maskCsrfToken, newCsrfSecret } from '../auth/csrf';
import type { SessionRecord } from '../auth/sessions';
import { ANONYMOUS_USER_ID } from '../fixtures/users';
import { inputString } from '../http/input';
import {
  badRequest,
  conflict,
  csrfFailure,
  emptyNotFound,
  link,
  noContent,
  node,
  resource,
  unauthorized,
} from '../core/results';
import type { Context, Result, Route } from '../core/types';

function csrfHeader(ctx: Context): string | undefined {
  const v = ctx.headers['x-csrf-token'];
  return Array.isArray(v) ? v[0] : v;
}

function sessionResult(
  status: 200 | 201,
  ctx: Context,
  rec: SessionRecord,
  csrfToken: string,
  cookies: string[] = [],
): Result {
  return resource(
    status,
    'Session',
    node(
      'Session',
      { href: `/user/sessions/${rec.id}` },
      {
        name: ctx.session.cookieName,
        identifier: rec.id,
        csrfToken,
        User: link('User', `/user/users/${rec.userId ?? ANONYMOUS_USER_ID}`),
      },
    ),
    { cookies },
  );
}

/** RestAuthenticator's failure path: the session is cleared (no clearing cookie), then 401. */
function loginRefused(ctx: Context, module: string): Result {
  if (ctx.session.record) ctx.state.store.clear(ctx.session.record);
  return unauthorized(ctx.pathInfo, module);
}

export function createSession(ctx: Context): Result {
  const login = inputString(ctx.input, 'login');
  if (login === undefined) return badRequest("Missing 'login' attribute for SessionInput.");
  const password = inputString(ctx.input, 'password');
  if (password === undefined) return badRequest("Missing 'password' attribute for SessionInput.");
  const { repo, store } = ctx.state;
  const existing = ctx.session.record;
  // Re-login on a session that holds a token needs that token (until Ibexa 4.5: ibexa/rest commit
  // b326bb2d dropped the check, so the 4.6 flavour does not make it).
  const checksCsrf = ctx.state.flavour.id === 'ezp3';
  if (
    checksCsrf &&
    ctx.session.sentId !== null &&
    existing?.csrfSecret &&
    !isCsrfTokenValid(existing.csrfSecret, csrfHeader(ctx))
  ) {
    return csrfFailure(ctx.method, ctx.pathInfo);
  }
  const current = existing?.userId != null ? repo.users.get(existing.userId) : undefined;
  if (existing && current && current.id !== ANONYMOUS_USER_ID && current.login === login && existing.csrfSecret) {
    // The token in the session is reused as is; the password is not checked (isFromSession).
    return sessionResult(200, ctx, existing, maskCsrfToken(existing.csrfSecret));
  }
  const user = repo.checkCredentials(login, password);
  if (user === null) return loginRefused(ctx, 'Invalid login or password');
  if (!repo.can(user.id, 'user', 'login', { siteAccess: ctx.siteAccess.name })) {
    return loginRefused(
      ctx,
      `User '${login}' doesn't have user/login permission to SiteAccess '${ctx.siteAccess.name}'`,
    );
  }
  if (current && current.id !== ANONYMOUS_USER_ID && current.id !== user.id) return conflict();
  const cookies: string[] = [];
  let rec = existing;
  if (rec === null) {
    // No cookie, or an unknown/expired one: strict mode starts a fresh id.
    rec = store.create(ctx.siteAccess.name);
    cookies.push(sessionCookie(ctx.session.cookieName, rec.id));
  }
  rec.userId = user.id;
  rec.csrfSecret ??= newCsrfSecret();
  return sessionResult(201, ctx, rec, maskCsrfToken(rec.csrfSecret), cookies);
}

/** The guard shared by refresh and delete: the live session this URL names, or the empty 404. */
function namedSession(ctx: Context): SessionRecord | Result {
  const rec = ctx.session.record;
  if (rec === null || rec.id !== ctx.params.sessionId || rec.csrfSecret === null) {
    // A mismatched id logs out the real session too (`refreshSessionAction`'s logout branch).
    if (rec) ctx.state.store.clear(rec);
    return emptyNotFound([clearingCookie(ctx.session.cookieName, ctx.state.now())]);
  }
  return rec;
}

export function refreshSession(ctx: Context): Result {
  const rec = namedSession(ctx);
  if ('kind' in rec) return rec;
  const sent = csrfHeader(ctx);
  if (!isCsrfTokenValid(rec.csrfSecret, sent)) return csrfFailure(ctx.method, ctx.pathInfo);
  // csrfToken echoes the header that was sent (all versions: the controller passes the header on).
  return sessionResult(200, ctx, rec, sent ?? '');
}

export function deleteSession(ctx: Context): Result {
  const rec = namedSession(ctx);
  if ('kind' in rec) return rec;
  if (!isCsrfTokenValid(rec.csrfSecret, csrfHeader(ctx))) return csrfFailure(ctx.method, ctx.pathInfo);
  ctx.state.store.clear(rec);
  return noContent([clearingCookie(ctx.session.cookieName, ctx.state.now())]);
}

/**
 * Ibexa 4.3+ `GET /user/sessions/current` (ibexa/rest 4.6 `SessionController::checkSessionAction`):
 * no session started gives the logout and an empty 404; otherwise the Session of whoever the
 * session holds, with a freshly masked CSRF token (4.4.1+).
 */
export function checkSession(ctx: Context): Result {
  const rec = ctx.session.record;
  if (ctx.session.sentId === null || rec === null) {
    return emptyNotFound([clearingCookie(ctx.session.cookieName, ctx.state.now())]);
  }
  rec.csrfSecret ??= newCsrfSecret();
  return sessionResult(200, ctx, rec, maskCsrfToken(rec.csrfSecret));
}

export const SESSION_ROUTES: readonly Route[] = [
  {
    name: 'createSession',
    pattern: '/user/sessions',
    sessionRoute: true,
    methods: { POST: { handler: createSession, inputs: ['SessionInput'] } },
  },
  // Before `{sessionId}`, as ibexa/rest orders them (commit fe9070ec).
  {
    name: 'checkSession',
    pattern: '/user/sessions/current',
    sessionRoute: true,
    flavours: ['ibexa4'],
    methods: { GET: { handler: checkSession } },
  },
  {
    name: 'deleteSession',
    pattern: '/user/sessions/{sessionId}',
    sessionRoute: true,
    methods: { DELETE: { handler: deleteSession } },
  },
  {
    name: 'refreshSession',
    pattern: '/user/sessions/{sessionId}/refresh',
    sessionRoute: true,
    methods: { POST: { handler: refreshSession } },
  },
];
