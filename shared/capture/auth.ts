/**
 * What authentication a request really carried, read off the headers the browser sent: the
 * Authorization scheme (Basic with its user name, Bearer), the eZ session cookies with their
 * SiteAccess, X-Siteaccess, and X-CSRF-Token. Then the one-line badge the request list shows.
 */
import type { AuthCarried, HeaderPair } from '../domain/capture';
import { isSessionCookieName, siteAccessOfCookie } from '../ez/session-cookies';
import { headerValue, parseCookieHeader } from './headers';

/** Methods that are not safe (CSRF applies): anything but GET, HEAD, OPTIONS after the override. */
export function effectiveMethod(method: string, headers: readonly HeaderPair[]): string {
  const override = headerValue(headers, 'x-http-method-override');
  return method.toUpperCase() === 'POST' && override ? override.toUpperCase() : method.toUpperCase();
}
export const isUnsafe = (method: string): boolean => !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());

/** The user name of `Basic base64(user:password)`, or null when it does not decode. */
export function basicUser(authorization: string): string | null {
  const m = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
  if (!m) return null;
  try {
    const binary = atob(m[1] ?? '');
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const text = new TextDecoder().decode(bytes);
    const colon = text.indexOf(':');
    return colon < 0 ? null : text.slice(0, colon);
  } catch {
    return null;
  }
}

export function authCarried(headers: readonly HeaderPair[]): AuthCarried {
  const authorization = headerValue(headers, 'authorization');
  const scheme = authorization === null ? '' : (/^\s*(\S+)/.exec(authorization)?.[1] ?? '').toLowerCase();
  const sessionCookies = parseCookieHeader(headerValue(headers, 'cookie'))
    .filter((c) => isSessionCookieName(c.name))
    .map((c) => ({ name: c.name, siteAccess: siteAccessOfCookie(c.name) }));
  const siteAccess = headerValue(headers, 'x-siteaccess');
  return {
    scheme:
      scheme === 'basic' ? 'basic' : scheme === 'bearer' ? 'bearer' : sessionCookies.length > 0 ? 'session' : 'none',
    basicUser: scheme === 'basic' && authorization !== null ? basicUser(authorization) : null,
    sessionCookies,
    siteAccess: siteAccess === null || siteAccess.trim() === '' ? null : siteAccess.trim(),
    csrfToken: headerValue(headers, 'x-csrf-token') !== null,
  };
}

export interface AuthBadge {
  kind: AuthCarried['scheme'];
  /** `session (site)`, `Basic admin`, `Bearer`, `none` */
  label: string;
  /** whether the token went with it where the server checks it (an unsafe method with a session cookie); `n/a` where it does not */
  csrf: 'sent' | 'missing' | 'n/a';
  /** a longer sentence for the tooltip */
  title: string;
}

/** The SiteAccess the request is for: its header, else the server's default. */
const wantedSiteAccess = (a: AuthCarried): string => a.siteAccess ?? 'site';

export function authBadge(a: AuthCarried, method: string): AuthBadge {
  // The server checks the token only when a session is running: an unsafe method carrying a
  // session cookie (ezplatform-rest CsrfListener: "Skip CSRF validation if no session is
  // running"). Anonymous and stateless Basic calls need none, so they are never "missing" one.
  const unsafe = isUnsafe(method);
  const needsToken = unsafe && a.scheme === 'session';
  const csrf: AuthBadge['csrf'] = !unsafe ? 'n/a' : a.csrfToken ? 'sent' : needsToken ? 'missing' : 'n/a';
  const cookie = a.sessionCookies.find((c) => c.siteAccess === wantedSiteAccess(a)) ?? a.sessionCookies[0];
  let label: string;
  let title: string;
  if (a.scheme === 'basic') {
    label = `Basic ${a.basicUser ?? '?'}`;
    title = `HTTP Basic as ${a.basicUser ?? 'an unreadable user'}${a.sessionCookies.length ? ' (a session cookie went too: Basic wins where the server takes it)' : ''}`;
  } else if (a.scheme === 'bearer') {
    label = 'Bearer';
    title = 'A Bearer token (JWT)';
  } else if (cookie) {
    label = `session (${cookie.siteAccess ?? 'unknown SiteAccess'})`;
    title = `Session cookie ${cookie.name}${cookie.siteAccess ? ` of SiteAccess ${cookie.siteAccess}` : ''}${a.siteAccess ? `, request for ${a.siteAccess}` : ''}`;
  } else {
    label = 'none';
    title = 'No session cookie and no Authorization: anonymous';
  }
  if (csrf === 'missing' && a.scheme === 'session') title += '; unsafe method WITHOUT X-CSRF-Token';
  else if (csrf === 'sent') title += '; X-CSRF-Token sent';
  return { kind: a.scheme, label, csrf, title };
}
