/**
 * The worker's per-tab record of requests: bounded (`CAPTURE_LIMIT` entries, the oldest dropped),
 * metadata only, kept in `storage.session` so a stopped worker loses nothing. Writes are batched:
 * a burst of 10,000 requests must not mean 10,000 storage writes. The real values of the secret
 * headers stay here (for reveal and replay); what leaves the worker is masked.
 */
import type { HeaderPair, ObservedRequest } from '../../../shared/domain/capture';
import type { StorageArea } from '../../platform/apis';

export const CAPTURE_LIMIT = 2000;
const FLUSH_MS = 500;

export interface StoredRequest extends ObservedRequest {
  /** the secret headers as sent (Cookie, Authorization, X-CSRF-Token): never sent to the panel */
  secrets: HeaderPair[];
}

interface TabCapture {
  page: number;
  dropped: number;
  entries: StoredRequest[];
}

const keyOf = (tabId: number): string => `capture:${tabId}`;

export interface CaptureBuffer {
  add(tabId: number, rec: StoredRequest): Promise<void>;
  /** A top-level navigation: the tab's next page. Answers its number. */
  navigate(tabId: number): Promise<number>;
  page(tabId: number): Promise<number>;
  list(tabId: number): Promise<TabCapture>;
  find(tabId: number, id: string): Promise<StoredRequest | null>;
  clear(tabId: number): Promise<void>;
  drop(tabId: number): Promise<void>;
  /** write what is pending now (tests, and before the worker goes idle) */
  flush(): Promise<void>;
}

export function createCaptureBuffer(area: StorageArea, limit = CAPTURE_LIMIT): CaptureBuffer {
  const tabs = new Map<number, TabCapture>();
  const loading = new Map<number, Promise<TabCapture>>();
  const dirty = new Set<number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** The tab's record, read once from storage after a worker restart. */
  const load = (tabId: number): Promise<TabCapture> => {
    const known = tabs.get(tabId);
    if (known) return Promise.resolve(known);
    let p = loading.get(tabId);
    if (p === undefined) {
      p = area.get(keyOf(tabId)).then((got) => {
        const stored = got[keyOf(tabId)] as TabCapture | undefined;
        const t = tabs.get(tabId) ?? stored ?? { page: 0, dropped: 0, entries: [] };
        tabs.set(tabId, t);
        loading.delete(tabId);
        return t;
      });
      loading.set(tabId, p);
    }
    return p;
  };

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const items: Record<string, unknown> = {};
    for (const tabId of dirty) {
      const t = tabs.get(tabId);
      if (t) items[keyOf(tabId)] = t;
    }
    dirty.clear();
    if (Object.keys(items).length > 0) await area.set(items).catch(() => undefined);
  };

  const touch = (tabId: number): void => {
    dirty.add(tabId);
    timer ??= setTimeout(() => void flush(), FLUSH_MS);
  };

  return {
    async add(tabId, rec) {
      const t = await load(tabId);
      t.entries.push(rec);
      if (t.entries.length > limit) {
        const over = t.entries.length - limit;
        t.entries.splice(0, over);
        t.dropped += over;
      }
      touch(tabId);
    },
    async navigate(tabId) {
      const t = await load(tabId);
      t.page++;
      touch(tabId);
      return t.page;
    },
    page: async (tabId) => (await load(tabId)).page,
    list: (tabId) => load(tabId),
    async find(tabId, id) {
      return (await load(tabId)).entries.find((e) => e.id === id) ?? null;
    },
    async clear(tabId) {
      const t = await load(tabId);
      t.entries = [];
      t.dropped = 0;
      touch(tabId);
    },
    async drop(tabId) {
      tabs.delete(tabId);
      dirty.delete(tabId);
      await area.remove(keyOf(tabId)).catch(() => undefined);
    },
    flush,
  };
}
