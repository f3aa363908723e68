/**
 * The inspected tab's record: created on first use, re-detected when the tab moves to another
 * origin, dropped when it closes. `refreshAuth` re-reads the page session and the identity.
 */
import type { ProtocolError, TabId } from '../../shared/protocol';
import type { Ctx } from './context';
import type { TabRecord } from './store';
import { emptyTab } from './store';
import { defaultTarget, detectTarget, pageOrigin } from './target';
import { detectPageSession } from './page-session';
import { checkIdentity } from './identity';

export const NO_TAB: ProtocolError = { code: 'no-tab', message: 'The inspected tab is closed.' };

export const STOPPED_MID_ACTION =
  'The extension background was stopped in the middle of an action; it may not have finished. Check the state and try again.';

export async function tabUrl(ctx: Ctx, tabId: TabId): Promise<string | null | ProtocolError> {
  try {
    return (await ctx.apis.tabs.get(tabId)).url ?? null;
  } catch {
    return NO_TAB;
  }
}

/** Fill the identity and page session; needs a target and host permission. */
export async function refreshAuth(ctx: Ctx, tabId: TabId, rec: TabRecord): Promise<void> {
  const target = rec.target;
  if (!target || !(await ctx.apis.permissions.hasHostPermission(target.origin))) {
    rec.pageSession = null;
    rec.identity = null;
    return;
  }
  rec.pageSession = (await detectPageSession(ctx, tabId, target.origin))?.view ?? null;
  rec.identity = await checkIdentity(ctx, tabId, target);
}

/** Find the API for the page's origin (keeps a typed SiteAccess), then refresh auth. */
export async function detectInto(ctx: Ctx, tabId: TabId, rec: TabRecord): Promise<void> {
  const origin = pageOrigin(rec.pageUrl);
  const siteAccess = rec.target?.siteAccess ?? null;
  if (!origin) {
    rec.target = null;
    rec.identity = null;
    rec.pageSession = null;
    rec.notice = {
      level: 'info',
      message: 'This tab does not show a web page. Open the site, or enter the API base by hand.',
    };
    return;
  }
  if (!(await ctx.apis.permissions.hasHostPermission(origin))) {
    rec.target = defaultTarget(origin, siteAccess);
    rec.identity = null;
    rec.notice = {
      level: 'warning',
      message: `The extension may not talk to ${origin} yet: allow access to it first.`,
    };
    return;
  }
  const { target, notice } = await detectTarget(ctx.apis.fetch, origin, siteAccess);
  rec.target = target;
  rec.notice = notice;
  await refreshAuth(ctx, tabId, rec);
}

/** The tab's record, created or re-detected as needed. */
export async function loadTab(ctx: Ctx, tabId: TabId): Promise<TabRecord | ProtocolError> {
  const url = await tabUrl(ctx, tabId);
  if (typeof url === 'object' && url !== null) return url;
  const rec = await ctx.store.getTab(tabId);
  if (rec && pageOrigin(rec.pageUrl) === pageOrigin(url)) {
    // Callers hold the tab's lock, so no action of this worker is running: a stored busy flag was
    // left by a worker stopped mid-action (MV3 kills idle or hung workers), and would otherwise
    // spin in the panel until the next action.
    const stale = rec.busy;
    if (stale) {
      rec.busy = false;
      rec.notice = { level: 'warning', message: STOPPED_MID_ACTION };
    }
    if (rec.pageUrl !== url || stale) {
      rec.pageUrl = url;
      await ctx.store.putTab(tabId, rec);
    }
    return rec;
  }
  const fresh = emptyTab(url);
  await detectInto(ctx, tabId, fresh);
  if (rec && !fresh.notice) {
    fresh.notice = {
      level: 'info',
      message: `The page moved to ${pageOrigin(url) ?? 'a non-web page'}: the API target was detected again.`,
    };
  }
  await ctx.store.putTab(tabId, fresh);
  return fresh;
}
