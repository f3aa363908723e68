/**
 * A HAR 1.2 entry (DevTools' `getHAR()` / `onRequestFinished`, or an imported file from Chrome,
 * Firefox or this panel) as a list entry. Defensive: a HAR file is input from anywhere, so every
 * field is checked and a broken entry is refused with a reason instead of throwing.
 */
import type { Entry as HarEntry } from 'har-format';
import type { CaptureSource, HeaderPair } from '../domain/capture';
import { authCarried } from '../capture/auth';
import { withView, type CapturedEntry, type ResourceKind } from '../capture/entry';
import { decodeBase64 } from './base64';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function pairs(v: unknown): HeaderPair[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(isRecord)
    .map((h) => ({ name: str(h.name), value: str(h.value) }))
    .filter((h) => h.name !== '');
}

const KINDS: Readonly<Record<string, ResourceKind>> = { xhr: 'xhr', fetch: 'fetch', document: 'document' };

/** Chrome writes `_resourceType`; others do not: a request asking for a page is a document, the rest fetch. */
function kindOf(e: Record<string, unknown>, headers: HeaderPair[]): ResourceKind {
  const t = str(e._resourceType).toLowerCase();
  if (t !== '') return KINDS[t] ?? 'other';
  const accept = headers.find((h) => h.name.toLowerCase() === 'accept')?.value ?? '';
  return accept.startsWith('text/html') ? 'document' : 'fetch';
}

export type HarOutcome = { ok: true; entry: CapturedEntry } | { ok: false; why: string };

/**
 * `body`: how the response body can be had. DevTools entries fetch it on demand
 * (`getContent()`); a file's entry carries it in `response.content.text` (base64 when it says so).
 */
export function entryFromHar(raw: HarEntry | unknown, id: string, source: CaptureSource): HarOutcome {
  if (!isRecord(raw) || !isRecord(raw.request) || !isRecord(raw.response))
    return { ok: false, why: 'not a HAR entry (no request or response)' };
  const req = raw.request;
  const res = raw.response;
  const url = str(req.url);
  if (!/^https?:\/\//i.test(url))
    return { ok: false, why: `not an http(s) request: ${url.slice(0, 80) || '(no URL)'}` };
  const started = Date.parse(str(raw.startedDateTime));
  const requestHeaders = pairs(req.headers);
  const content = isRecord(res.content) ? res.content : {};
  const postData = isRecord(req.postData) ? req.postData : null;
  const text =
    typeof content.text === 'string'
      ? content.encoding === 'base64'
        ? (decodeBase64(content.text) ?? '')
        : content.text
      : null;
  const body: CapturedEntry['body'] =
    source === 'devtools'
      ? { where: 'devtools', key: id }
      : text !== null
        ? { where: 'inline', text }
        : { where: 'none', why: 'The HAR file holds no body for this entry.' };
  const status = num(res.status) ?? 0;
  const error = str(res._error) || (status === 0 ? 'No response (failed or blocked)' : '');
  return {
    ok: true,
    entry: withView({
      id,
      sources: [source],
      workerId: null,
      page: 0,
      startedAt: Number.isFinite(started) ? started : 0,
      timeMs: num(raw.time),
      method: str(req.method, 'GET').toUpperCase(),
      url,
      status,
      statusText: str(res.statusText),
      error: error === '' ? null : error,
      kind: kindOf(raw, requestHeaders),
      requestHeaders,
      responseHeaders: pairs(res.headers),
      requestBody: postData ? { mimeType: str(postData.mimeType), text: str(postData.text) } : null,
      size: num(content.size) ?? num(res.bodySize),
      mimeType: str(content.mimeType) || null,
      body,
      auth: authCarried(requestHeaders),
      replayOf: source === 'import' ? replayMark(raw._ezRest) : undefined,
    }),
  };
}

/** Our own export marks replays in `_ezRest.replayOf`; read back only if it has the right shape. */
function replayMark(v: unknown): CapturedEntry['replayOf'] {
  const r = isRecord(v) && isRecord(v.replayOf) ? v.replayOf : null;
  if (r === null || typeof r.identity !== 'string') return undefined;
  return { entryId: null, identity: r.identity.slice(0, 200), from: r.from === 'page' ? 'page' : 'worker' };
}
