/**
 * One list, one entry per request, whichever source saw it first. The worker (webRequest) and
 * DevTools (HAR) describe the same request without a shared id, so they are matched by method,
 * URL and status, the one that started closest in time (within `MATCH_WINDOW_MS`) winning. The
 * window is tight: both sources stamp the request's own start (webRequest's `timeStamp`, HAR's
 * `startedDateTime`), a few ms apart; a wider one pairs a new DevTools record with an older
 * worker record of the same URL that DevTools never saw (made while it was starting). Both
 * sources deliver roughly in order, so each key keeps a queue of unmatched entries and a match
 * is almost always at its head: ingesting stays O(1) per entry at 100,000 entries.
 */
import type { CapturedEntry } from './entry';

export const MATCH_WINDOW_MS = 500;

const keyOf = (e: Pick<CapturedEntry, 'method' | 'url' | 'status'>): string => `${e.method} ${e.status} ${e.url}`;

type Side = 'worker' | 'other';
const sideOf = (e: CapturedEntry): Side => (e.sources.includes('worker') ? 'worker' : 'other');

export class Matcher {
  /** per key and side: entries still waiting for their counterpart, oldest first */
  private readonly waiting = new Map<string, Record<Side, CapturedEntry[]>>();

  /** The entry of the other side this one is the same request as (removed from waiting), or null. */
  take(e: CapturedEntry): CapturedEntry | null {
    if (e.sources.includes('import') || e.sources.includes('replay')) return null;
    const key = keyOf(e);
    const queues = this.waiting.get(key);
    if (queues === undefined) return null;
    const other = queues[sideOf(e) === 'worker' ? 'other' : 'worker'];
    // Stale heads (their counterpart will not come) go first.
    while (other.length > 0 && (other[0]?.startedAt ?? 0) < e.startedAt - MATCH_WINDOW_MS) other.shift();
    let best = -1;
    let bestDelta = Number.POSITIVE_INFINITY;
    for (let i = 0; i < other.length; i++) {
      const t = other[i]?.startedAt ?? 0;
      if (t > e.startedAt + MATCH_WINDOW_MS) break;
      const delta = Math.abs(t - e.startedAt);
      if (delta <= MATCH_WINDOW_MS && delta < bestDelta) {
        best = i;
        bestDelta = delta;
      }
    }
    if (best < 0) return null;
    const [found] = other.splice(best, 1);
    return found ?? null;
  }

  /** Remember an entry nobody matched yet. */
  wait(e: CapturedEntry): void {
    if (e.sources.includes('import') || e.sources.includes('replay')) return;
    const key = keyOf(e);
    let queues = this.waiting.get(key);
    if (queues === undefined) {
      queues = { worker: [], other: [] };
      this.waiting.set(key, queues);
    }
    queues[sideOf(e)].push(e);
  }

  /** Forget an entry (dropped from the list or the list was cleared). */
  forget(e: CapturedEntry): void {
    const queues = this.waiting.get(keyOf(e));
    if (queues === undefined) return;
    const q = queues[sideOf(e)];
    const i = q.indexOf(e);
    if (i >= 0) q.splice(i, 1);
  }

  clear(): void {
    this.waiting.clear();
  }
}

/**
 * The two records of one request as one entry: the first one's id and place in the list, the
 * worker's record of what went on the wire (its auth reading sees the Cookie and Authorization
 * headers Chrome leaves out of HAR), DevTools' body, sizes and timings.
 */
export function mergeEntries(first: CapturedEntry, second: CapturedEntry): Omit<CapturedEntry, 'view'> {
  const worker = first.sources.includes('worker') ? first : second;
  const devtools = worker === first ? second : first;
  return {
    ...devtools,
    id: first.id,
    sources: [...new Set([...first.sources, ...second.sources])],
    workerId: worker.workerId,
    page: worker.page,
    startedAt: Math.min(first.startedAt, second.startedAt),
    requestHeaders: mergeHeaders(devtools.requestHeaders, worker.requestHeaders),
    responseHeaders: devtools.responseHeaders.length > 0 ? devtools.responseHeaders : worker.responseHeaders,
    auth: worker.auth,
    error: devtools.error ?? worker.error,
  };
}

/** DevTools' headers, plus the ones only the worker saw (Chrome's HAR can leave Cookie out). */
function mergeHeaders(
  devtools: CapturedEntry['requestHeaders'],
  worker: CapturedEntry['requestHeaders'],
): CapturedEntry['requestHeaders'] {
  const have = new Set(devtools.map((h) => h.name.toLowerCase()));
  return [...devtools, ...worker.filter((h) => !have.has(h.name.toLowerCase()))];
}
