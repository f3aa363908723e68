/** Test helper: a list entry with sensible defaults, any field overridable. Tests only. */
import { authCarried } from '../capture/auth';
import { withView, type CapturedEntry } from '../capture/entry';
import type { CaptureSource, HeaderPair } from '../domain/capture';
import { EZP3 } from '../ez/flavours';

let n = 0;

export interface EntryOver extends Partial<Omit<CapturedEntry, 'view' | 'auth' | 'requestHeaders'>> {
  source?: CaptureSource;
  headers?: Record<string, string> | HeaderPair[];
}

export function makeEntry(over: EntryOver = {}): CapturedEntry {
  const { source = 'devtools', headers = {}, ...rest } = over;
  const requestHeaders = Array.isArray(headers)
    ? headers
    : Object.entries(headers).map(([name, value]) => ({ name, value }));
  const id = rest.id ?? `e${n++}`;
  return withView({
    id,
    sources: [source],
    workerId: source === 'worker' ? `7:${id}` : null,
    page: 0,
    startedAt: 1_000_000,
    timeMs: 5,
    method: 'GET',
    url: `http://127.0.0.1:8080${EZP3.prefix}/`,
    status: 200,
    statusText: 'OK',
    error: null,
    kind: 'fetch',
    responseHeaders: [],
    requestBody: null,
    size: null,
    mimeType: null,
    body: source === 'devtools' ? { where: 'devtools', key: id } : { where: 'none', why: 'DevTools was closed' },
    ...rest,
    requestHeaders,
    auth: authCarried(requestHeaders),
  });
}
