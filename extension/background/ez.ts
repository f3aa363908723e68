/**
 * The few eZ REST shapes the worker reads, parsed defensively from JSON (the worker always asks
 * for JSON). Kept here rather than in shared/ez so the worker has no dependency on the mock's
 * helpers; every parser returns null on an unexpected shape instead of throwing.
 */
import type { ApiTarget } from '../../shared/protocol';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const SESSION_COOKIE = /^(eZSESSID|IBX_SESSION_ID)/;
export const isSessionCookieName = (name: string): boolean => SESSION_COOKIE.test(name);

/** `application/vnd.ez.api.Session+json` for the target's vendor. */
export const mediaType = (target: Pick<ApiTarget, 'vendor'>, name: string): string =>
  `application/${target.vendor}.${name}+json`;

export interface ParsedSession {
  name: string;
  identifier: string;
  href: string;
  csrfToken: string;
  userHref: string;
}

export function parseSession(body: unknown): ParsedSession | null {
  const s = isObj(body) ? body.Session : null;
  if (!isObj(s)) return null;
  const user = isObj(s.User) ? s.User : null;
  const name = str(s.name);
  const identifier = str(s.identifier);
  const href = str(s._href);
  const csrfToken = str(s.csrfToken);
  const userHref = user ? str(user._href) : null;
  if (!name || !identifier || !href || csrfToken === null || !userHref) return null;
  return { name, identifier, href, csrfToken, userHref };
}

export interface ParsedUser {
  id: number;
  login: string;
  name: string;
  href: string;
}

export function parseUser(body: unknown): ParsedUser | null {
  const u = isObj(body) ? body.User : null;
  if (!isObj(u)) return null;
  const href = str(u._href);
  const login = str(u.login);
  const id = typeof u._id === 'number' ? u._id : Number(/\/(\d+)$/.exec(href ?? '')?.[1] ?? NaN);
  if (!href || !login || !Number.isFinite(id)) return null;
  return { id, login, name: str(u.name) ?? login, href };
}

/** First `User._href` of a UserRefList (`GET /user/users?login=x`). */
export function firstUserRef(body: unknown): string | null {
  const list = isObj(body) ? body.UserRefList : null;
  if (!isObj(list)) return null;
  const users = Array.isArray(list.User) ? list.User : isObj(list.User) ? [list.User] : [];
  const first: unknown = users[0];
  return isObj(first) ? str(first._href) : null;
}

/** The ErrorMessage description, for messages in words. */
export function errorDescription(body: unknown): string | null {
  const e = isObj(body) ? body.ErrorMessage : null;
  return isObj(e) ? str(e.errorDescription) : null;
}

/** A JSON body holding a Root resource (whatever media type the server labelled it with). */
export const isRootBody = (body: unknown): boolean => isObj(body) && isObj(body.Root);

/** Which vendor a Root answer speaks, from its Content-Type or its `_media-type`. */
export function rootVendor(contentType: string | null, body: unknown): ApiTarget['vendor'] | null {
  const fromBody = isObj(body) && isObj(body.Root) ? str(body.Root['_media-type']) : null;
  const probe = `${contentType ?? ''} ${fromBody ?? ''}`;
  if (probe.includes('vnd.ibexa.api')) return 'vnd.ibexa.api';
  if (probe.includes('vnd.ez.api')) return 'vnd.ez.api';
  return null;
}
