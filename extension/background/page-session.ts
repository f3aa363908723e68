/**
 * The visitor's own session: a session cookie for the origin that the extension did not create,
 * plus the CSRF token the page exposes (without one, unsafe REST calls on that session fail).
 * Detected once per refresh (tabs.ts `refreshAuth`), and the result handed to the identity check.
 */
import type { PageSession, TabId } from '../../shared/domain';
import type { Ctx } from './context';
import { isOwned, sessionCookies } from './cookies';

export interface PageSessionFound {
  view: PageSession;
  /** the cookie value = the server's session id */
  sessionId: string;
  token: string | null;
  /**
   * How many visitor session cookies the origin has: only one can be matched safely to the
   * SiteAccess the API uses (several SiteAccesses, several cookies).
   */
  cookieCount: number;
}

export async function detectPageSession(ctx: Ctx, tabId: TabId, origin: string): Promise<PageSessionFound | null> {
  const [jar, owned] = await Promise.all([sessionCookies(ctx.apis.cookies, origin), ctx.store.getOwned(origin)]);
  const visitors = jar.filter((c) => !isOwned(owned, c));
  const cookie = visitors[0];
  if (!cookie) {
    await ctx.store.putPageCsrf(tabId, null);
    return null;
  }
  const csrf = await ctx.apis.scripting.readPageCsrf(tabId).catch(() => ({ token: null, source: null }) as const);
  await ctx.store.putPageCsrf(tabId, csrf.token);
  return {
    view: { cookieName: cookie.name, csrfSource: csrf.token ? csrf.source : null, hasCsrfToken: csrf.token !== null },
    sessionId: cookie.value,
    token: csrf.token,
    cookieCount: visitors.length,
  };
}
