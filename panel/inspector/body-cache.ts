/**
 * Response bodies the user opened, kept under a byte budget (least recently used first out):
 * a panel that held every 10 MB body of 10,000 rows would die. A body larger than the whole
 * budget is handed back but not kept. Each body is kept with its lower-cased copy, which the
 * filter's free text searches: lower-casing megabytes on every keystroke would be too slow.
 */
export const DEFAULT_BODY_BUDGET = 32 * 1024 * 1024;

export interface CachedBody {
  text: string;
  lower: string;
  /** the body was cut by whoever fetched it */
  truncated: boolean;
}

/** UTF-16 code units are two bytes each in the engine; the copy doubles it. */
const costOf = (b: CachedBody): number => (b.text.length + b.lower.length) * 2;

export class BodyCache {
  private readonly map = new Map<string, CachedBody>();
  private used = 0;

  constructor(readonly budget = DEFAULT_BODY_BUDGET) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.map.size;
  }

  /** The body, marked as just used. */
  get(id: string): CachedBody | undefined {
    const b = this.map.get(id);
    if (b !== undefined) {
      this.map.delete(id);
      this.map.set(id, b);
    }
    return b;
  }

  /** The lower-cased body for the filter, without touching the order (filtering is not using). */
  peekLower(id: string): string | null {
    return this.map.get(id)?.lower ?? null;
  }

  set(id: string, text: string, truncated = false): CachedBody {
    const body: CachedBody = { text, lower: text.toLowerCase(), truncated };
    this.delete(id);
    const cost = costOf(body);
    if (cost > this.budget) return body;
    for (const [oldId, old] of this.map) {
      if (this.used + cost <= this.budget) break;
      this.map.delete(oldId);
      this.used -= costOf(old);
    }
    this.map.set(id, body);
    this.used += cost;
    return body;
  }

  delete(id: string): void {
    const old = this.map.get(id);
    if (old === undefined) return;
    this.map.delete(id);
    this.used -= costOf(old);
  }

  clear(): void {
    this.map.clear();
    this.used = 0;
  }
}
