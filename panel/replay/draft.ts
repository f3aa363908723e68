/**
 * What the replay editor holds, and how it becomes the request the worker sends. Headers are
 * one text box ("Name: value" per line) as in every HTTP client; the identity headers (Cookie,
 * Authorization, X-CSRF-Token) are not in it: the identity picked decides them.
 */
import type { CapturedEntry } from '../../shared/capture/entry';
import type { HeaderPair } from '../../shared/domain/capture';
import type { ReplayIdentity } from '../../shared/domain/replay';
import type { PlainRequest } from '../../shared/http/request';

/** eZ's own verbs come first: the ones a developer cannot remember how to send. */
export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'COPY', 'MOVE', 'SWAP', 'PUBLISH', 'HEAD', 'OPTIONS'];

export interface ReplayDraft {
  method: string;
  /** send as POST with X-HTTP-Method-Override: <method> (for clients that cannot send COPY…) */
  override: boolean;
  url: string;
  headers: string;
  body: string;
  /** the identity select's value: a built-in kind, or a saved identity's name */
  identity: string;
  csrf: boolean;
  fromPage: boolean;
}

const IDENTITY = new Set(['cookie', 'authorization', 'x-csrf-token', 'proxy-authorization']);
/** What the browser or the network stack sets by itself. */
const COMPUTED = new Set([
  'content-length',
  'host',
  'connection',
  'accept-encoding',
  'origin',
  'referer',
  'user-agent',
  'x-http-method-override',
]);
const editable = (h: HeaderPair): boolean => {
  const n = h.name.toLowerCase();
  return !IDENTITY.has(n) && !COMPUTED.has(n) && !n.startsWith('sec-') && !n.startsWith(':');
};

export const BUILT_IN = ['as-captured', 'page-session', 'panel-session', 'anonymous'] as const;

export function draftFromEntry(e: CapturedEntry): ReplayDraft {
  const overridden = e.view.method !== e.method;
  return {
    method: e.view.method,
    override: overridden,
    url: e.url,
    headers: e.requestHeaders
      .filter(editable)
      .map((h) => `${h.name}: ${h.value}`)
      .join('\n'),
    body: e.requestBody?.text ?? '',
    identity: e.workerId !== null ? 'as-captured' : e.auth.scheme === 'none' ? 'anonymous' : 'page-session',
    csrf: true,
    fromPage: false,
  };
}

export function blankDraft(url: string, accept: string): ReplayDraft {
  return {
    method: 'GET',
    override: false,
    url,
    headers: `Accept: ${accept}`,
    body: '',
    identity: 'page-session',
    csrf: true,
    fromPage: false,
  };
}

/** "Name: value" lines as pairs, and the lines that are not headers. */
export function parseHeaders(text: string): { headers: HeaderPair[]; problems: string[] } {
  const headers: HeaderPair[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    const l = line.trim();
    if (l === '') return;
    const colon = l.indexOf(':');
    const name = colon > 0 ? l.slice(0, colon).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) problems.push(`line ${i + 1} is not "Name: value"`);
    else headers.push({ name, value: l.slice(colon + 1).trim() });
  });
  return { headers, problems };
}

export function toRequest(d: ReplayDraft): PlainRequest {
  const { headers } = parseHeaders(d.headers);
  const method = d.method.trim().toUpperCase();
  const sent =
    d.override && method !== 'POST' ? [...headers, { name: 'X-HTTP-Method-Override', value: method }] : headers;
  return {
    method: d.override ? 'POST' : method,
    url: d.url.trim(),
    headers: sent,
    body: d.body === '' ? null : d.body,
  };
}

export function identityOf(value: string, original: CapturedEntry | null): ReplayIdentity {
  if (value === 'as-captured' && original?.workerId != null) return { kind: 'as-captured', id: original.workerId };
  if (value === 'page-session' || value === 'panel-session' || value === 'anonymous') return { kind: value };
  return { kind: 'saved', name: value };
}
