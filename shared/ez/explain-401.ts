/**
 * Why a request got 401, from what it carried, what the server answered and what the panel
 * knows about who you are. eZ says "401" for very different things: no session, a session that
 * is gone, a missing CSRF token, Basic where the firewall wants sessions (or the reverse), a
 * cookie of another SiteAccess, or plain permission denied (the ErrorMessage names the policy).
 */
import type { AuthCarried, HeaderPair } from '../domain/capture';
import type { Identity } from '../domain/auth';
import { headerValue } from '../capture/headers';
import { parseErrorMessage } from './shapes';

export type Why401 =
  | 'basic-refused'
  | 'basic-required'
  | 'basic-ignored'
  | 'jwt'
  | 'csrf-missing'
  | 'csrf-invalid'
  | 'login-failed'
  | 'login-not-allowed'
  | 'no-session'
  | 'session-gone'
  | 'wrong-siteaccess'
  | 'permission'
  | 'other';

export interface Explanation {
  why: Why401;
  /** one line */
  title: string;
  /** what to do about it, or what the server's text means */
  detail: string;
}

export interface Knowledge {
  /** who the API thinks you are now (the panel's last check) */
  identity: Identity | null;
  /** the panel's own session cookie name, when it holds one */
  panelSessionName: string | null;
  /** the last check found the server ignores HTTP Basic (a session-only firewall) */
  basicIgnored: boolean;
}

export interface Answer401 {
  method: string;
  status: number;
  responseHeaders: readonly HeaderPair[];
  /** the parsed JSON body, or null */
  body: unknown;
  auth: AuthCarried;
}

/** `The User does not have the 'read' 'content' permission with: contentId '41'` -> parts. */
function permissionOf(description: string): { fn: string; module: string; props: string } | null {
  const m = /does not have the '([^']*)' '([^']*)' permission(?: with: (.*))?$/.exec(description);
  return m ? { fn: m[1] ?? '', module: m[2] ?? '', props: m[3] ?? '' } : null;
}

const policy = (p: { fn: string; module: string; props: string }): string =>
  `${p.module}/${p.fn}${p.props ? ` (${p.props})` : ''}`;

export function explain401(a: Answer401, k: Knowledge): Explanation | null {
  if (a.status !== 401) return null;
  const challenge = headerValue(a.responseHeaders, 'www-authenticate') ?? '';
  const e = parseErrorMessage(a.body);
  const description = e?.description ?? '';
  const user = k.identity?.user?.login ?? null;

  if (/^basic/i.test(challenge) && e === null) {
    return a.auth.scheme === 'basic'
      ? {
          why: 'basic-refused',
          title: `The server refused the Basic credentials of ${a.auth.basicUser ?? 'this user'}`,
          detail:
            'Its stateless firewall answered with the Basic challenge: wrong user name or password, or a disabled account. Correct them, or remove them in the Auth pane.',
        }
      : {
          why: 'basic-required',
          title: 'The server wants HTTP Basic',
          detail:
            'This REST firewall is stateless Basic: it ignores session cookies and has no anonymous access. Apply Basic credentials in the Auth pane.',
        };
  }
  if (/^bearer/i.test(challenge) || (a.auth.scheme === 'bearer' && e === null)) {
    const message =
      typeof (a.body as { message?: unknown } | null)?.message === 'string'
        ? (a.body as { message: string }).message
        : 'refused';
    return {
      why: 'jwt',
      title: `The Bearer token was refused: ${message}`,
      detail: 'Get a fresh token with POST /user/token/jwt (JWTInput) and send it as Authorization: Bearer.',
    };
  }
  if (description.includes('Missing or invalid CSRF token')) {
    return a.auth.csrfToken
      ? {
          why: 'csrf-invalid',
          title: "The X-CSRF-Token sent is not this session's",
          detail:
            'A token of another session, or of a session that was logged out and started again. Use the token of the session the cookie names (the Session body of its login).',
        }
      : {
          why: 'csrf-missing',
          title: `CSRF token missing on ${a.method}`,
          detail:
            'With a session cookie, every unsafe method needs X-CSRF-Token; the server checks it before it reads the body or any permission.',
        };
  }
  if (description.includes("'Invalid login or password'")) {
    return {
      why: 'login-failed',
      title: 'Wrong login or password',
      detail: 'The server also logged out the session the request came with, if it had one.',
    };
  }
  if (description.includes('user/login permission to SiteAccess')) {
    return { why: 'login-not-allowed', title: 'This user may not log in on this SiteAccess', detail: description };
  }
  if (description === 'Not logged in.') {
    return {
      why: 'no-session',
      title: 'No session',
      detail: 'The request carried no live session cookie, so the server has no current user.',
    };
  }
  const p = permissionOf(description);
  if (p !== null) {
    const wanted = a.auth.siteAccess ?? 'site';
    if (a.auth.scheme === 'basic') {
      return k.basicIgnored
        ? {
            why: 'basic-ignored',
            title: 'Basic sent to a session-only server',
            detail: `Its firewall ignores the Authorization header, so the request ran as whoever its cookies say (anonymous without one), who may not ${policy(p)}.`,
          }
        : {
            why: 'permission',
            title: `Permission denied for ${a.auth.basicUser ?? 'the Basic user'}`,
            detail: `The user may not ${policy(p)}.`,
          };
    }
    if (a.auth.scheme === 'bearer')
      return {
        why: 'permission',
        title: "Permission denied for the token's user",
        detail: `The user may not ${policy(p)}.`,
      };
    if (a.auth.sessionCookies.length === 0) {
      return {
        why: 'no-session',
        title: 'No session: the request ran as anonymous',
        detail: `It carried no session cookie and no Authorization, and anonymous may not ${policy(p)}. Log in (Auth pane), or let the page log in.`,
      };
    }
    const forWanted = a.auth.sessionCookies.filter((c) => c.siteAccess === wanted || c.siteAccess === null);
    if (forWanted.length === 0) {
      const others = a.auth.sessionCookies.map((c) => c.siteAccess).join(', ');
      return {
        why: 'wrong-siteaccess',
        title: `A cookie for another SiteAccess (${others}, request for ${wanted})`,
        detail: `Each SiteAccess has its own session cookie: for ${wanted} the request had none, so it ran as anonymous, who may not ${policy(p)}.`,
      };
    }
    const panelsCookie = k.panelSessionName !== null && forWanted.some((c) => c.name === k.panelSessionName);
    if (panelsCookie && k.identity?.kind === 'user' && k.identity.via === 'panel-session') {
      return {
        why: 'permission',
        title: `Permission denied for ${user ?? "the panel session's user"}`,
        detail: `The session is live, and its user may not ${policy(p)}.`,
      };
    }
    if (k.identity?.kind === 'user' && k.identity.via === 'page-session') {
      return {
        why: 'permission',
        title: `Permission denied for ${user ?? "the page session's user"}`,
        detail: `The page's session is live, and its user may not ${policy(p)}.`,
      };
    }
    return {
      why: 'session-gone',
      title: 'The session cookie is not a live session',
      detail: `The server treated the request as anonymous: the session expired or was logged out (or its user may not ${policy(p)}). Log in again.`,
    };
  }
  return { why: 'other', title: 'Refused', detail: description || 'The server answered 401 without saying why.' };
}
