/**
 * The visitor's own session: a session cookie for the origin that the extension did not create,
 * plus the CSRF token the page exposes (without one, unsafe REST calls on that session fail).
 */
import type { PageSession, TabId } from '../../shared/protocol';
import type { Ctx } from './context';
import { sessionCookies } from './cookies';

export interface PageSessionFound {
  view: PageSession;
  /** the cookie value = the server's session id */
  sessionId: string;
  token: string | null;
}

export async function detectPageSession(ctx: Ctx, tabId: TabId, origin: string): Promise<PageSessionFound | null> {
  const [jar, owned] = await Promise.all([sessionCookies(ctx.apis.cookies, origin), ctx.store.getOwned(origin)]);
  const visitors = jar.filter((c) => !owned.some((o) => o.name === c.name && o.value === c.value));
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
  };
}

/** Only one visitor session cookie can be matched safely to the SiteAccess the API uses. */
export async function visitorSessionCookieCount(ctx: Ctx, origin: string): Promise<number> {
  const [jar, owned] = await Promise.all([sessionCookies(ctx.apis.cookies, origin), ctx.store.getOwned(origin)]);
  return jar.filter((c) => !owned.some((o) => o.name === c.name && o.value === c.value)).length;
}
