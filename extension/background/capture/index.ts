/**
 * Capture, wired: the recorder feeds the per-tab buffer and the panels' `capture.entries` push
 * (batched every 100 ms: a burst of requests becomes a few messages), and a failed request to a
 * tab's API tells the auth side to check again (the server may have gone away).
 */
import type { ObservedRequest } from '../../../shared/domain/capture';
import type { TabId } from '../../../shared/domain';
import { asTabId } from '../../../shared/domain';
import type { RequestWatch } from '../../platform/web-request';
import { createCaptureBuffer, type CaptureBuffer, type StoredRequest } from './buffer';
import { createRecorder } from './recorder';
import type { StorageArea } from '../../platform/apis';

const PUSH_MS = 100;

export interface CapturePush {
  entries(tabId: TabId, entries: ObservedRequest[]): void;
  navigated(tabId: TabId, page: number, url: string): void;
  /** a request of the tab failed at the network level */
  networkFailed(tabId: TabId, url: string): void;
}

export interface Capture {
  buffer: CaptureBuffer;
  watch: RequestWatch;
}

/** What of a stored record may leave the worker. */
export const observed = ({ secrets: _secrets, ...rest }: StoredRequest): ObservedRequest => rest;

export function createCapture(area: StorageArea, push: CapturePush): Capture {
  const buffer = createCaptureBuffer(area);
  const outgoing = new Map<number, ObservedRequest[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (): void => {
    timer = undefined;
    for (const [tabId, entries] of outgoing) push.entries(asTabId(tabId), entries);
    outgoing.clear();
  };
  const watch = createRecorder({
    async navigated(tabId, url) {
      const page = await buffer.navigate(tabId);
      push.navigated(asTabId(tabId), page, url);
      return page;
    },
    page: (tabId) => buffer.page(tabId),
    finished(tabId, rec) {
      void buffer.add(tabId, rec);
      const list = outgoing.get(tabId) ?? [];
      list.push(observed(rec));
      outgoing.set(tabId, list);
      timer ??= setTimeout(send, PUSH_MS);
      if (rec.error !== null && rec.status === 0 && !/ABORTED/i.test(rec.error))
        push.networkFailed(asTabId(tabId), rec.url);
    },
  });
  return { buffer, watch };
}
