/**
 * The inspected tab's record: created on first use, re-detected when the tab moves to another
 * origin, dropped when it closes. `refreshAuth` re-reads the page session and the identity.
 */
import type { Identity, ProtocolError, TabId } from '../../shared/domain';
import type { Ctx } from './context';
import type { TabRecord } from './store';
import { emptyTab } from './store';
import { defaultTarget, detectTarget, pageOrigin } from './target';
import { checkTabAuth } from './identity';
import { NOT_A_WEB_PAGE, STOPPED_MID_ACTION, TAB_CLOSED, notice } from './notices';

export const NO_TAB: ProtocolError = { code: 'no-tab', message: TAB_CLOSED };

export async function tabUrl(ctx: Ctx, tabId: TabId): Promise<string | null | ProtocolError> {
  try {
    return (await ctx.apis.tabs.get(tabId)).url ?? null;
  } catch {
    return NO_TAB;
  }
}

const clearAuth = (rec: TabRecord, identity: Identity | null = null): void => {
  rec.pageSession = null;
  rec.identity = identity;
  rec.basicRefused = false;
};

/** Fill the identity and page session; needs a target and host permission. */
export async function refreshAuth(ctx: Ctx, tabId: TabId, rec: TabRecord): Promise<void> {
  const target = rec.target;
  if (!target || !(await ctx.apis.permissions.hasHostPermission(target.origin))) return clearAuth(rec);
  const auth = await checkTabAuth(ctx, tabId, target);
  rec.pageSession = auth.page?.view ?? null;
  rec.identity = auth.identity;
  rec.basicRefused = auth.basicRefused;
}

/** Find the API for the page's origin (keeps a typed SiteAccess), then refresh auth. */
export async function detectInto(ctx: Ctx, tabId: TabId, rec: TabRecord): Promise<void> {
  const origin = pageOrigin(rec.pageUrl);
  const siteAccess = rec.target?.siteAccess ?? null;
  if (!origin) {
    rec.target = null;
    clearAuth(rec);
    rec.notice = notice(ctx.apis.now, 'info', NOT_A_WEB_PAGE);
    return;
  }
  if (!(await ctx.apis.permissions.hasHostPermission(origin))) {
    // No notice: the panel's permission banner says it, with the button that fixes it.
    rec.target = defaultTarget(origin, siteAccess);
    clearAuth(rec);
    rec.notice = null;
    return;
  }
  const found = await detectTarget(ctx.apis.fetch, origin, siteAccess);
  rec.target = found.target;
  if (found.kind === 'unreachable') {
    // Said once, by the identity ("unreachable"): a notice would repeat it.
    rec.notice = null;
    clearAuth(rec, { kind: 'unreachable', via: 'none', user: null, checkedAt: ctx.apis.now(), problem: found.message });
    return;
  }
  rec.notice = found.kind === 'absent' ? notice(ctx.apis.now, 'warning', found.message) : null;
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
      rec.notice = notice(ctx.apis.now, 'warning', STOPPED_MID_ACTION);
    }
    if (rec.pageUrl !== url || stale) {
      rec.pageUrl = url;
      await ctx.store.putTab(tabId, rec);
    }
    return rec;
  }
  const fresh = emptyTab(url);
  await detectInto(ctx, tabId, fresh);
  const moved = pageOrigin(url) ?? 'a non-web page';
  // Only when nothing else speaks: no banner (permission), no unreachable status, no warning.
  const quiet = fresh.notice === null && fresh.identity !== null && fresh.identity.kind !== 'unreachable';
  if (rec && quiet) {
    fresh.notice = notice(ctx.apis.now, 'info', `The page moved to ${moved}: the API target was detected again.`);
  }
  await ctx.store.putTab(tabId, fresh);
  return fresh;
}
