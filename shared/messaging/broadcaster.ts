/**
 * Worker-side push: the panels' `panel:<tabId>` ports, and `emit(tabId, event, payload)` to every
 * port of that tab. Ports are the worker's only in-memory state: they die with it and the panels
 * reconnect by themselves (client.ts).
 */
import type { TabId } from '../domain';
import type { EventName, Events } from '../protocol';
import { makeEvent, parsePanelPortName } from '../protocol';
import type { PortLike } from './runtime';

export interface Broadcaster {
  /** Take a port the runtime handed over; false (and disconnected) when it is not a panel port. */
  accept(port: PortLike): boolean;
  emit<E extends EventName>(tabId: TabId, name: E, payload: Events[E]): void;
  /** tabs with at least one panel listening */
  tabs(): TabId[];
  listening(tabId: TabId): boolean;
}

export function createBroadcaster(): Broadcaster {
  const ports = new Map<TabId, Set<PortLike>>();
  const remove = (tabId: TabId, port: PortLike): void => {
    ports.get(tabId)?.delete(port);
    if (ports.get(tabId)?.size === 0) ports.delete(tabId);
  };
  return {
    accept(port) {
      const tabId = parsePanelPortName(port.name);
      if (tabId === null) {
        port.disconnect();
        return false;
      }
      const set = ports.get(tabId) ?? new Set();
      set.add(port);
      ports.set(tabId, set);
      port.onDisconnect.addListener(() => remove(tabId, port));
      return true;
    },
    emit(tabId, name, payload) {
      for (const port of ports.get(tabId) ?? []) {
        try {
          port.postMessage(makeEvent(name, payload));
        } catch {
          // The panel went away between the check and the post; onDisconnect cleans up.
        }
      }
    },
    tabs: () => [...ports.keys()],
    listening: (tabId) => ports.has(tabId),
  };
}
