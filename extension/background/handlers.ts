/**
 * One handler per protocol request: load the tab, do the work in the module that owns it, store
 * the record, push the new state, answer with it. A failed action answers with a Result error
 * (the panel shows it); background happenings (tab moved, cookie changed) go in `notice`.
 */
import type { ApiTarget, AuthState, ProtocolError, Result, TabId } from '../../shared/protocol';
import { fail, ok } from '../../shared/protocol';
import type { Handlers } from '../../shared/messaging/router';
import type { Ctx } from './context';
import type { TabRecord } from './store';
import { buildState } from './state';
import { detectInto, loadTab, refreshAuth } from './tabs';
import { parseBase } from './target';
import { login, logout, refresh } from './sessions';
import type { Outcome } from './sessions';
import { applyBasic, clearBasic } from './basic-auth';
import { listCookies, revealCookie } from './cookies';
import { createLocks } from './lock';

type Work = (rec: TabRecord) => Promise<ProtocolError | null>;

export interface Background {
  handlers: Handlers;
  /** Re-read page session and identity for a tab the panel knows (cookie or page change). */
  recheck(tabId: TabId): Promise<void>;
  /** The tab may have navigated: re-detect if its origin changed. */
  revisit(tabId: TabId): Promise<void>;
  /** Run `fn` under the tab's lock, after any action in flight for it (used when the tab closes). */
  serial<T>(tabId: TabId, fn: () => Promise<T>): Promise<T>;
}

