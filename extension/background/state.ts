/**
 * Builds the `AuthState` the panel renders from the store, and pushes it to the panel ports of a
 * tab. Ports are the only in-memory state: they die with the worker and the panel reconnects.
 */
import type { AuthState, SessionInfo, TabId } from '../../shared/protocol';
import { makeEvent } from '../../shared/protocol';
import type { PortLike } from '../../shared/messaging/runtime';
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
    // The password never leaves the worker: the panel gets the user name and flags only.
    basic: basic
      ? { user: basic.user, applied: await isBasicApplied(ctx, basic.ruleId), remember: basic.remember }
      : null,
    identity: rec?.identity ?? null,
    notice: rec?.notice ?? null,
    busy: rec?.busy ?? false,
  };
}

export interface Broadcaster {
  add(tabId: TabId, port: PortLike): void;
  remove(tabId: TabId, port: PortLike): void;
  push(state: AuthState): void;
  tabs(): TabId[];
}

export function createBroadcaster(): Broadcaster {
  const ports = new Map<TabId, Set<PortLike>>();
  return {
    add(tabId, port) {
      const set = ports.get(tabId) ?? new Set();
      set.add(port);
      ports.set(tabId, set);
    },
    remove(tabId, port) {
      ports.get(tabId)?.delete(port);
      if (ports.get(tabId)?.size === 0) ports.delete(tabId);
    },
    push(state) {
      for (const port of ports.get(state.tabId) ?? []) {
        try {
          port.postMessage(makeEvent('state.changed', state));
        } catch {
          // The panel went away between the check and the post; onDisconnect cleans up.
        }
      }
    },
    tabs: () => [...ports.keys()],
  };
}
