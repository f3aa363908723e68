/**
 * The panel's own REST session (ezsystems/ezplatform-rest 1.3 `SessionController`). Login runs with `credentials: 'omit'`: the
 * visitor's cookie is never sent, so a wrong password cannot log the visitor out on the server
 * (a failed login clears the session it arrives with: `createSessionAction` logs out on an
 * AuthenticationException) and no 409/CSRF clash with the page's
 * session can happen. The cookie is then put in the jar from the Session body (name/identifier)
 * with cookies.set, which also sidesteps SameSite/partitioning rules for extension fetches.
 */
import type { ApiTarget, Notice, ProtocolError } from '../../shared/domain';
import type { Ctx } from './context';
import type { StoredSession } from './store';
import { apiFetch } from './http';
import { errorDescription, parseSession } from '../../shared/ez';
import { checkSession } from './session-check';
import { notice } from './notices';
import { originUrl, removeSessionCookie, setSessionCookie } from './cookies';

export type Outcome = { ok: true; notice: Notice | null } | { ok: false; error: ProtocolError };

function loginError(
  status: number | undefined,
  body: unknown,
  fallback: ProtocolError,
  login: string,
  target: ApiTarget,
): ProtocolError {
  const desc = errorDescription(body) ?? '';
  if (status === 401 && /user\/login permission/.test(desc)) {
    return {
      code: 'http',
      status,
      message: `"${login}" may not log in to the SiteAccess ${target.siteAccess ?? '(default)'}.`,
    };
  }
  if (status === 401) return { code: 'http', status, message: 'Wrong login or password.' };
  if (status === 409) {
    return { code: 'http', status, message: 'Another user is already logged in on this session; log out first.' };
  }
  if (status === 400) {
    return { code: 'http', status, message: `The server rejected the login request${desc ? `: ${desc}` : '.'}` };
  }
  return fallback;
}

/** Is the panel's cookie still the one in the jar? If the page replaced it, the session is not ours to use. */
export async function cookieStillOurs(ctx: Ctx, target: ApiTarget, s: StoredSession): Promise<boolean> {
  const jar = await ctx.apis.cookies.getAll({ url: originUrl(target.origin), name: s.name });
  return jar[0]?.value === s.identifier;
}

export async function login(ctx: Ctx, target: ApiTarget, login: string, password: string): Promise<Outcome> {
  if (login === '') return { ok: false, error: { code: 'bad-request', message: 'Enter a login.' } };
  const r = await apiFetch(ctx.apis.fetch, target, {
    method: 'POST',
    path: '/user/sessions',
    accept: 'Session',
    contentType: 'SessionInput',
    body: { SessionInput: { login, password } },
    credentials: 'omit',
  });
  if (!r.ok) {
    return {
      ok: false,
      error: r.error.code === 'http' ? loginError(r.error.status, r.body, r.error, login, target) : r.error,
    };
  }
  const s = parseSession(r.body);
  if (!s)
    return {
      ok: false,
      error: { code: 'internal', message: 'The server answered the login with a body that is not a Session.' },
    };
  // One panel session per origin+SiteAccess. The old one is ended only now that the new login
  // worked, so a mistyped password never costs the user a working session.
  if (await ctx.store.getSession(target.origin, target.siteAccess)) await logout(ctx, target);
  const replaced = await setSessionCookie(ctx.apis.cookies, ctx.store, target.origin, s.name, s.identifier);
  await ctx.store.putSession(target.origin, target.siteAccess, { ...s, createdAt: ctx.apis.now(), replaced });
  return { ok: true, notice: null };
}

/** Forget the panel session locally: our cookie out of the jar, the visitor's back in. */
export async function dropPanelSession(ctx: Ctx, target: ApiTarget): Promise<void> {
  const s = await ctx.store.getSession(target.origin, target.siteAccess);
  if (!s) return;
  await removeSessionCookie(ctx.apis.cookies, ctx.store, target.origin, s.name, s.identifier, s.replaced);
  await ctx.store.dropSession(target.origin, target.siteAccess);
}

export async function logout(ctx: Ctx, target: ApiTarget): Promise<Outcome> {
  const s = await ctx.store.getSession(target.origin, target.siteAccess);
  if (!s) return { ok: true, notice: notice(ctx.apis.now, 'info', 'The panel has no session to log out.') };
  if (!(await cookieStillOurs(ctx, target, s))) {
    // DELETE would carry the page's cookie with our id in the URL: the server would log the
    // visitor out (`deleteSessionAction` logs out on a mismatched id). Leave the server session to expire instead.
    await ctx.store.dropSession(target.origin, target.siteAccess);
    await ctx.store.putOwned(
      target.origin,
      (await ctx.store.getOwned(target.origin)).filter((o) => o.value !== s.identifier),
    );
    return {
      ok: true,
      notice: notice(
        ctx.apis.now,
        'info',
        "The page replaced the panel's session cookie; the panel session was forgotten and left to expire on the server.",
      ),
    };
  }
  const r = await apiFetch(ctx.apis.fetch, target, {
    method: 'DELETE',
    path: s.href,
    accept: 'Session',
    credentials: 'include',
    headers: { 'X-CSRF-Token': s.csrfToken },
  });
  await dropPanelSession(ctx, target);
  if (r.ok) return { ok: true, notice: notice(ctx.apis.now, 'info', 'Logged out.') };
  if (r.error.code === 'network') {
    return {
      ok: true,
      notice: notice(
        ctx.apis.now,
        'warning',
        `Could not reach ${target.origin} to end the session; its cookie was removed from the browser anyway. The server will let it expire.`,
      ),
    };
  }
  if (r.error.status === 404) {
    return {
      ok: true,
      notice: notice(ctx.apis.now, 'info', 'The session had already ended on the server; its cookie is removed.'),
    };
  }
  return {
    ok: true,
    notice: notice(
      ctx.apis.now,
      'warning',
      `The server did not confirm the logout (${r.error.message}); the cookie was removed from the browser anyway.`,
    ),
  };
}

export async function refresh(ctx: Ctx, target: ApiTarget): Promise<Outcome> {
  const s = await ctx.store.getSession(target.origin, target.siteAccess);
  if (!s)
    return { ok: false, error: { code: 'no-target', message: 'The panel has no session to refresh; log in first.' } };
  if (!(await cookieStillOurs(ctx, target, s))) {
    await ctx.store.dropSession(target.origin, target.siteAccess);
    return {
      ok: true,
      notice: notice(
        ctx.apis.now,
        'warning',
        "The panel's session cookie is gone from the browser (the page logged out or in); the panel session is over.",
      ),
    };
  }
  const r = await checkSession(ctx, target, s.href, s.csrfToken);
  if (r.kind === 'live') {
    await ctx.store.putSession(target.origin, target.siteAccess, {
      ...s,
      userHref: r.session.userHref,
      href: r.session.href,
    });
    return { ok: true, notice: notice(ctx.apis.now, 'info', 'The session is alive.') };
  }
  if (r.kind === 'gone') {
    await dropPanelSession(ctx, target);
    return {
      ok: true,
      notice: notice(ctx.apis.now, 'warning', 'The session is gone on the server (expired or logged out elsewhere).'),
    };
  }
  if (r.kind === 'failed' && r.error.status === 401) {
    return {
      ok: false,
      error: { code: 'http', status: 401, message: "The server rejected the session's CSRF token." },
    };
  }
  return {
    ok: false,
    error: r.kind === 'failed' ? r.error : { code: 'internal', message: 'The server cannot check sessions.' },
  };
}
