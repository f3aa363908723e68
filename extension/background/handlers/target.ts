/** The tab's state, its API target (detected or typed), who the API thinks you are, the notice. */
import { parseApiBase } from '../../../shared/api-base';
import type { Handlers } from '../../../shared/messaging/router';
import { detectInto, refreshAuth } from '../tabs';
import { isError, type Kit } from './kit';

type TargetHandlers = Pick<
  Handlers,
  'state.get' | 'target.detect' | 'target.set' | 'identity.check' | 'notice.dismiss'
>;

export function targetHandlers({ ctx, withTab, targetOf, needAccess }: Kit): TargetHandlers {
  return {
    'state.get': ({ tabId }) => withTab(tabId, null),
    'target.detect': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        await detectInto(ctx, tabId, rec);
        return null;
      }),
    'target.set': ({ tabId, base, siteAccess }) =>
      withTab(tabId, async (rec) => {
        const parsed = parseApiBase(base, siteAccess);
        if (typeof parsed === 'string') return { code: 'bad-request', message: parsed };
        rec.target = parsed;
        rec.notice = null;
        // Without the permission this clears the identity; the panel's banner asks for access.
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
    'identity.check': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        const target = targetOf(rec);
        if (isError(target)) return target;
        // Without the permission this clears the identity it can no longer check.
        await refreshAuth(ctx, tabId, rec);
        return needAccess(target);
      }),
    'notice.dismiss': ({ tabId, at }) =>
      withTab(tabId, async (rec) => {
        // Only the notice the user saw: a newer one that arrived meanwhile stays.
        if (rec.notice?.at === at) rec.notice = null;
        return null;
      }),
  };
}
