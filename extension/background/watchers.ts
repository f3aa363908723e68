/**
 * Keeps the state true when things change outside the panel: the page logs in or out (cookie
 * changes), the tab navigates or reloads, the tab closes. Only tabs a panel has opened (a record
 * exists) are looked at, so browsing elsewhere costs nothing.
 */
import type { TabId } from '../../shared/domain';
import { asTabId } from '../../shared/domain';
import type { CookieChange } from '../platform/apis';
import type { Ctx } from './context';
import type { Background } from './handlers/index';
import { isSessionCookieName } from '../../shared/ez';
import { notice } from './notices';
import { buildState } from './state';

export const RECHECK_DELAY_MS = 300;

/** Does a cookie set for `domain` (host-only or `.domain`) go to `origin`? Ports do not isolate cookies. */
export function cookieAppliesTo(domain: string, origin: string): boolean {
  const host = new URL(origin).hostname;
  const d = domain.replace(/^\./, '');
  return host === d || host.endsWith(`.${d}`);
}

export interface Watchers {
  onCookieChanged(change: CookieChange): Promise<void>;
  onTabUpdated(tabId: number, change: { url?: string; status?: string }): Promise<void>;
  onTabRemoved(tabId: number): Promise<void>;
  /** A host permission was granted or revoked (panel prompt, the browser's extension settings). */
  onPermissionsChanged(): Promise<void>;
  /** A request of the tab failed at the network level: the API may be down. */
  onNetworkFailure(tabId: number): void;
}

export function createWatchers(
  ctx: Ctx,
  bg: Background,
  push: (tabId: TabId, state: Awaited<ReturnType<typeof buildState>>) => void,
): Watchers {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  // A login sets a cookie, a logout removes one, a page load may set several: re-check once.
  const soon = (tabId: TabId): void => {
    clearTimeout(timers.get(tabId));
    timers.set(
      tabId,
      setTimeout(() => {
        timers.delete(tabId);
        bg.recheck(tabId).catch(() => undefined);
      }, RECHECK_DELAY_MS),
    );
  };

  return {
    async onCookieChanged(change) {
      if (!isSessionCookieName(change.cookie.name)) return;
      for (const [tabId, rec] of await ctx.store.allTabs()) {
        if (rec.target && cookieAppliesTo(change.cookie.domain, rec.target.origin)) soon(asTabId(tabId));
      }
    },
    async onTabUpdated(tabId, change) {
      if (!(await ctx.store.getTab(tabId))) return;
      if (change.url !== undefined) await bg.revisit(asTabId(tabId));
      // A reload can bring a new CSRF token into the page (meta tag, localStorage).
      else if (change.status === 'complete') soon(asTabId(tabId));
    },
    onNetworkFailure(tabId) {
      void ctx.store.getTab(tabId).then((rec) => {
        if (rec) soon(asTabId(tabId));
      });
    },
    async onPermissionsChanged() {
      // Revoked: the identity shown can no longer be checked and the panel must offer the prompt
      // now, not at the next action; granted elsewhere: the panel can check who it is again.
      for (const tabId of (await ctx.store.allTabs()).keys()) soon(asTabId(tabId));
    },
    async onTabRemoved(tabId) {
      const id = asTabId(tabId);
      clearTimeout(timers.get(id));
      timers.delete(id);
      // After any action in flight for the tab: one finishing later would store the record again
      // (a dead tab re-checked on every cookie change) and push a newer, open-looking state.
      const state = await bg.serial(id, async () => {
        const rec = await ctx.store.getTab(id);
        if (!rec) return null;
        const revision = await ctx.store.dropTab(id);
        return buildState(ctx, id, {
          ...rec,
          revision,
          pageUrl: null,
          identity: null,
          pageSession: null,
          busy: false,
          notice: notice(ctx.apis.now, 'info', 'The inspected tab was closed.'),
        });
      });
      if (state) push(id, state);
    },
  };
}
