/** HTTP Basic credentials for the tab's API target (basic-auth.ts owns the header rule). */
import type { Handlers } from '../../../shared/messaging/router';
import { applyBasic, clearBasic } from '../basic-auth';
import { notice } from '../notices';
import { refreshAuth } from '../tabs';
import { isError, type Kit } from './kit';

type BasicHandlers = Pick<Handlers, 'basic.apply' | 'basic.clear'>;

export function basicHandlers({ ctx, withTab, targetOf, needAccess }: Kit): BasicHandlers {
  return {
    'basic.apply': ({ tabId, user, password, remember }) =>
      withTab(tabId, async (rec) => {
        const target = targetOf(rec);
        if (isError(target)) return target;
        const denied = await needAccess(target);
        if (denied) return denied;
        const error = await applyBasic(ctx, target, user, password, remember);
        if (error) return error;
        // No notice of its own: `basic` in the state already says who is applied where (the
        // panel's status line); a success only clears the last notice.
        rec.notice = null;
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
    'basic.clear': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        const target = targetOf(rec);
        if (isError(target)) return target;
        const had = await clearBasic(ctx, target);
        rec.notice = notice(ctx.apis.now, 'info', had ? 'HTTP Basic removed.' : 'No HTTP Basic was applied.');
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
  };
}
