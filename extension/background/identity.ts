/**
 * "Who does the API think I am?" in the order the server itself decides for a page request:
 *  1. Basic applied: `GET /user/users?login=<user>` with the header, then that User. A 401 means
 *     the credentials are refused; a 404 means the server ignores Basic (session-only firewall).
 *     When the server takes Basic, it wins over any session cookie the request also carries.
 *  2. The panel's session: `GET /user/sessions/current` where the server has it (Ibexa 4.3+), else
 *     `POST <Session._href>/refresh` with its token; then Session.User (session-check.ts).
 *  3. The visitor's session: the current-session route needs no token; without it, the refresh
 *     with the page's token on the cookie's id, only when exactly one session cookie exists: a
 *     refresh whose id does not match the SiteAccess's cookie logs that session out on the server
 *     (ezplatform-rest 1.3 `SessionController::refreshSessionAction`, the logout on a mismatched
 *     id), and the visitor's session is sacred.
 *  4. Otherwise anonymous, once the API answered at all: a server that does not answer is
 *     `unreachable`, never anonymous.
 */
import type { ApiTarget, AuthVia, Identity, TabId } from '../../shared/domain';
import { firstUserRef, parseUser } from '../../shared/ez';
import type { Ctx } from './context';
import { apiFetch } from './http';
import { basicHeader } from './basic-auth';
import { detectPageSession, type PageSessionFound } from './page-session';
import { cookieStillOurs, dropPanelSession } from './sessions';
import { checkSession } from './session-check';

export interface IdentityCheck {
  identity: Identity;
  /** the server refused the applied Basic credentials (the panel offers to remove them) */
  basicRefused: boolean;
}

const make = (
  ctx: Ctx,
  kind: Identity['kind'],
  via: AuthVia,
  problem: string | null,
  user: Identity['user'] = null,
): Identity => ({ kind, via, user, checkedAt: ctx.apis.now(), problem });

const checked = (identity: Identity, basicRefused = false): IdentityCheck => ({ identity, basicRefused });

async function loadUser(
  ctx: Ctx,
  target: ApiTarget,
  href: string,
  via: AuthVia,
  authorization?: string,
): Promise<Identity> {
  const r = await apiFetch(ctx.apis.fetch, target, {
    path: href,
    accept: 'User',
    credentials: authorization ? 'omit' : 'include',
    ...(authorization ? { authorization } : {}),
  });
  if (!r.ok) return make(ctx, r.error.code === 'network' ? 'unreachable' : 'unknown', via, r.error.message);
  const u = parseUser(r.body);
  return u
    ? make(ctx, 'user', via, null, u)
    : make(ctx, 'unknown', via, 'The server sent a User the extension cannot read.');
}

/** Basic first: a check, or a sentence when the server ignores Basic, or null when none is applied. */
async function viaBasic(ctx: Ctx, target: ApiTarget): Promise<IdentityCheck | string | null> {
  const basic = await ctx.store.getBasic(target.origin, target.prefix);
  if (!basic) return null;
  const authorization = basicHeader(basic.user, basic.password);
  const r = await apiFetch(ctx.apis.fetch, target, {
    path: `/user/users?login=${encodeURIComponent(basic.user)}`,
    accept: 'UserRefList',
    credentials: 'omit',
    authorization,
  });
  if (!r.ok && r.error.code === 'network') return checked(make(ctx, 'unreachable', 'basic', r.error.message));
  if (!r.ok && r.error.status === 401) {
    const problem = `The server refused the Basic credentials for "${basic.user}": every request carrying them gets 401.`;
    return checked(make(ctx, 'unknown', 'basic', problem), true);
  }
  const href = r.ok ? firstUserRef(r.body) : null;
  if (!href)
    return 'The server ignores HTTP Basic (its REST firewall is session-based): requests run as whoever the cookies say.';
  return checked(await loadUser(ctx, target, href, 'basic', authorization));
}

/** Who a session is, asked the way the server allows (session-check.ts); 'gone' when it no longer knows it. */
async function sessionUser(
  ctx: Ctx,
  target: ApiTarget,
  href: string,
  token: string | null,
  via: AuthVia,
): Promise<Identity | 'gone' | 'unsupported'> {
  const r = await checkSession(ctx, target, href, token);
  if (r.kind === 'gone' || r.kind === 'unsupported') return r.kind;
  if (r.kind === 'failed')
    return make(ctx, r.error.code === 'network' ? 'unreachable' : 'unknown', via, r.error.message);
  return loadUser(ctx, target, r.session.userHref, via);
}

