/**
 * Turns webRequest's events for one request (start, headers sent, headers received, done or
 * failed) into one record, and hands finished records on. In memory only: a request in flight
 * when the worker stops is lost, a finished one is in the buffer.
 */
import type { HeaderPair } from '../../../shared/domain/capture';
import { authCarried } from '../../../shared/capture/auth';
import { SECRET_HEADERS, maskHeaders } from '../../../shared/capture/headers';
import type { RequestDetails, RequestWatch } from '../../platform/web-request';
import type { StoredRequest } from './buffer';

const MAX_PENDING = 5000;

const pairs = (h: RequestDetails['requestHeaders']): HeaderPair[] =>
  (h ?? []).map((x) => ({ name: x.name, value: x.value ?? '' }));

export interface RecorderSink {
  /** A navigation of the tab started (a main_frame request): its page number. */
  navigated(tabId: number, url: string): Promise<number>;
  /** The page number requests of the tab belong to now. */
  page(tabId: number): Promise<number> | number;
  finished(tabId: number, rec: StoredRequest): void;
}

export function createRecorder(sink: RecorderSink, now: () => number = Date.now): RequestWatch {
  const pending = new Map<string, StoredRequest & { tabId: number; ready: Promise<number> }>();
  const delivered = new Map<number, Promise<void>>();

  const start = (d: RequestDetails, ready: Promise<number>): void => {
    if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value ?? '');
    pending.set(d.requestId, {
      id: `${d.tabId}:${d.requestId}`,
      tabId: d.tabId,
      ready,
      page: 0,
      startedAt: d.timeStamp || now(),
      endedAt: null,
      method: d.method.toUpperCase(),
      url: d.url,
      type: d.type,
      status: 0,
      statusLine: '',
      error: null,
      requestHeaders: [],
      responseHeaders: [],
      auth: authCarried([]),
      fromCache: false,
      secrets: [],
    });
  };

  const finish = (d: RequestDetails, error: string | null): void => {
    const rec = pending.get(d.requestId);
    if (rec === undefined) return;
    pending.delete(d.requestId);
    rec.endedAt = d.timeStamp || now();
    rec.error = error;
    if (d.statusCode !== undefined) rec.status = d.statusCode;
    if (d.statusLine !== undefined) rec.statusLine = d.statusLine;
    if (d.responseHeaders !== undefined) rec.responseHeaders = maskHeaders(pairs(d.responseHeaders));
    rec.fromCache = d.fromCache === true;
    const { tabId, ready, ...stored } = rec;
    // Handed on in the order they finished, whatever each one waited for.
    const next = (delivered.get(tabId) ?? Promise.resolve())
      .then(() => ready)
      .then((page) => sink.finished(tabId, { ...stored, page }))
      .catch(() => undefined);
    delivered.set(tabId, next);
    void next.then(() => {
      if (delivered.get(tabId) === next) delivered.delete(tabId);
    });
  };

  return {
    onStart(d) {
      if (d.tabId < 0) return; // the extension's own requests, and others not of a tab
      // Registered at once (the other events follow at once); the page number may need a storage
      // read after a worker restart, so the record waits for it before it is handed on.
      start(d, d.type === 'main_frame' ? sink.navigated(d.tabId, d.url) : Promise.resolve(sink.page(d.tabId)));
    },
    onHeaders(d) {
      const rec = pending.get(d.requestId);
      if (rec === undefined) return;
      const sent = pairs(d.requestHeaders);
      rec.auth = authCarried(sent);
      rec.requestHeaders = maskHeaders(sent);
      rec.secrets = sent.filter((h) => SECRET_HEADERS.has(h.name.toLowerCase()));
    },
    onResponse(d) {
      const rec = pending.get(d.requestId);
      if (rec === undefined) return;
      rec.status = d.statusCode ?? rec.status;
      rec.statusLine = d.statusLine ?? rec.statusLine;
      rec.responseHeaders = maskHeaders(pairs(d.responseHeaders));
    },
    onDone: (d) => finish(d, null),
    onError: (d) => finish(d, d.error ?? 'failed'),
  };
}
