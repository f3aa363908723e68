/**
 * The firewalls of the eZ 3.x skeleton (ezsystems/ezplatform `config/packages/security.yaml`) and
 * the documented Basic one (Symfony `http_basic`, `BasicAuthenticationEntryPoint`): which credentials a request is judged by under each profile.
 *  - session: the stock eZ 3.x skeleton; an Authorization header is ignored.
 *  - basic: the stateless Basic firewall on the whole API prefix; no anonymous access, no cookie.
 *  - hybrid: a `Basic` header follows the basic rules, a `Bearer` JWT authenticates
 *    statelessly, every other request follows the session rules.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { SiteAccess } from '../fixtures/siteaccesses';
import { ANONYMOUS_USER_ID } from '../fixtures/users';
import { basicChallenge, jwtFailure } from '../core/results';
import type { Caller, Result, ServerState, SessionSide } from '../core/types';
import { readCookie } from './cookies';
import { verifyJwt } from './jwt';

export type AuthProfile = 'session' | 'basic' | 'hybrid';

export type Admission = { ok: true; caller: Caller; session: SessionSide } | { ok: false; result: Result };

const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_CACHED = 1000;

/**
 * Verified Basic credentials: header value -> user id (or null when refused). Decoding and
 * comparing on every request would cost the hot path; the cache is per server instance.
 */
export class BasicCache {
  private readonly map = new Map<string, number | null>();

  resolve(header: string, state: ServerState): number | null {
    let id = this.map.get(header);
    if (id === undefined) {
      id = decodeBasic(header, state);
      if (this.map.size >= MAX_CACHED) this.map.clear();
      this.map.set(header, id);
    }
    // A deleted user's cached header must stop working.
    return id !== null && state.repo.users.has(id) ? id : null;
  }
}

function decodeBasic(header: string, state: ServerState): number | null {
  const encoded = header.slice(6).trim();
  if (encoded.length % 4 !== 0 || !STRICT_BASE64.test(encoded)) return null;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const user = state.repo.checkCredentials(decoded.slice(0, colon), decoded.slice(colon + 1));
  return user?.id ?? null;
}

const NO_SESSION = (sa: SiteAccess): SessionSide => ({ cookieName: sa.cookieName, sentId: null, record: null });

export function admit(
  profile: AuthProfile,
  headers: IncomingHttpHeaders,
  sa: SiteAccess,
  state: ServerState,
  basic: BasicCache,
): Admission {
  const authz = headers.authorization;
  // The scheme is the first token, case-insensitive: a bare `Basic` (no credentials) still
  // carries Basic and gets the challenge in hybrid, rather than passing as anonymous.
  const scheme = authz === undefined ? '' : (/^\S*/.exec(authz)?.[0] ?? '').toLowerCase();
  if (profile === 'basic' || (profile === 'hybrid' && scheme === 'basic')) {
    const id = authz !== undefined && scheme === 'basic' ? basic.resolve(authz, state) : null;
    if (id === null) return { ok: false, result: basicChallenge() };
    return { ok: true, caller: { via: 'basic', userId: id }, session: NO_SESSION(sa) };
  }
  if (profile === 'hybrid' && scheme === 'bearer' && authz !== undefined) {
    const check = verifyJwt(authz.slice(7).trim(), state.jwtSecret, state.now());
    if (!check.ok) return { ok: false, result: jwtFailure(check.reason) };
    const user = state.repo.userByLogin(check.username);
    if (!user) return { ok: false, result: jwtFailure('Invalid JWT Token') };
    return { ok: true, caller: { via: 'bearer', userId: user.id }, session: NO_SESSION(sa) };
  }
  const sentId = readCookie(headers.cookie, sa.cookieName);
  const record = sentId === null ? null : state.store.get(sa.name, sentId);
  const userId = record?.userId != null && state.repo.users.has(record.userId) ? record.userId : ANONYMOUS_USER_ID;
  return { ok: true, caller: { via: 'session', userId }, session: { cookieName: sa.cookieName, sentId, record } };
}
