/**
 * "Who does the API think I am?" in the order the server itself decides for a page request:
 *  1. Basic applied: `GET /user/users?login=<user>` with the header, then that User. A 401 means
 *     the credentials are refused; a 404 means the server ignores Basic (session-only firewall).
 *  2. The panel's session: `POST <Session._href>/refresh` with its token, then Session.User.
 *  3. The visitor's session with the page's token: the same refresh on the cookie's id. Only when
 *     exactly one session cookie exists: a refresh whose id does not match the SiteAccess's cookie
 *     logs that session out on the server (reference §4.2), and the visitor's session is sacred.
 *  4. Otherwise anonymous (no request needed: no cookie and no header means anonymous).
 */
import type { ApiTarget, AuthVia, Identity, TabId } from '../../shared/protocol';
import type { Ctx } from './context';
import { apiFetch } from './http';
import { firstUserRef, parseSession, parseUser } from './ez';
import { basicHeader } from './basic-auth';
import { detectPageSession, visitorSessionCookieCount } from './page-session';
import { cookieStillOurs, dropPanelSession } from './sessions';

const identity = (
  ctx: Ctx,
  kind: Identity['kind'],
  via: AuthVia,
  problem: string | null,
  user: Identity['user'] = null,
): Identity => ({
  kind,
  via,
  user,
  checkedAt: ctx.apis.now(),
  problem,
});

async function loadUser(ctx: Ctx, target: ApiTarget, href: string, authorization?: string) {
  const r = await apiFetch(ctx.apis.fetch, target, {
    path: href,
    accept: 'User',
    credentials: authorization ? 'omit' : 'include',
    ...(authorization ? { authorization } : {}),
  });
  if (!r.ok) return { user: null, problem: r.error.message };
  const u = parseUser(r.body);
  return u ? { user: u, problem: null } : { user: null, problem: 'The server sent a User the extension cannot read.' };
}

async function viaBasic(ctx: Ctx, target: ApiTarget): Promise<Identity | string | null> {
  const basic = await ctx.store.getBasic(target.origin, target.prefix);
  if (!basic) return null;
  const authorization = basicHeader(basic.user, basic.password);
  const r = await apiFetch(ctx.apis.fetch, target, {
    path: `/user/users?login=${encodeURIComponent(basic.user)}`,
    accept: 'UserRefList',
    credentials: 'omit',
    authorization,
  });
  if (!r.ok && r.error.code === 'network') return identity(ctx, 'unknown', 'basic', r.error.message);
  if (!r.ok && r.error.status === 401) {
    return identity(
      ctx,
      'unknown',
      'basic',
      `The server refused the Basic credentials for "${basic.user}": every request carrying them fails.`,
    );
  }
  const href = r.ok ? firstUserRef(r.body) : null;
  if (!href)
    return `The server ignores HTTP Basic (its REST firewall is session-based): requests run as whoever the cookies say.`;
  const { user, problem } = await loadUser(ctx, target, href, authorization);
  return user ? identity(ctx, 'user', 'basic', null, user) : identity(ctx, 'unknown', 'basic', problem);
}

async function refreshAs(
  ctx: Ctx,
  target: ApiTarget,
  href: string,
  token: string,
  via: AuthVia,
): Promise<Identity | 'gone'> {
  const r = await apiFetch(ctx.apis.fetch, target, {
    method: 'POST',
    path: `${href}/refresh`,
    accept: 'Session',
    credentials: 'include',
    headers: { 'X-CSRF-Token': token },
  });
  if (!r.ok && r.error.status === 404) return 'gone';
  if (!r.ok) return identity(ctx, 'unknown', via, r.error.message);
  const s = parseSession(r.body);
  if (!s) return identity(ctx, 'unknown', via, 'The server sent a Session the extension cannot read.');
  const { user, problem } = await loadUser(ctx, target, s.userHref);
  return user ? identity(ctx, 'user', via, null, user) : identity(ctx, 'unknown', via, problem);
}

export async function checkIdentity(ctx: Ctx, tabId: TabId, target: ApiTarget): Promise<Identity> {
  const basic = await viaBasic(ctx, target);
  if (basic && typeof basic !== 'string') return basic;
  const basicNote = typeof basic === 'string' ? basic : null;

  const panel = await ctx.store.getSession(target.origin, target.siteAccess);
  let note = basicNote;
  if (panel && !(await cookieStillOurs(ctx, target, panel))) {
    // The page replaced or removed our cookie: refreshing with our id would log the visitor out (§4.2).
    await dropPanelSession(ctx, target);
    note =
      "The page replaced or removed the panel's session cookie (it logged in or out itself): the panel session is over.";
  } else if (panel) {
    const r = await refreshAs(ctx, target, panel.href, panel.csrfToken, 'panel-session');
    if (r !== 'gone') return r;
    await dropPanelSession(ctx, target);
    return identity(
      ctx,
      'anonymous',
      'none',
      "The panel's session has ended on the server (expired or logged out elsewhere).",
    );
  }

  const page = await detectPageSession(ctx, tabId, target.origin);
  if (page) {
    if (!page.token) {
      return identity(
        ctx,
        'unknown',
        'page-session',
        `The page has its own session (${page.view.cookieName}) but exposes no CSRF token, so the extension cannot ask who it is; unsafe methods on it will fail until you log in here.`,
      );
    }
    if ((await visitorSessionCookieCount(ctx, target.origin)) !== 1) {
      return identity(
        ctx,
        'unknown',
        'page-session',
        'The page holds several session cookies (several SiteAccesses); set the SiteAccess to check which one the API uses.',
      );
    }
    const href = `${target.prefix}/user/sessions/${encodeURIComponent(page.sessionId)}`;
    const r = await refreshAs(ctx, target, href, page.token, 'page-session');
    if (r !== 'gone') return r.problem === null && note ? { ...r, problem: note } : r;
    return identity(
      ctx,
      'anonymous',
      'none',
      "The page's session cookie is stale: the server no longer knows that session.",
    );
  }
  return identity(ctx, 'anonymous', 'none', note);
}