export function createBackground(ctx: Ctx): Background {
  const lock = createLocks();

  /** Load the tab, run `work` under the tab's lock with busy shown, store, push, answer. */
  const withTab = (tabId: TabId, work: Work | null): Promise<Result<AuthState>> =>
    lock(tabId, async () => {
      const rec = await loadTab(ctx, tabId);
      if ('code' in rec) return fail(rec.code, rec.message);
      let error: ProtocolError | null = null;
      if (work) {
        rec.busy = true;
        await ctx.store.putTab(tabId, rec);
        await ctx.notify(tabId);
        try {
          error = await work(rec);
        } catch (e) {
          // A browser API rejected mid-way (cookie refused, storage full, tab gone). Answer it in
          // words AND still store and push busy: false below: an exception escaping here would
          // leave the panels showing the busy state pushed above until the next action.
          error = {
            code: 'internal',
            message: `The action failed part-way: ${e instanceof Error ? e.message : String(e)}`,
          };
        }
        rec.busy = false;
        await ctx.store.putTab(tabId, rec);
      }
      const state = await buildState(ctx, tabId, rec);
      await ctx.notify(tabId);
      return error ? { ok: false, error } : ok(state);
    });

  const needTarget = (rec: TabRecord): ProtocolError | null =>
    rec.target ? null : { code: 'no-target', message: 'No API target yet: open the site or enter the API base.' };

  /**
   * Actions that talk to the API or its cookies need the host permission, which the user may have
   * never given or revoked while the panel is open. Without it the fetch fails as a CORS error
   * ("is the server running?"), cookies.set rejects and a DNR rule silently does nothing: say why.
   */
  const needAccess = async (target: ApiTarget): Promise<ProtocolError | null> =>
    (await ctx.apis.permissions.hasHostPermission(target.origin))
      ? null
      : {
          code: 'permission',
          message: `The extension may not talk to ${target.origin} yet: allow access to it first.`,
        };

  /** A session step (login, logout, refresh): run it, re-check who we are, keep its notice or answer its error. */
  const sessionStep =
    (tabId: TabId, step: (c: Ctx, target: ApiTarget) => Promise<Outcome>): Work =>
    async (rec) => {
      if (!rec.target) return needTarget(rec);
      const denied = await needAccess(rec.target);
      if (denied) {
        await refreshAuth(ctx, tabId, rec); // drops the identity shown from before the permission went
        return denied;
      }
      const r = await step(ctx, rec.target);
      await refreshAuth(ctx, tabId, rec);
      if (!r.ok) return r.error;
      rec.notice = r.notice;
      return null;
    };

  const recheck = (tabId: TabId): Promise<void> =>
    lock(tabId, async () => {
      const rec = await ctx.store.getTab(tabId);
      if (!rec) return;
      await refreshAuth(ctx, tabId, rec);
      await ctx.store.putTab(tabId, rec);
      await ctx.notify(tabId);
    });

  const revisit = (tabId: TabId): Promise<void> =>
    lock(tabId, async () => {
      if (!(await ctx.store.getTab(tabId))) return;
      await loadTab(ctx, tabId);
      await ctx.notify(tabId);
    });

  /**
   * A cookie read for the tab's API origin, under the tab's lock like every action (loadTab may
   * re-detect and store the record, which must not interleave with a login or a navigation).
   */
  const withCookieOrigin = <T>(tabId: TabId, read: (origin: string) => Promise<Result<T>>): Promise<Result<T>> =>
    lock(tabId, async () => {
      const rec = await loadTab(ctx, tabId);
      if ('code' in rec) return fail(rec.code, rec.message);
      if (!rec.target) return fail('no-target', 'No API target yet, so no cookies to show.');
      const denied = await needAccess(rec.target);
      if (denied) return { ok: false, error: denied };
      return read(rec.target.origin);
    });

  const handlers: Handlers = {
    'state.get': ({ tabId }) => withTab(tabId, null),
    'target.detect': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        await detectInto(ctx, tabId, rec);
        return null;
      }),
    'target.set': ({ tabId, base, siteAccess }) =>
      withTab(tabId, async (rec) => {
        const parsed = parseBase(base, siteAccess);
        if (typeof parsed === 'string') return { code: 'bad-request', message: parsed };
        rec.target = parsed;
        rec.notice = (await ctx.apis.permissions.hasHostPermission(parsed.origin))
          ? null
          : {
              level: 'warning',
              message: `The extension may not talk to ${parsed.origin} yet: allow access to it first.`,
            };
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
    'session.login': ({ tabId, login: user, password, siteAccess }) =>
      withTab(tabId, async (rec) => {
        if (!rec.target) return needTarget(rec);
        const sa = siteAccess?.trim() ? siteAccess.trim() : null;
        if (sa !== rec.target.siteAccess) rec.target = { ...rec.target, siteAccess: sa };
        return sessionStep(tabId, (c, t) => login(c, t, user, password))(rec);
      }),
    'session.logout': ({ tabId }) => withTab(tabId, sessionStep(tabId, logout)),
    'session.refresh': ({ tabId }) => withTab(tabId, sessionStep(tabId, refresh)),
    'identity.check': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        if (!rec.target) return needTarget(rec);
        // Without the permission this clears the identity it can no longer check.
        await refreshAuth(ctx, tabId, rec);
        return needAccess(rec.target);
      }),
    'basic.apply': ({ tabId, user, password, remember }) =>
      withTab(tabId, async (rec) => {
        if (!rec.target) return needTarget(rec);
        const denied = await needAccess(rec.target);
        if (denied) return denied;
        const error = await applyBasic(ctx, rec.target, user, password, remember);
        if (error) return error;
        // No notice of its own: `basic` in the state already says who is applied where (the panel's
        // status line); a success only clears the last notice.
        rec.notice = null;
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
    'basic.clear': ({ tabId }) =>
      withTab(tabId, async (rec) => {
        if (!rec.target) return needTarget(rec);
        const had = await clearBasic(ctx, rec.target);
        rec.notice = { level: 'info', message: had ? 'HTTP Basic removed.' : 'No HTTP Basic was applied.' };
        await refreshAuth(ctx, tabId, rec);
        return null;
      }),
    'cookies.list': ({ tabId }) =>
      withCookieOrigin(tabId, async (origin) => ok(await listCookies(ctx.apis.cookies, ctx.store, origin))),
    'cookies.reveal': ({ tabId, name }) =>
      withCookieOrigin(tabId, async (origin) => {
        const value = await revealCookie(ctx.apis.cookies, origin, name);
        return value === null
          ? fail('internal', `The cookie "${name}" is no longer set for ${origin}.`)
          : ok({ value });
      }),
  };
  return { handlers, recheck, revisit, serial: lock };
}
