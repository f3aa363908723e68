/** The inspector model for one tab, started once, and the store's version for React to re-render on. */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { TabId } from '../../shared/domain';
import type { PanelClient } from '../deps';
import type { NetworkHost } from '../host';
import { InspectorModel } from './model';

export function useInspector(
  client: PanelClient,
  tabId: TabId,
  network: NetworkHost | null,
  capacity?: number,
): { model: InspectorModel; version: number } {
  const model = useMemo(() => new InspectorModel({ client, tabId, network }), [client, tabId, network]);
  useEffect(() => model.start(), [model]);
  // A changed limit applies to the list as it is (the oldest go), it does not start a new one.
  useEffect(() => {
    if (capacity !== undefined) model.store.setCapacity(capacity);
  }, [model, capacity]);
  const version = useSyncExternalStore(model.store.subscribe, model.store.getVersion);
  return { model, version };
}
