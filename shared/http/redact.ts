/**
 * The one redaction every copy and export goes through (cURL, fetch, HTTPie, HAR). Two passes:
 *  1. by place: Cookie / Set-Cookie values, Authorization credentials, X-CSRF-Token, and in
 *     bodies the `password` of SessionInput/JWTInput/UserCreate/UserUpdate, the Session's
 *     `csrfToken` and `identifier` (the session cookie's value), a JWT's `token`; JWT-shaped
 *     strings anywhere;
 *  2. by value: every secret found in pass 1 (and any given) is then replaced wherever else it
 *     appears — the session id in `/user/sessions/<id>`, a token echoed in a body, a password
 *     repeated in a query string. Only values of 6+ characters are replaced by value: a short
 *     one would garble ordinary text, and its own place was redacted in pass 1.
 */
import type { HeaderPair } from '../domain/capture';
import { parseCookieHeader, parseSetCookie } from '../capture/headers';
import type { PlainRequest } from './request';

export const REDACTED = 'REDACTED';
const MIN_BY_VALUE = 6;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const SECRET_FIELDS = new Set(['password', 'csrftoken', 'identifier', 'token']);

/** Collects secret values as redaction finds them. */
export class SecretSet {
  readonly values = new Set<string>();
  add(v: string | null | undefined): void {
    if (v != null && v.length >= MIN_BY_VALUE && v !== REDACTED) this.values.add(v);
  }
  /** Replace every known secret in `text`, longest first (a token containing another). */
  scrub(text: string): string {
    let out = text.replace(JWT, REDACTED);
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) {
      if (out.includes(v)) out = out.split(v).join(REDACTED);
      const enc = encodeURIComponent(v);
      if (enc !== v && out.includes(enc)) out = out.split(enc).join(REDACTED);
    }
    return out;
  }
}

/** Pass 1 for one header: its redacted form, the secrets it held added to `found`. */
export function redactHeader(h: HeaderPair, found: SecretSet): HeaderPair {
  const name = h.name.toLowerCase();
  if (name === 'cookie') {
    const parts = parseCookieHeader(h.value);
    parts.forEach((c) => found.add(c.value));
    return { name: h.name, value: parts.map((c) => `${c.name}=${REDACTED}`).join('; ') };
  }
  if (name === 'set-cookie') {
    const c = parseSetCookie(h.value);
    found.add(c.value);
    return { name: h.name, value: `${c.name}=${REDACTED}${c.attributes}` };
  }
  if (name === 'authorization' || name === 'proxy-authorization') {
    const space = h.value.indexOf(' ');
    const credential = space > 0 ? h.value.slice(space + 1) : h.value;
    found.add(credential);
    if (/^basic$/i.test(h.value.slice(0, space))) {
      const pass = decodeBasicPassword(credential);
      found.add(pass);
    }
    return { name: h.name, value: space > 0 ? `${h.value.slice(0, space)} ${REDACTED}` : REDACTED };
  }
  if (name === 'x-csrf-token') {
    found.add(h.value);
    return { name: h.name, value: REDACTED };
  }
  return h;
}

function decodeBasicPassword(b64: string): string | null {
  try {
    const text = new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
    const colon = text.indexOf(':');
    return colon < 0 ? null : text.slice(colon + 1);
  } catch {
    return null;
  }
}

/** Pass 1 for a body: JSON by field, XML by element, anything else only by JWT shape. */
export function redactBody(text: string, found: SecretSet): string {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const walk = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(walk);
        if (typeof v !== 'object' || v === null) return v;
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(v)) {
          if (SECRET_FIELDS.has(k.toLowerCase()) && typeof x === 'string') {
            found.add(x);
            out[k] = REDACTED;
          } else out[k] = walk(x);
        }
        return out;
      };
      // Re-serialised only when something was redacted, so an untouched body keeps its bytes.
      const before = found.values.size;
      const redacted = JSON.stringify(walk(JSON.parse(text)));
      return found.values.size > before || redacted.includes(REDACTED) ? redacted : text;
    } catch {
      /* not JSON after all: fall through to the text rules */
    }
  }
  return text.replace(/<(password|csrfToken|identifier|token)>([^<]*)<\/\1>/gi, (_m, tag: string, v: string) => {
    found.add(v);
    return `<${tag}>${REDACTED}</${tag}>`;
  });
}

/**
 * A request with every secret out of it: pass 1 over all its parts first, so a secret found in
 * the body is also scrubbed from the URL and headers in pass 2.
 */
export function redactRequest(r: PlainRequest, found = new SecretSet()): PlainRequest {
  const headers = r.headers.map((h) => redactHeader(h, found));
  const body = r.body === null ? null : redactBody(r.body, found);
  return {
    method: r.method,
    url: found.scrub(r.url),
    headers: headers.map((h) => ({ name: h.name, value: found.scrub(h.value) })),
    body: body === null ? null : found.scrub(body),
  };
}
