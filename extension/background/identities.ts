/**
 * Named identities per API origin (`admin`, `editor`, …), to replay as. Passwords live in
 * storage.session (memory) and go to storage.local only for an identity the user asked to
 * remember; no password ever leaves the worker (the panel gets SavedIdentityView). A session
 * identity logs in on its own (`credentials: 'omit'`: the browser stores nothing, the page's
 * jar and the panel's session are untouched) and keeps its cookie value and CSRF token here.
 */
import type { ApiTarget, ProtocolError } from '../../shared/domain';
import type { IdentityKind, SavedIdentityView } from '../../shared/domain/replay';
import { parseSession } from '../../shared/ez';
import type { StorageArea } from '../platform/apis';
import type { Ctx } from './context';
import { apiFetch, apiUrl } from './http';
import { withCookie } from './send/cookie-rule';
import { currentSession, refreshSession } from './session-check';

export interface StoredIdentity {
  name: string;
  kind: IdentityKind;
  user: string;
  password: string;
  remember: boolean;
}

export interface IdentitySession {
  cookieName: string;
  identifier: string;
  csrfToken: string;
  /** the user it logged in as (Session.User._href), to tell a live login from an emptied session */
  userHref: string;
  createdAt: number;
}

const listKey = (origin: string): string => `identities:${origin}`;
const sessionKey = (origin: string, name: string): string => `idsession:${origin}|${name}`;

async function read<T>(area: StorageArea, key: string): Promise<T | null> {
  return ((await area.get(key))[key] as T | undefined) ?? null;
}

/** Memory first; remembered ones from disk when memory lost them (a browser restart). */
export async function storedIdentities(ctx: Ctx, origin: string): Promise<StoredIdentity[]> {
  const [mem, disk] = await Promise.all([
    read<StoredIdentity[]>(ctx.apis.session, listKey(origin)),
    read<StoredIdentity[]>(ctx.apis.local, listKey(origin)),
  ]);
  const out = [...(mem ?? [])];
  for (const d of disk ?? []) if (!out.some((m) => m.name === d.name)) out.push(d);
  return out;
}

async function write(ctx: Ctx, origin: string, list: StoredIdentity[]): Promise<void> {
  await ctx.apis.session.set({ [listKey(origin)]: list });
  const remembered = list.filter((i) => i.remember);
  if (remembered.length > 0) await ctx.apis.local.set({ [listKey(origin)]: remembered });
  else await ctx.apis.local.remove(listKey(origin));
}

export async function listIdentities(ctx: Ctx, origin: string): Promise<SavedIdentityView[]> {
  const list = await storedIdentities(ctx, origin);
  return Promise.all(
    list.map(async (i) => ({
      name: i.name,
      kind: i.kind,
      user: i.user,
      remember: i.remember,
      loggedIn:
        i.kind === 'session' && (await read<IdentitySession>(ctx.apis.session, sessionKey(origin, i.name))) !== null,
    })),
  );
}

const NAME = /^[\p{L}\p{N} _.@-]{1,40}$/u;
/** The replay's identity picker has these values already. */
const RESERVED = new Set(['anonymous', 'page-session', 'panel-session', 'as-captured']);

export async function saveIdentity(ctx: Ctx, origin: string, input: StoredIdentity): Promise<ProtocolError | null> {
  if (!NAME.test(input.name))
    return {
      code: 'bad-request',
      message: 'Name the identity with 1 to 40 letters, digits, spaces, ".", "_", "@" or "-".',
    };
  if (RESERVED.has(input.name))
    return {
      code: 'bad-request',
      message: `"${input.name}" names a built-in identity of the replay: pick another name.`,
    };
  if (input.user === '') return { code: 'bad-request', message: 'Enter the user name of the identity.' };
  if (input.kind === 'basic' && input.user.includes(':'))
    return { code: 'bad-request', message: 'A Basic user name cannot contain ":" (RFC 7617).' };
  const list = (await storedIdentities(ctx, origin)).filter((i) => i.name !== input.name);
  await write(ctx, origin, [...list, input]);
  // New credentials: an old session of this name is not theirs any more.
  await ctx.apis.session.remove(sessionKey(origin, input.name));
  return null;
}

export async function removeIdentity(ctx: Ctx, origin: string, name: string): Promise<void> {
  await write(
    ctx,
    origin,
    (await storedIdentities(ctx, origin)).filter((i) => i.name !== name),
  );
  await ctx.apis.session.remove(sessionKey(origin, name));
}

/** The identity's live session, logging in first when it has none. */
export async function identitySession(
  ctx: Ctx,
  target: ApiTarget,
  ident: StoredIdentity,
): Promise<IdentitySession | ProtocolError> {
  const known = await read<IdentitySession>(ctx.apis.session, sessionKey(target.origin, ident.name));
  if (known !== null) return known;
  const r = await apiFetch(ctx.apis.fetch, target, {
    method: 'POST',
    path: '/user/sessions',
    accept: 'Session',
    contentType: 'SessionInput',
    body: { SessionInput: { login: ident.user, password: ident.password } },
    credentials: 'omit',
  });
  if (!r.ok) return { code: r.error.code, message: `"${ident.name}" could not log in: ${r.error.message}` };
  const s = parseSession(r.body);
  if (s === null) return { code: 'internal', message: `"${ident.name}" logged in, but the answer was not a Session.` };
  const session: IdentitySession = {
    cookieName: s.name,
    identifier: s.identifier,
    csrfToken: s.csrfToken,
    userHref: s.userHref,
    createdAt: ctx.apis.now(),
  };
  await ctx.apis.session.set({ [sessionKey(target.origin, ident.name)]: session });
  return session;
}

/**
 * After a 401, whether the identity's login is gone on the server (expired, logged out): if so
 * it is forgotten, and the next identitySession logs in afresh. Asked with that session's own
 * cookie (set by the replay rule, credentials 'omit'): the current-session route on Ibexa 4.3+,
 * else the refresh with its own id and token, which cannot log anyone else out.
 */
export async function identitySessionGone(ctx: Ctx, target: ApiTarget, name: string): Promise<boolean> {
  const key = sessionKey(target.origin, name);
  const s = await read<IdentitySession>(ctx.apis.session, key);
  if (s === null) return false;
  const cookie = `${s.cookieName}=${s.identifier}`;
  const href = `${target.prefix}/user/sessions/${encodeURIComponent(s.identifier)}`;
  let answer = await withCookie(ctx, apiUrl(target, '/user/sessions/current'), cookie, () =>
    currentSession(ctx, target, 'omit'),
  );
  if (answer.kind === 'unsupported')
    answer = await withCookie(ctx, apiUrl(target, `${href}/refresh`), cookie, () =>
      refreshSession(ctx, target, href, s.csrfToken, 'omit'),
    );
  // A logout empties the session but keeps its id: Ibexa's check then answers 200 as anonymous.
  const live = answer.kind === 'live' && answer.session.userHref === s.userHref;
  if (answer.kind === 'failed' || live) return false;
  await ctx.apis.session.remove(key);
  return true;
}
