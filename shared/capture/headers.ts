/**
 * Request and response headers as lists of pairs (a name may repeat: Set-Cookie), looked up
 * case-insensitively, cookies split out, and secrets masked the one way every context shows them.
 */
import type { HeaderPair } from '../domain/capture';
import { maskSecret } from '../mask';

export const headerValue = (headers: readonly HeaderPair[], name: string): string | null => {
  const wanted = name.toLowerCase();
  for (const h of headers) if (h.name.toLowerCase() === wanted) return h.value;
  return null;
};

export const headerValues = (headers: readonly HeaderPair[], name: string): string[] => {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === wanted).map((h) => h.value);
};

export interface CookiePair {
  name: string;
  value: string;
}

/** `a=1; b=2` -> pairs (the Cookie request header). */
export function parseCookieHeader(value: string | null): CookiePair[] {
  if (value === null) return [];
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: part, value: '' } : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
    });
}

/** The name and value of a Set-Cookie header (its attributes are not secrets). */
export function parseSetCookie(value: string): { name: string; value: string; attributes: string } {
  const semi = value.indexOf(';');
  const pair = semi < 0 ? value : value.slice(0, semi);
  const eq = pair.indexOf('=');
  return {
    name: (eq < 0 ? pair : pair.slice(0, eq)).trim(),
    value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
    attributes: semi < 0 ? '' : value.slice(semi),
  };
}

/** Headers whose values are credentials. */
export const SECRET_HEADERS = new Set(['cookie', 'set-cookie', 'authorization', 'proxy-authorization', 'x-csrf-token']);

/** A header as it may be shown before the user reveals it: cookie values masked, credentials masked. */
export function maskHeader(h: HeaderPair): HeaderPair {
  const name = h.name.toLowerCase();
  if (!SECRET_HEADERS.has(name)) return h;
  if (name === 'cookie') {
    return {
      name: h.name,
      value: parseCookieHeader(h.value)
        .map((c) => `${c.name}=${maskSecret(c.value)}`)
        .join('; '),
    };
  }
  if (name === 'set-cookie') {
    const c = parseSetCookie(h.value);
    return { name: h.name, value: `${c.name}=${maskSecret(c.value)}${c.attributes}` };
  }
  // `Basic abc…`: keep the scheme, it says what kind of credential it is.
  const space = h.value.indexOf(' ');
  if (name !== 'x-csrf-token' && space > 0)
    return { name: h.name, value: `${h.value.slice(0, space)} ${maskSecret(h.value.slice(space + 1))}` };
  return { name: h.name, value: maskSecret(h.value) };
}

export const maskHeaders = (headers: readonly HeaderPair[]): HeaderPair[] => headers.map(maskHeader);

/** Header pairs of a fetch `Headers` (names lower-cased, as fetch gives them). */
export function pairsOf(headers: Headers): HeaderPair[] {
  const out: HeaderPair[] = [];
  headers.forEach((value, name) => out.push({ name, value }));
  return out;
}
