/**
 * Asking the server about a session. Ibexa 4.3+ has `GET /user/sessions/current` (ibexa/rest
 * `SessionController::checkSessionAction`): it needs no CSRF token and names no session id in the
 * URL, so it can never log anybody out; 4.6.7 deprecates the refresh. Older servers only have
 * `POST <Session._href>/refresh` with the token, whose mismatched id logs the real session out.
 * A server without the current-session route (eZ 3.x answers 405, Ibexa < 4.3.1 a "No route"
 * 404 ErrorMessage) falls back to the refresh.
 */
import type { ApiTarget } from '../../shared/domain';
import { IBEXA4, parseErrorMessage, parseSession, type ParsedSession } from '../../shared/ez';
import type { ProtocolError } from '../../shared/domain';
import type { Ctx } from './context';
import { apiFetch } from './http';

export type SessionAnswer =
  | { kind: 'live'; session: ParsedSession }
  /** the server no longer knows it (the empty 404) */
  | { kind: 'gone' }
  | { kind: 'failed'; error: ProtocolError }
  /** the server has no current-session route */
  | { kind: 'unsupported' };

/**
 * `GET /user/sessions/current` with the jar's cookie, or (`omit`) with none but the one a
 * declarativeNetRequest rule sets, for a saved identity's session: then the 404's clearing
 * Set-Cookie is not stored either.
 */
export async function currentSession(
  ctx: Ctx,
  target: ApiTarget,
  credentials: 'include' | 'omit' = 'include',
): Promise<SessionAnswer> {
  if (target.vendor !== IBEXA4.vendor) return { kind: 'unsupported' };
  const r = await apiFetch(ctx.apis.fetch, target, {
    path: '/user/sessions/current',
    accept: 'Session',
    credentials,
  });
  if (r.ok) {
    const session = parseSession(r.body);
    return session
      ? { kind: 'live', session }
      : {
          kind: 'failed',
          error: { code: 'internal', message: 'The server sent a Session the extension cannot read.' },
        };
  }
  if (r.error.status === 405 || (r.error.status === 404 && parseErrorMessage(r.body) !== null))
    return { kind: 'unsupported' };
  if (r.error.status === 404) return { kind: 'gone' };
  return { kind: 'failed', error: r.error };
}

/** `POST <href>/refresh` with the token: the only check eZ Platform 3.x has. */
export async function refreshSession(
  ctx: Ctx,
  target: ApiTarget,
  href: string,
  token: string,
  credentials: 'include' | 'omit' = 'include',
): Promise<SessionAnswer> {
  const r = await apiFetch(ctx.apis.fetch, target, {
    method: 'POST',
    path: `${href}/refresh`,
    accept: 'Session',
    credentials,
    headers: { 'X-CSRF-Token': token },
  });
  if (r.ok) {
    const session = parseSession(r.body);
    return session
      ? { kind: 'live', session }
      : {
          kind: 'failed',
          error: { code: 'internal', message: 'The server sent a Session the extension cannot read.' },
        };
  }
  return r.error.status === 404 ? { kind: 'gone' } : { kind: 'failed', error: r.error };
}

/** The current-session check where the server has it, else the refresh (when there is a token to send). */
export async function checkSession(
  ctx: Ctx,
  target: ApiTarget,
  href: string,
  token: string | null,
): Promise<SessionAnswer> {
  const current = await currentSession(ctx, target);
  if (current.kind !== 'unsupported' || token === null) return current;
  return refreshSession(ctx, target, href, token);
}
