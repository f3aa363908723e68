/** A replay's answer as a list entry of its own: marked as a replay, with the identity it ran as. */
import type { ReplayAnswer } from '../domain/replay';
import { authCarried } from './auth';
import { withView, type CapturedEntry } from './entry';
import { headerValue } from './headers';

export function entryFromReplay(
  a: ReplayAnswer,
  id: string,
  sent: { body: string | null; contentType: string | null },
  original: CapturedEntry | null,
  startedAt: number,
): CapturedEntry {
  const length = a.body.length;
  return withView({
    id,
    sources: ['replay'],
    workerId: null,
    page: original?.page ?? 0,
    startedAt,
    timeMs: a.timeMs,
    method: a.method,
    url: a.url,
    status: a.status,
    statusText: a.statusText,
    error: a.error,
    kind: 'fetch',
    requestHeaders: a.requestHeaders,
    responseHeaders: a.headers,
    requestBody: sent.body === null || sent.body === '' ? null : { mimeType: sent.contentType ?? '', text: sent.body },
    size: length,
    mimeType: headerValue(a.headers, 'content-type'),
    body: a.error !== null && a.status === 0 ? { where: 'none', why: a.error } : { where: 'inline', text: a.body },
    auth: authCarried(a.requestHeaders),
    replayOf: { entryId: original?.id ?? null, identity: a.identity, from: a.from },
  });
}