/** No cookie and no header means anonymous, but only if the API is there to say so. */
async function anonymous(ctx: Ctx, target: ApiTarget, problem: string | null): Promise<Identity> {
  const r = await apiFetch(ctx.apis.fetch, target, { path: '/', accept: 'Root', credentials: 'omit' });
  if (!r.ok && r.error.code === 'network') return make(ctx, 'unreachable', 'none', r.error.message);
  return make(ctx, 'anonymous', 'none', problem);
}

const stalePage = (ctx: Ctx): Identity =>
  make(ctx, 'anonymous', 'none', "The page's session cookie is stale: the server no longer knows that session.");

async function viaPage(ctx: Ctx, target: ApiTarget, page: PageSessionFound, note: string | null): Promise<Identity> {
  const withNote = (r: Identity): Identity => (r.problem === null && note ? { ...r, problem: note } : r);
  const href = `${target.prefix}/user/sessions/${encodeURIComponent(page.sessionId)}`;
  // Where the server has the current-session route, asking needs neither the token nor a safe id.
  const current = await sessionUser(ctx, target, href, null, 'page-session');
  if (current === 'gone') return stalePage(ctx);
  if (current !== 'unsupported') return withNote(current);
  if (!page.token) {
    return make(
      ctx,
      'unknown',
      'page-session',
      `The page has its own session (${page.view.cookieName}) but exposes no CSRF token, so the extension cannot ask who it is; unsafe methods on it will fail until you log in here.`,
    );
  }
  if (page.cookieCount !== 1) {
    return make(
      ctx,
      'unknown',
      'page-session',
      'The page holds several session cookies (several SiteAccesses); set the SiteAccess to check which one the API uses.',
    );
  }
  const r = await sessionUser(ctx, target, href, page.token, 'page-session');
  if (r === 'gone') return stalePage(ctx);
  return r === 'unsupported' ? make(ctx, 'unknown', 'page-session', null) : withNote(r);
}

/**
 * Before anything reads the jar: if the page replaced or removed the panel's cookie (it logged in
 * or out itself), the panel session is over, and refreshing with its id would log the visitor out.
 * Dropping it may put back the visitor cookie the login replaced, so this runs before the page
 * session is detected. Returns the sentence to show, or null.
 */
async function settlePanelSession(ctx: Ctx, target: ApiTarget): Promise<string | null> {
  const panel = await ctx.store.getSession(target.origin, target.siteAccess);
  if (!panel || (await cookieStillOurs(ctx, target, panel))) return null;
  await dropPanelSession(ctx, target);
  return "The page replaced or removed the panel's session cookie (it logged in or out itself): the panel session is over.";
}

async function checkIdentity(
  ctx: Ctx,
  target: ApiTarget,
  page: PageSessionFound | null,
  settled: string | null,
): Promise<IdentityCheck> {
  const basic = await viaBasic(ctx, target);
  if (basic !== null && typeof basic !== 'string') return basic;
  const note = settled ?? (typeof basic === 'string' ? basic : null);

  const panel = await ctx.store.getSession(target.origin, target.siteAccess);
  if (panel) {
    const r = await sessionUser(ctx, target, panel.href, panel.csrfToken, 'panel-session');
    if (r !== 'gone' && r !== 'unsupported') return checked(r);
    await dropPanelSession(ctx, target);
    return checked(
      make(ctx, 'anonymous', 'none', "The panel's session has ended on the server (expired or logged out elsewhere)."),
    );
  }
  if (page) return checked(await viaPage(ctx, target, page, note));
  return checked(await anonymous(ctx, target, note));
}

export interface TabAuth extends IdentityCheck {
  /** the visitor's session, detected once for this check */
  page: PageSessionFound | null;
}

/** The whole re-check of a tab: settle the panel session, detect the page session once, ask who we are. */
export async function checkTabAuth(ctx: Ctx, tabId: TabId, target: ApiTarget): Promise<TabAuth> {
  const settled = await settlePanelSession(ctx, target);
  const page = await detectPageSession(ctx, tabId, target.origin);
  return { page, ...(await checkIdentity(ctx, target, page, settled)) };
}
