/**
 * The panel's request list: one entry per request whichever source saw it first (the worker's
 * webRequest record and DevTools' HAR entry of one request are merged, shared/capture/merge.ts),
 * bounded (the oldest dropped and counted), in arrival order. Plain TypeScript with a version
 * counter, so React reads it through useSyncExternalStore and 100,000 entries never live in
 * React state.
 */
import type { CapturedEntry } from '../../shared/capture/entry';
import { Matcher, mergeEntries } from '../../shared/capture/merge';
import { withView } from '../../shared/capture/entry';

export const DEFAULT_CAPACITY = 10_000;

export class EntryStore {
  /** bumps on every change: the list's memo key */
  version = 0;
  /** entries dropped to stay under capacity since the last clear */
  dropped = 0;
  private list: CapturedEntry[] = [];
  /** the list index of an id is `seq - first`: no search when a merge replaces an entry */
  private seq = new Map<string, number>();
  private first = 0;
  private next = 0;
  private readonly matcher = new Matcher();
  private readonly listeners = new Set<() => void>();

  /** `onDrop` hears of every entry that leaves (capacity, retain, clear): its body goes too */
  constructor(
    private cap = DEFAULT_CAPACITY,
    private readonly onDrop: (e: CapturedEntry) => void = () => undefined,
  ) {}

  get capacity(): number {
    return this.cap;
  }

  /** A new limit: over it, the oldest go now (and are counted as dropped). */
  setCapacity(n: number): void {
    if (!Number.isSafeInteger(n) || n < 1 || n === this.cap) return;
    this.cap = n;
    this.trim();
    this.changed();
  }

  get size(): number {
    return this.list.length;
  }

  all(): readonly CapturedEntry[] {
    return this.list;
  }

  get(id: string): CapturedEntry | undefined {
    const s = this.seq.get(id);
    return s === undefined ? undefined : this.list[s - this.first];
  }

  /** Add a batch: each entry merges with its other-source twin or takes a new place at the end. */
  add(batch: readonly CapturedEntry[]): void {
    if (batch.length === 0) return;
    for (const e of batch) {
      const twin = this.matcher.take(e);
      const at = twin === null ? undefined : this.seq.get(twin.id);
      if (twin !== null && at !== undefined) {
        this.list[at - this.first] = withView(mergeEntries(twin, e));
        continue;
      }
      this.seq.set(e.id, this.next++);
      this.list.push(e);
      this.matcher.wait(e);
    }
    this.trim();
    this.changed();
  }

  /** Replace one entry in place (its body came, its search text grew). */
  update(id: string, f: (e: CapturedEntry) => CapturedEntry): void {
    const s = this.seq.get(id);
    const e = s === undefined ? undefined : this.list[s - this.first];
    if (s === undefined || e === undefined) return;
    this.list[s - this.first] = f(e);
    this.changed();
  }

  /** Keep only what `keep` says (a navigation without preserve-log keeps the new page). */
  retain(keep: (e: CapturedEntry) => boolean): void {
    const kept: CapturedEntry[] = [];
    for (const e of this.list) {
      if (keep(e)) kept.push(e);
      else this.onDrop(e);
    }
    if (kept.length === this.list.length) return;
    this.reset(kept, this.dropped);
  }

  clear(): void {
    for (const e of this.list) this.onDrop(e);
    this.reset([], 0);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  private trim(): void {
    const over = this.list.length - this.cap;
    if (over <= 0) return;
    for (const gone of this.list.splice(0, over)) {
      this.seq.delete(gone.id);
      this.matcher.forget(gone);
      this.onDrop(gone);
    }
    this.first += over;
    this.dropped += over;
  }

  private reset(entries: CapturedEntry[], dropped: number): void {
    this.matcher.clear();
    this.seq.clear();
    this.first = 0;
    this.next = 0;
    this.list = [];
    for (const e of entries) {
      this.seq.set(e.id, this.next++);
      this.list.push(e);
      this.matcher.wait(e);
    }
    this.dropped = dropped;
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
