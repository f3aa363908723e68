/**
 * The list (or its filtered part) as a HAR 1.2 log that Chrome's and Firefox's network panels
 * import, redacted by default with the same rules as every copy (redact.ts): pass 1 over every
 * entry first, so a secret one entry carried is scrubbed from all of them in pass 2. Our own
 * facts travel in `_ezRest` (HAR allows `_` fields), so a re-import keeps replay marks.
 */
import type { Entry, Har, Header } from 'har-format';
import type { CapturedEntry } from '../capture/entry';
import type { HeaderPair } from '../domain/capture';
import { headerValue, parseCookieHeader, parseSetCookie } from '../capture/headers';
import { SecretSet, redactBody, redactHeader } from './redact';

export interface HarSource {
  entry: CapturedEntry;
  /** the response body when the panel has it */
  body: string | null;
}

export interface HarOptions {
  /** the user ticked "include secrets" */
  secrets: boolean;
  creator: { name: string; version: string };
}

const queryOf = (url: string): { name: string; value: string }[] => {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
};

function entryOf(
  e: CapturedEntry,
  body: string | null,
  clean: (s: string) => string,
  headers: (hs: readonly HeaderPair[]) => Header[],
): Entry {
  const reqHeaders = headers(e.requestHeaders);
  const resHeaders = headers(e.responseHeaders);
  const mime = headerValue(e.responseHeaders, 'content-type') ?? e.mimeType ?? '';
  const text = body === null ? undefined : clean(body);
  return {
    startedDateTime: new Date(e.startedAt || 0).toISOString(),
    time: Math.max(0, e.timeMs ?? 0),
    request: {
      method: e.method,
      url: clean(e.url),
      httpVersion: 'HTTP/1.1',
      cookies: parseCookieHeader(headerValue(reqHeaders, 'cookie')).map((c) => ({ name: c.name, value: c.value })),
      headers: reqHeaders,
      queryString: queryOf(clean(e.url)),
      headersSize: -1,
      bodySize: e.requestBody?.text.length ?? 0,
      ...(e.requestBody !== null
        ? { postData: { mimeType: e.requestBody.mimeType, text: clean(e.requestBody.text) } }
        : {}),
    },
    response: {
      status: e.status,
      statusText: e.statusText,
      httpVersion: 'HTTP/1.1',
      cookies: resHeaders
        .filter((h) => h.name.toLowerCase() === 'set-cookie')
        .map((h) => ({ name: parseSetCookie(h.value).name, value: parseSetCookie(h.value).value })),
      headers: resHeaders,
      content: { size: e.size ?? text?.length ?? 0, mimeType: mime, ...(text !== undefined ? { text } : {}) },
      redirectURL: headerValue(resHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: e.size ?? -1,
      ...(e.error !== null ? { _error: e.error } : {}),
    },
    cache: {},
    timings: { send: 0, wait: Math.max(0, e.timeMs ?? 0), receive: 0 },
    _resourceType: e.kind === 'xhr' ? 'xhr' : e.kind === 'document' ? 'document' : 'fetch',
    _ezRest: { sources: e.sources, auth: e.view.badge.label, ...(e.replayOf ? { replayOf: e.replayOf } : {}) },
  } as Entry;
}

export function toHar(sources: readonly HarSource[], opts: HarOptions): Har {
  const found = new SecretSet();
  let clean = (s: string): string => s;
  let headers = (hs: readonly HeaderPair[]): Header[] => hs.map((h) => ({ name: h.name, value: h.value }));
  let items = sources.map((s) => ({ entry: s.entry, body: s.body }));
  if (!opts.secrets) {
    // Pass 1: every place a secret sits, over all entries, collecting the values.
    items = items.map(({ entry, body }) => {
      entry.requestHeaders.forEach((h) => redactHeader(h, found));
      entry.responseHeaders.forEach((h) => redactHeader(h, found));
      const requestBody = entry.requestBody && {
        ...entry.requestBody,
        text: redactBody(entry.requestBody.text, found),
      };
      return { entry: { ...entry, requestBody }, body: body === null ? null : redactBody(body, found) };
    });
    // Pass 2: those values wherever else they appear.
    clean = (s) => found.scrub(s);
    headers = (hs) => hs.map((h) => redactHeader(h, found)).map((h) => ({ name: h.name, value: found.scrub(h.value) }));
  }
  return {
    log: {
      version: '1.2',
      creator: opts.creator,
      pages: [],
      entries: items.map(({ entry, body }) => entryOf(entry, body, clean, headers)),
    },
  };
}
