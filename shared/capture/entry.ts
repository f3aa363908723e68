/**
 * One entry of the request list, from any source, and what the list shows of it (computed once
 * when the entry arrives, so filtering 100,000 entries touches plain fields only).
 */
import type { AuthCarried, CaptureSource, HeaderPair } from '../domain/capture';
import { FLAVOURS, VENDORS } from '../ez/flavours';
import { resourceTypeOf } from '../ez/resource-types';
import { authBadge, effectiveMethod, type AuthBadge } from './auth';
import { headerValue } from './headers';

export type ResourceKind = 'fetch' | 'xhr' | 'document' | 'other';

export interface CapturedEntry {
  /** the panel's id for the entry */
  id: string;
  sources: CaptureSource[];
  /** the worker's id (`<tab>:<requestId>`) once the worker's record is merged in */
  workerId: string | null;
  /** the page (navigation) of the tab it belongs to */
  page: number;
  startedAt: number;
  timeMs: number | null;
  method: string;
  url: string;
  status: number;
  statusText: string;
  error: string | null;
  kind: ResourceKind;
  requestHeaders: HeaderPair[];
  responseHeaders: HeaderPair[];
  requestBody: { mimeType: string; text: string } | null;
  /** response body size in bytes, null when unknown */
  size: number | null;
  /** HAR `content.mimeType` (Chrome lower-cases it) */
  mimeType: string | null;
  /**
   * where the response body is: DevTools has it (fetched on demand with `getContent()` of the HAR
   * entry the panel keeps under `key`), in the entry, or nowhere (and why)
   */
  body: { where: 'devtools'; key: string } | { where: 'inline'; text: string } | { where: 'none'; why: string };
  auth: AuthCarried;
  /** set on entries a replay made: what they replayed and as whom */
  replayOf?: { entryId: string | null; identity: string; from: 'worker' | 'page' };
  view: EntryView;
}

export interface EntryView {
  /** the path below the API prefix (or the whole path off the API), with the query */
  path: string;
  /** the eZ resource type of the answer (`ContentInfo`), null when it is not eZ's */
  resource: string | null;
  badge: AuthBadge;
  /** a REST call: under a known prefix, or carrying an eZ media type */
  isRest: boolean;
  /** 4xx, 5xx, or no answer at all */
  failed: boolean;
  /** the effective method after X-HTTP-Method-Override */
  method: string;
  /** lower-cased URL (and, once loaded, body text) for free-text filtering */
  search: string;
}

const PREFIXES = FLAVOURS.map((f) => f.prefix);
const EZ_TYPE = new RegExp(VENDORS.map((v) => v.replace(/\./g, '\\.')).join('|'));

function splitUrl(url: string): { path: string; query: string } {
  try {
    const u = new URL(url);
    return { path: u.pathname, query: u.search };
  } catch {
    return { path: url, query: '' };
  }
}

export function viewOf(e: Omit<CapturedEntry, 'view'>): EntryView {
  const { path, query } = splitUrl(e.url);
  const prefix = PREFIXES.find((p) => path === p || path.startsWith(`${p}/`));
  const contentType = headerValue(e.responseHeaders, 'content-type');
  const accept = headerValue(e.requestHeaders, 'accept');
  const method = effectiveMethod(e.method, e.requestHeaders);
  return {
    path: (prefix === undefined ? path : path.slice(prefix.length) || '/') + query,
    resource: resourceTypeOf(contentType, e.mimeType),
    badge: authBadge(e.auth, method),
    isRest:
      prefix !== undefined ||
      EZ_TYPE.test(contentType ?? '') ||
      EZ_TYPE.test(accept ?? '') ||
      EZ_TYPE.test(e.mimeType ?? ''),
    failed: e.status === 0 || e.status >= 400,
    method,
    search: e.url.toLowerCase(),
  };
}

/**
 * The entry with its view. Every field is written out in one literal, in one order, so all
 * entries share one hidden class: entries built by spreading objects of varying origin ended up
 * with many, and a filter pass over 10,000 of them ran 15× slower for it.
 */
export const withView = (e: Omit<CapturedEntry, 'view'>): CapturedEntry => ({
  id: e.id,
  sources: e.sources,
  workerId: e.workerId,
  page: e.page,
  startedAt: e.startedAt,
  timeMs: e.timeMs,
  method: e.method,
  url: e.url,
  status: e.status,
  statusText: e.statusText,
  error: e.error,
  kind: e.kind,
  requestHeaders: e.requestHeaders,
  responseHeaders: e.responseHeaders,
  requestBody: e.requestBody,
  size: e.size,
  mimeType: e.mimeType,
  body: e.body,
  auth: e.auth,
  replayOf: e.replayOf,
  view: viewOf(e),
});
