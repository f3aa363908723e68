/** What every background module gets: the browser APIs (injectable), the store, and a way to push state. */
import type { TabId } from '../../shared/domain';
import type { Apis } from '../platform/apis';
import type { Store } from './store';
import type { CaptureBuffer } from './capture/buffer';

export interface Ctx {
  apis: Apis;
  store: Store;
  /** the requests the worker saw, per tab */
  capture: CaptureBuffer;
  /** DNR resource types for this browser (from the platform layer) */
  resourceTypes: string[];
  /** the extension's initiator domain, left out of the Basic rule (see basic-auth.ts) */
  ownHost: string;
  /** push the tab's current state to its open panels */
  notify(tabId: TabId): Promise<void>;
}
