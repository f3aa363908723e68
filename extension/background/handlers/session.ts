/** The panel's own REST session: log in, log out, refresh (sessions.ts does the HTTP). */
import { normaliseSiteAccess } from '../../../shared/api-base';
import type { ApiTarget, TabId } from '../../../shared/domain';
import type { Handlers } from '../../../shared/messaging/router';
import type { Ctx } from '../context';
import { login, logout, refresh, type Outcome } from '../sessions';
import { refreshAuth } from '../tabs';
import { isError, type Kit, type Work } from './kit';

type SessionHandlers = Pick<Handlers, 'session.login' | 'session.logout' | 'session.refresh'>;

export function sessionHandlers({ ctx, withTab, targetOf, needAccess }: Kit): SessionHandlers {
  /** Run a session step, re-check who we are, keep its notice or answer its error. */
  const step =
    (tabId: TabId, run: (c: Ctx, target: ApiTarget) => Promise<Outcome>): Work =>
    async (rec) => {
      const target = targetOf(rec);
      if (isError(target)) return target;
      const denied = await needAccess(target);
      if (denied) {
        await refreshAuth(ctx, tabId, rec); // drops the identity shown from before the permission went
        return denied;
      }
      const r = await run(ctx, target);
      await refreshAuth(ctx, tabId, rec);
      if (!r.ok) return r.error;
      rec.notice = r.notice;
      return null;
    };

  return {
    'session.login': ({ tabId, login: user, password, siteAccess }) =>
      withTab(tabId, async (rec) => {
        if (rec.target) {
          const sa = normaliseSiteAccess(siteAccess);
          if (sa !== rec.target.siteAccess) rec.target = { ...rec.target, siteAccess: sa };
        }
        return step(tabId, (c, t) => login(c, t, user, password))(rec);
      }),
    'session.logout': ({ tabId }) => withTab(tabId, step(tabId, logout)),
    'session.refresh': ({ tabId }) => withTab(tabId, step(tabId, refresh)),
  };
}
