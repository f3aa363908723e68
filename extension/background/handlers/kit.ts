/**
 * What every feature's handlers share: the tab's lock, loading the tab, showing busy, storing and
 * pushing the record, and the checks (a target, host permission) whose sentences live in one place.
 */
import type { ApiTarget, AuthState, ProtocolError, Result, TabId } from '../../../shared/domain';
import { fail, ok } from '../../../shared/domain';
import type { Ctx } from '../context';
import type { Serial } from '../serial';
import type { TabRecord } from '../store';
import { buildState } from '../state';
import { loadTab } from '../tabs';
import { NO_TARGET, errorNotice, noAccess } from '../notices';

/** An action on a loaded tab record: null when it worked, the error (in words) when not. */
export type Work = (rec: TabRecord) => Promise<ProtocolError | null>;

export interface Kit {
  ctx: Ctx;
  /** the per-tab lock every action and re-check runs under */
  serial: Serial<number>;
  /** Load the tab, run `work` under its lock with busy shown, store, push, answer the new state. */
  withTab(tabId: TabId, work: Work | null): Promise<Result<AuthState>>;
  /** The tab's API target, or the error saying there is none yet. */
  targetOf(rec: TabRecord): ApiTarget | ProtocolError;
  /** null when the extension may talk to the target's origin, else the error saying so. */
  needAccess(target: ApiTarget): Promise<ProtocolError | null>;
  /** A read for the tab's API origin under the tab's lock (loadTab may store a re-detected record). */
  withOrigin<T>(tabId: TabId, read: (target: ApiTarget) => Promise<Result<T>>): Promise<Result<T>>;
}

export const isError = (v: ApiTarget | ProtocolError): v is ProtocolError => 'code' in v;

export function createKit(ctx: Ctx, serial: Serial<number>): Kit {
  const needAccess = async (target: ApiTarget): Promise<ProtocolError | null> =>
    (await ctx.apis.permissions.hasHostPermission(target.origin))
      ? null
      : { code: 'permission', message: noAccess(target.origin) };

  const targetOf = (rec: TabRecord): ApiTarget | ProtocolError =>
    rec.target ?? { code: 'no-target', message: NO_TARGET };

  const runWork = async (work: Work, rec: TabRecord): Promise<ProtocolError | null> => {
    try {
      return await work(rec);
    } catch (e) {
      // A browser API rejected mid-way (cookie refused, storage full, tab gone). Answer it in
      // words AND still store and push busy: false: an exception escaping here would leave the
      // panels showing the busy state pushed before until the next action.
      return { code: 'internal', message: `The action failed part-way: ${e instanceof Error ? e.message : String(e)}` };
    }
  };

  const withTab = (tabId: TabId, work: Work | null): Promise<Result<AuthState>> =>
    serial(tabId, async () => {
      const rec = await loadTab(ctx, tabId);
      if ('code' in rec) return fail(rec.code, rec.message);
      let error: ProtocolError | null = null;
      if (work) {
        rec.busy = true;
        await ctx.store.putTab(tabId, rec);
        await ctx.notify(tabId);
        error = await runWork(work, rec);
        rec.busy = false;
        // One message at a time: a failed action's sentence replaces the last notice. A missing
        // permission is said by the panel's banner (with its button), so it is not repeated.
        if (error !== null && error.code !== 'permission') rec.notice = errorNotice(ctx.apis.now, error);
        await ctx.store.putTab(tabId, rec);
      }
      const state = await buildState(ctx, tabId, rec);
      await ctx.notify(tabId);
      return error ? { ok: false, error } : ok(state);
    });

  const withOrigin = <T>(tabId: TabId, read: (target: ApiTarget) => Promise<Result<T>>): Promise<Result<T>> =>
    serial(tabId, async () => {
      const rec = await loadTab(ctx, tabId);
      if ('code' in rec) return fail(rec.code, rec.message);
      const target = targetOf(rec);
      if (isError(target)) return { ok: false, error: target };
      const denied = await needAccess(target);
      if (denied) return { ok: false, error: denied };
      return read(target);
    });

  return { ctx, serial, withTab, targetOf, needAccess, withOrigin };
}
