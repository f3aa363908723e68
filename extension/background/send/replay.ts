/**
 * A replay: the request as the user edited it, sent by the worker as the chosen identity (or,
 * on request, from inside the page). The identity decides Cookie and Authorization: whatever the
 * editor holds for them is dropped (the panel only ever saw masked values). With a session
 * identity and an unsafe method the CSRF token is added, unless the user turned that off to see
 * what the server says without it. A saved session identity whose session expired logs in again
 * (once) when the server says its session is gone. Never throws: a refusal is an answer with `error`.
 */
import type { ApiTarget } from '../../../shared/domain';
import type { HeaderPair } from '../../../shared/domain/capture';
import type { ReplayAnswer, ReplayIdentity } from '../../../shared/domain/replay';
import { effectiveMethod, isUnsafe } from '../../../shared/capture/auth';
import { headerValue, maskHeaders } from '../../../shared/capture/headers';
import type { Ctx } from '../context';
import { isOwned, sessionCookies } from '../cookies';
import { identitySession, identitySessionGone, storedIdentities } from '../identities';
import { basicHeader } from '../basic-auth';
import { withCookie } from './cookie-rule';
import { failed, IDENTITY_HEADERS, replayFromPage } from './replay-from-page';
import { sendAs, type OutgoingRequest } from './send';

interface Credentials {
  cookie: string | null;
  authorization: string | null;
  csrfToken: string | null;
  label: string;
}

async function credentialsFor(
  ctx: Ctx,
  tabId: number,
  target: ApiTarget,
  who: ReplayIdentity,
): Promise<Credentials | string> {
  switch (who.kind) {
    case 'anonymous':
      return { cookie: null, authorization: null, csrfToken: null, label: 'anonymous' };
    case 'as-captured': {
      const rec = await ctx.capture.find(tabId, who.id);
      if (rec === null)
        return 'That request is no longer in the capture buffer, so its credentials are gone: pick another identity.';
      return {
        cookie: headerValue(rec.secrets, 'cookie'),
        authorization: headerValue(rec.secrets, 'authorization'),
        csrfToken: headerValue(rec.secrets, 'x-csrf-token'),
        label: 'as captured',
      };
    }
    case 'panel-session': {
      const s = await ctx.store.getSession(target.origin, target.siteAccess);
      if (s === null) return 'The panel is not logged in here: log in in the Auth pane, or pick another identity.';
      return {
        cookie: `${s.name}=${s.identifier}`,
        authorization: null,
        csrfToken: s.csrfToken,
        label: "the panel's session",
      };
    }
    case 'page-session': {
      // The visitor's cookie: in the jar, or put aside while the panel's login holds its name.
      const [jar, owned, panel] = await Promise.all([
        sessionCookies(ctx.apis.cookies, target.origin),
        ctx.store.getOwned(target.origin),
        ctx.store.getSession(target.origin, target.siteAccess),
      ]);
      const visitor = jar.find((c) => !isOwned(owned, c)) ?? panel?.replaced ?? null;
      if (visitor === null) return 'The page has no session of its own here: pick another identity.';
      return {
        cookie: `${visitor.name}=${visitor.value}`,
        authorization: null,
        csrfToken: await ctx.store.getPageCsrf(tabId),
        label: "the page's session",
      };
    }
    case 'saved': {
      const ident = (await storedIdentities(ctx, target.origin)).find((i) => i.name === who.name);
      if (ident === undefined) return `There is no saved identity "${who.name}" for ${target.origin}.`;
      if (ident.kind === 'basic')
        return {
          cookie: null,
          authorization: basicHeader(ident.user, ident.password),
          csrfToken: null,
          label: `${ident.name} (Basic)`,
        };
      const s = await identitySession(ctx, target, ident);
      if ('code' in s) return s.message;
      return {
        cookie: `${s.cookieName}=${s.identifier}`,
        authorization: null,
        csrfToken: s.csrfToken,
        label: `${ident.name} (session)`,
      };
    }
  }
}

export interface ReplayInput {
  request: OutgoingRequest;
  identity: ReplayIdentity;
  /** add the identity's CSRF token to an unsafe method */
  csrf: boolean;
  fromPage: boolean;
}

export async function replay(ctx: Ctx, tabId: number, target: ApiTarget, input: ReplayInput): Promise<ReplayAnswer> {
  const { request } = input;
  const base = { method: request.method, from: input.fromPage ? ('page' as const) : ('worker' as const) };
  if (input.fromPage) return replayFromPage(ctx, tabId, target, request, base);
  const first = await replayAs(ctx, tabId, target, input, base);
  // A saved session identity's 401 may only mean its session expired since it logged in: when the
  // server says the session is gone, log in again and send once more.
  const { identity } = input;
  if (first.status !== 401 || identity.kind !== 'saved' || !(await identitySessionGone(ctx, target, identity.name)))
    return first;
  const again = await replayAs(ctx, tabId, target, input, base);
  return { ...again, identity: `${again.identity}, logged in again: its session had expired` };
}

async function replayAs(
  ctx: Ctx,
  tabId: number,
  target: ApiTarget,
  input: ReplayInput,
  base: { method: string; from: 'worker' | 'page' },
): Promise<ReplayAnswer> {
  const { request } = input;
  const method = effectiveMethod(request.method, request.headers);
  const who = await credentialsFor(ctx, tabId, target, input.identity);
  if (typeof who === 'string') return { ...failed(request, who), ...base, identity: input.identity.kind, csrf: 'none' };
  const headers: HeaderPair[] = request.headers.filter((h) => !IDENTITY_HEADERS.has(h.name.toLowerCase()));
  if (who.authorization !== null) headers.push({ name: 'Authorization', value: who.authorization });
  const wantsToken = isUnsafe(method) && who.cookie !== null && who.authorization === null;
  let csrf: ReplayAnswer['csrf'] = 'none';
  if (wantsToken && input.csrf && who.csrfToken !== null) {
    headers.push({ name: 'X-CSRF-Token', value: who.csrfToken });
    csrf = 'added';
  } else if (wantsToken) csrf = input.csrf ? 'unknown' : 'removed';
  const out: OutgoingRequest = { ...request, headers };
  const answer = await withCookie(ctx, request.url, who.cookie, () =>
    sendAs(ctx, tabId, target, out, { kind: 'anonymous' }),
  );
  // The Cookie went by the session rule, so fetch never listed it: show it (masked) as sent.
  const requestHeaders =
    who.cookie === null
      ? answer.requestHeaders
      : [...answer.requestHeaders, ...maskHeaders([{ name: 'Cookie', value: who.cookie }])];
  return { ...answer, requestHeaders, ...base, identity: who.label, csrf };
}
