/**
 * The JSON shapes of the resources the extension reads (Session, User, UserRefList, Root,
 * ErrorMessage), parsed defensively: every parser returns null on an unexpected shape instead of
 * throwing, because a body is whatever the server (or something pretending to be it) sent.
 * Sources: ezsystems/ezplatform-rest 1.3 `src/lib/Server/Output/ValueObjectVisitor/UserSession.php`
 * (Session), `RestUser.php` (User), `Exception.php` `visit()` (ErrorMessage).
 */
import { VENDORS, type Vendor } from './flavours';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The body of `POST /user/sessions`. */
export interface SessionInputJson {
  SessionInput: { login: string; password: string };
}

export interface ParsedSession {
  /** cookie name */
  name: string;
  /** cookie value = the server's session id */
  identifier: string;
  /** Session._href, the DELETE url */
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

export interface ParsedError {
  /** the HTTP status the body claims, or null when it has none */
  code: number | null;
  message: string;
  description: string;
}

/** `{"ErrorMessage": {errorCode, errorMessage, errorDescription}}`, or null. */
export function parseErrorMessage(body: unknown): ParsedError | null {
  const e = isObj(body) ? body.ErrorMessage : null;
  if (!isObj(e)) return null;
  const code = typeof e.errorCode === 'number' && Number.isFinite(e.errorCode) ? e.errorCode : null;
  const description = str(e.errorDescription);
  if (description === null) return null;
  return { code, message: str(e.errorMessage) ?? '', description };
}

/** The ErrorMessage description, for messages in words. */
export const errorDescription = (body: unknown): string | null => parseErrorMessage(body)?.description ?? null;

/** A JSON body holding a Root resource (whatever media type the server labelled it with). */
export const isRootBody = (body: unknown): boolean => isObj(body) && isObj(body.Root);

/** Which vendor a Root answer speaks, from its Content-Type or its `_media-type`. */
export function rootVendor(contentType: string | null, body: unknown): Vendor | null {
  const fromBody = isObj(body) && isObj(body.Root) ? str(body.Root['_media-type']) : null;
  const probe = `${contentType ?? ''} ${fromBody ?? ''}`;
  // Ibexa first: `vnd.ibexa.api` does not contain `vnd.ez.api`, but be explicit about the order.
  return [...VENDORS].reverse().find((v) => probe.includes(v)) ?? null;
}
