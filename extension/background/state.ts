/**
 * Builds the `AuthState` the panel renders from the store. The password never leaves the
 * worker: the panel gets the Basic user name and flags only.
 */
import type { AuthState, SessionInfo, TabId } from '../../shared/domain';
import type { Ctx } from './context';
import type { TabRecord } from './store';
import { isBasicApplied } from './basic-auth';
import { pageOrigin } from './target';

export async function buildState(ctx: Ctx, tabId: TabId, rec: TabRecord | null): Promise<AuthState> {
  const target = rec?.target ?? null;
  const origin = target?.origin ?? pageOrigin(rec?.pageUrl);
  const [stored, basic, granted] = await Promise.all([
    target ? ctx.store.getSession(target.origin, target.siteAccess) : null,
    target ? ctx.store.getBasic(target.origin, target.prefix) : null,
    origin ? ctx.apis.permissions.hasHostPermission(origin) : Promise.resolve(false),
  ]);
  let panelSession: SessionInfo | null = null;
  if (stored) {
    const { replaced: _replaced, ...info } = stored;
    panelSession = info;
  }
  return {
    tabId,
    // no record: nothing was ever stored for the tab, so nothing newer can have been sent
    revision: rec?.revision ?? 0,
    pageUrl: rec?.pageUrl ?? null,
    target,
    hostPermission: granted ? 'granted' : 'missing',
    panelSession,
    pageSession: rec?.pageSession ?? null,
    basic: basic
      ? {
          user: basic.user,
          applied: await isBasicApplied(ctx, basic.ruleId),
          remember: basic.remember,
          refused: rec?.basicRefused === true,
        }
      : null,
    identity: rec?.identity ?? null,
    notice: rec?.notice ?? null,
    busy: rec?.busy ?? false,
  };
}
