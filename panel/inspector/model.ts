/**
 * The inspector's data, outside React: the entry store fed by both capture sources (the worker's
 * webRequest record, pushed and listed; DevTools' HAR log, back-filled on open and then per
 * request), navigation without preserve-log, Clear, and response bodies fetched only when a row
 * is opened. Tests drive it with a fake client and a fake DevTools.
 */
import type { CapturedEntry } from '../../shared/capture/entry';
import { entryFromWorker } from '../../shared/capture/from-worker';
import type { ObservedRequest } from '../../shared/domain/capture';
import type { TabId } from '../../shared/domain';
import { decodeBase64 } from '../../shared/http/base64';
import { entryFromHar } from '../../shared/http/har-in';
import type { PanelClient } from '../deps';
import type { HarRecord, NetworkHost } from '../host';
import { BodyCache } from './body-cache';
import { DEFAULT_CAPACITY, EntryStore } from './store';

/** Two navigation signals (worker, DevTools) this close together are one navigation. */
const SAME_NAVIGATION_MS = 3000;

export type BodyAnswer = { ok: true; text: string; truncated: boolean } | { ok: false; why: string };

/** Only what the list can show is kept: fetch/XHR, and anything REST (a navigation to an API URL). */
const worthKeeping = (e: CapturedEntry): boolean => e.kind === 'fetch' || e.kind === 'xhr' || e.view.isRest;

export interface InspectorOptions {
  client: PanelClient;
  tabId: TabId;
  network: NetworkHost | null;
  capacity?: number;
  bodyBudget?: number;
  now?: () => number;
}

export class InspectorModel {
  readonly store: EntryStore;
  readonly bodies: BodyCache;
  preserveLog = false;
  /** how many HAR entries could not be read (shown, never thrown) */
  unreadable = 0;
  private readonly handles = new Map<string, HarRecord>();
  private readonly seenWorker = new Set<string>();
  private lastNavigation: { at: number; by: 'worker' | 'devtools' } | null = null;
  private n = 0;
  /** getHAR runs once: a second start (React StrictMode) must not list the log twice */
  private backfilled = false;
  private readonly now: () => number;

  constructor(private readonly opts: InspectorOptions) {
    this.now = opts.now ?? Date.now;
    this.bodies = new BodyCache(opts.bodyBudget);
    this.store = new EntryStore(opts.capacity ?? DEFAULT_CAPACITY, (e) => {
      this.bodies.delete(e.id);
      if (e.body.where === 'devtools') this.handles.delete(e.body.key);
    });
  }

  get network(): NetworkHost | null {
    return this.opts.network;
  }

  /** Start listening to both sources; answers the function that stops. */
  start(): () => void {
    const { client, tabId, network } = this.opts;
    const stops: Array<() => void> = [];
    stops.push(
      client.subscribe(tabId, {
        onConnect: () => void this.listWorker(),
        onEvent: (e) => {
          if (e.name === 'capture.entries') this.addWorker(e.payload.entries);
          else if (e.name === 'capture.navigated') this.navigated('worker');
        },
      }),
    );
    if (network !== null) {
      stops.push(network.onRequestFinished((r) => this.addHar([r])));
      stops.push(network.onNavigated(() => this.navigated('devtools')));
      if (!this.backfilled) this.backfill(network);
    }
    return () => stops.forEach((s) => s());
  }

  private backfill(network: NetworkHost): void {
    this.backfilled = true;
    void network.getHAR().then(
      (records) => this.addHar(records),
      () => undefined,
    );
  }

  /** The records the worker kept (all of them after a worker restart or a late open). */
  private async listWorker(): Promise<void> {
    const r = await this.opts.client.request('capture.list', { tabId: this.opts.tabId });
    if (!r.ok) return;
    const current = r.value.entries.filter((e) => this.preserveLog || e.page === r.value.page);
    this.addWorker(current);
  }

  addWorker(records: readonly ObservedRequest[]): void {
    const fresh: CapturedEntry[] = [];
    for (const rec of records) {
      if (this.seenWorker.has(rec.id)) continue;
      this.seenWorker.add(rec.id);
      const e = entryFromWorker(rec, `w:${rec.id}`);
      if (worthKeeping(e)) fresh.push(e);
    }
    this.store.add(fresh);
  }

  addHar(records: readonly HarRecord[]): void {
    const fresh: CapturedEntry[] = [];
    for (const rec of records) {
      const id = `d:${this.n++}`;
      const got = entryFromHar(rec.entry, id, 'devtools');
      if (!got.ok) {
        this.unreadable++;
        continue;
      }
      if (!worthKeeping(got.entry)) continue;
      this.handles.set(id, rec);
      fresh.push(got.entry);
    }
    this.store.add(fresh);
  }

  /** Entries made elsewhere (an imported HAR file, a replay): never merged with captured ones. */
  addOwn(entries: readonly CapturedEntry[]): void {
    this.store.add(entries);
  }

  nextId(prefix: string): string {
    return `${prefix}:${this.n++}`;
  }

  /**
   * A navigation: without preserve-log, what started before it goes. The worker hears of it
   * when the document request starts, DevTools when it commits; whichever comes second within a
   * few seconds is the same navigation and must not drop the new page's first requests.
   */
  navigated(by: 'worker' | 'devtools'): void {
    const at = this.now();
    const last = this.lastNavigation;
    if (last !== null && last.by !== by && at - last.at < SAME_NAVIGATION_MS) {
      // The pair is complete: the next signal, however soon, is a new navigation.
      this.lastNavigation = null;
      return;
    }
    this.lastNavigation = { at, by };
    if (!this.preserveLog) this.store.retain((e) => e.startedAt >= at || e.sources.includes('import'));
  }

  /** Clear the list here and the worker's record, so reopening the panel does not bring them back. */
  clear(): void {
    this.store.clear();
    this.bodies.clear();
    void this.opts.client.request('capture.clear', { tabId: this.opts.tabId });
  }

  /** The response body of an entry: from the cache, the entry itself, or DevTools (then cached). */
  async body(e: CapturedEntry): Promise<BodyAnswer> {
    const cached = this.bodies.get(e.id);
    if (cached !== undefined) return { ok: true, text: cached.text, truncated: cached.truncated };
    const b = e.body;
    if (b.where === 'none') return { ok: false, why: b.why };
    if (b.where === 'inline') return { ok: true, text: this.bodies.set(e.id, b.text).text, truncated: false };
    const handle = this.handles.get(b.key);
    if (handle === undefined) return { ok: false, why: 'DevTools no longer holds this body.' };
    try {
      const got = await handle.getContent();
      if (got.text === null) return { ok: false, why: 'DevTools has no body for this request (none was sent).' };
      const text =
        got.encoding === 'base64' ? (decodeBase64(got.text) ?? '(a binary body that is not valid base64)') : got.text;
      if (this.store.get(e.id) !== undefined) this.bodies.set(e.id, text);
      return { ok: true, text, truncated: false };
    } catch (err) {
      return {
        ok: false,
        why: `DevTools could not give the body: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
  }
}
