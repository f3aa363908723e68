/**
 * The worker's record of a request (webRequest: metadata only) as a list entry. It has no body:
 * webRequest never hands one over, so the entry says why instead of pretending it is empty.
 */
import type { ObservedRequest } from '../domain/capture';
import { withView, type CapturedEntry, type ResourceKind } from './entry';
import { headerValue } from './headers';

export const NO_BODY_DEVTOOLS_CLOSED =
  'The body was not captured: DevTools was closed (or the panel ran as a tab) when this request was made. Replay it to see an answer.';

const KINDS: Readonly<Record<string, ResourceKind>> = { xmlhttprequest: 'xhr', main_frame: 'document' };

/** Defensive on every field: the record crossed a context boundary and only its core was guarded. */
export function entryFromWorker(r: ObservedRequest, id: string): CapturedEntry {
  const responseHeaders = Array.isArray(r.responseHeaders) ? r.responseHeaders : [];
  const requestHeaders = Array.isArray(r.requestHeaders) ? r.requestHeaders : [];
  const length = Number(headerValue(responseHeaders, 'content-length'));
  const status = typeof r.status === 'number' ? r.status : 0;
  return withView({
    id,
    sources: ['worker'],
    workerId: r.id,
    page: r.page,
    startedAt: typeof r.startedAt === 'number' ? r.startedAt : 0,
    timeMs: typeof r.endedAt === 'number' && typeof r.startedAt === 'number' ? r.endedAt - r.startedAt : null,
    method: r.method.toUpperCase(),
    url: r.url,
    status,
    statusText: statusTextOf(typeof r.statusLine === 'string' ? r.statusLine : ''),
    error: typeof r.error === 'string' ? r.error : status === 0 ? 'No response' : null,
    kind: KINDS[r.type] ?? 'other',
    requestHeaders,
    responseHeaders,
    requestBody: null,
    size: Number.isFinite(length) && headerValue(responseHeaders, 'content-length') !== null ? length : null,
    mimeType: null,
    body: { where: 'none', why: NO_BODY_DEVTOOLS_CLOSED },
    auth: r.auth,
  });
}

/** `HTTP/1.1 401 Unauthorized` → `Unauthorized` */
const statusTextOf = (line: string): string => /^\S+\s+\d{3}\s*(.*)$/.exec(line)?.[1] ?? '';
