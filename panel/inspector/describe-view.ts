/** One shape for what the detail shows of a captured entry and of a followed link's answer. */
import type { AuthCarried, HeaderPair } from '../../shared/domain/capture';
import { authCarried } from '../../shared/capture/auth';
import type { DetailView } from './useExplore';

export interface Described {
  method: string;
  /** the method on the wire (differs with X-HTTP-Method-Override) */
  sentMethod: string;
  url: string;
  status: number;
  statusText: string;
  error: string | null;
  failed: boolean;
  pending: boolean;
  requestHeaders: readonly HeaderPair[];
  responseHeaders: readonly HeaderPair[];
  requestBody: { mimeType: string; text: string } | null;
  auth: AuthCarried;
  /** the identity it ran as, in one line, and longer */
  ranAs: string;
  ranAsTitle: string;
  sources: string;
  startedAt: number | null;
  timeMs: number | null;
}

const SOURCE_WORDS: Record<string, string> = {
  worker: 'the extension (webRequest)',
  devtools: 'DevTools',
  import: 'an imported HAR file',
  replay: 'a replay',
};

export function describeView(v: DetailView): Described {
  if (v.kind === 'entry') {
    const e = v.entry;
    const b = e.view.badge;
    const csrf = b.csrf === 'missing' ? ', no X-CSRF-Token' : b.csrf === 'sent' ? ', X-CSRF-Token sent' : '';
    const replay =
      e.replayOf !== undefined
        ? `Replay as ${e.replayOf.identity}${e.replayOf.from === 'page' ? ', sent from the page' : ''} · `
        : '';
    return {
      method: e.view.method,
      sentMethod: e.method,
      url: e.url,
      status: e.status,
      statusText: e.statusText,
      error: e.error,
      failed: e.view.failed,
      pending: false,
      requestHeaders: e.requestHeaders,
      responseHeaders: e.responseHeaders,
      requestBody: e.requestBody,
      auth: e.auth,
      ranAs: `${replay}Ran as: ${b.label}${csrf}${e.auth.siteAccess !== null ? ` · X-Siteaccess ${e.auth.siteAccess}` : ''}`,
      ranAsTitle: b.title,
      sources: e.sources.map((s) => SOURCE_WORDS[s] ?? s).join(' and '),
      startedAt: e.startedAt || null,
      timeMs: e.timeMs,
    };
  }
  const a = v.answer;
  const requestHeaders = a?.requestHeaders ?? [{ name: 'Accept', value: v.accept }];
  return {
    method: 'GET',
    sentMethod: 'GET',
    url: v.url,
    status: a?.status ?? 0,
    statusText: a?.statusText ?? '',
    error: v.error ?? a?.error ?? null,
    failed: v.error !== null || (a !== null && (a.status === 0 || a.status >= 400)),
    pending: a === null && v.error === null,
    requestHeaders,
    responseHeaders: a?.headers ?? [],
    requestBody: null,
    auth: authCarried(requestHeaders),
    ranAs: `Followed link · sent by the extension as ${v.identityLabel}`,
    ranAsTitle: 'Links are followed by the background worker as the identity the original request ran as',
    sources: 'the extension (link followed)',
    startedAt: null,
    timeMs: a?.timeMs ?? null,
  };
}
