/**
 * The REST pipeline, in the order the real kernel runs it: format (Accept), SiteAccess,
 * method override, routing (404/405), firewall, the SiteAccess login check, CSRF (before any
 * body is read), the body, the handler. Every answer leaves through the one writer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EZ_PREFIX, formatForAccept, type Format } from '../../shared/ez/media-types';
import { isCsrfTokenValid } from '../auth/csrf';
import { admit, type AuthProfile, type BasicCache } from '../auth/firewall';
import { DEFAULT_SITE_ACCESS_NAME, SITE_ACCESSES } from '../fixtures/siteaccesses';
import { badRequest, csrfFailure, errorMessage, methodNotAllowed, noRoute, noViewMapping, serverError } from '../routes/results';
import { allowedMethods, matchRoute, methodOf } from '../routes/table';
import type { Context, Result, ServerState } from '../routes/types';
import { declaredTooLarge, expectsContinue, MAX_BODY_BYTES, readBody } from './body';
import { parseInput } from './input';
import { writeResult } from './writer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OVERRIDE_PASSTHROUGH = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'PATCH', 'PURGE', 'TRACE']);
const formatCache = new Map<string, Format | null>();

export interface ApiDeps {
  readonly state: ServerState;
  readonly profile: AuthProfile;
  readonly basic: BasicCache;
}

/** Accept -> format, memoised: clients send the same few Accept strings over and over. */
function negotiate(accept: string | undefined): Format | null {
  if (accept === undefined) return null;
  let f = formatCache.get(accept);
  if (f === undefined) {
    f = formatForAccept(accept);
    if (formatCache.size > 500) formatCache.clear();
    formatCache.set(accept, f);
  }
  return f;
}

/** Symfony's getMethod(): the override is honoured for POST only and must be letters. */
function effectiveMethod(req: IncomingMessage): string | Result {
  const method = req.method ?? 'GET';
  const override = req.headers['x-http-method-override'];
  if (method !== 'POST' || typeof override !== 'string' || override === '') return method;
  const m = override.toUpperCase();
  if (OVERRIDE_PASSTHROUGH.has(m) || /^[A-Z]+$/.test(m)) return m;
  return badRequest(`Invalid method override "${m}".`);
}

export function handleApi(req: IncomingMessage, res: ServerResponse, pathInfo: string, queryString: string, deps: ApiDeps): void {
  // A declared body over the limit is never read: whatever answers first (404, 401, 413) also
  // closes the connection, so the client cannot keep streaming megabytes into a kept-alive socket.
  const oversize = declaredTooLarge(req, MAX_BODY_BYTES);
  // A client waiting for `100 Continue` that gets a final answer instead never sends its body,
  // so the connection cannot be reused: close it.
  let awaitingContinue = expectsContinue(req);
  const format = negotiate(req.headers.accept);
  if (format === null) return writeResult(res, noViewMapping(), { format: 'xml', close: oversize || awaitingContinue });
  const reply = (result: Result, sessionUsed = false, close = false): void =>
    writeResult(res, result, { format, sessionUsed, close: close || oversize || awaitingContinue });

  const saHeader = req.headers['x-siteaccess'];
  const sa = SITE_ACCESSES.get(typeof saHeader === 'string' && saHeader !== '' ? saHeader : DEFAULT_SITE_ACCESS_NAME);
  // InvalidSiteAccessException is a plain RuntimeException: 500, non-verbose (§2.5).
  if (sa === undefined) return reply(serverError());
  const method = effectiveMethod(req);
  if (typeof method !== 'string') return reply(method);

  const absolute = `http://${req.headers.host ?? '127.0.0.1'}${pathInfo}`;
  const path = pathInfo.startsWith(EZ_PREFIX + '/') ? pathInfo.slice(EZ_PREFIX.length) : null;
  const match = path === null ? null : matchRoute(path);
  if (path === null || match === null) return reply(noRoute(method, absolute));
  const { route, params } = match;
  const rm = methodOf(route, method);
  if (rm === undefined && method !== 'OPTIONS') return reply(methodNotAllowed(method, absolute, allowedMethods(route)));

  const { state } = deps;
  const admission = admit(deps.profile, req.headers, sa, state, deps.basic);
  if (!admission.ok) return reply(admission.result);
  const { caller, session } = admission;
  const usedSession = caller.via === 'session' && session.sentId !== null;
  // eZ's SecurityListener: the user needs user/login on this SiteAccess. The session routes are
  // let through so a login on `admin` is possible at all (§15 leaves this open; see README).
  if (!route.sessionRoute && !state.repo.can(caller.userId, 'user', 'login', { siteAccess: sa.name })) {
    return reply(serverError(), usedSession);
  }
  // Stateless firewalls have no session authenticator: the session controller fails (§7.2).
  if (route.sessionRoute && caller.via !== 'session') return reply(serverError());
  if (method === 'OPTIONS') {
    return reply({ kind: 'empty', status: 200, headers: { Allow: allowedMethods(route).join(',') } }, usedSession);
  }
  if (usedSession && !route.sessionRoute && !SAFE_METHODS.has(method)) {
    const token = req.headers['x-csrf-token'];
    if (!isCsrfTokenValid(session.record?.csrfSecret ?? null, typeof token === 'string' ? token : undefined)) {
      return reply(csrfFailure(method, pathInfo), true);
    }
  }
  if (rm === undefined) return reply(methodNotAllowed(method, absolute, allowedMethods(route)));
  // Only now, past the firewall and CSRF, does the size of an unread body matter.
  if (oversize) return reply(tooLarge());

  const run = (input: unknown): void => {
    const ctx: Context = {
      method,
      path,
      pathInfo,
      get query() {
        return new URLSearchParams(queryString);
      },
      params,
      headers: req.headers,
      format,
      siteAccess: sa,
      caller,
      session,
      input,
      state,
    };
    const result = rm.handler(ctx);
    reply(result, caller.via === 'session' && (session.sentId !== null || (result.cookies?.length ?? 0) > 0));
  };
  const inputs = rm.inputs;
  if (inputs === undefined) return run(undefined);
  if (awaitingContinue) {
    res.writeContinue();
    awaitingContinue = false;
  }
  readBody(req, MAX_BODY_BYTES, (outcome) => {
    if (!outcome.ok) {
      if (outcome.reason === 'too-large') reply(tooLarge(), false, true);
      else res.destroy();
      return;
    }
    const parsed = parseInput(req.headers['content-type'], outcome.body, inputs);
    if (!parsed.ok) return reply(parsed.result, usedSession);
    run(parsed.value);
  });
}

export const tooLarge = (): Result => errorMessage(413, `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes.`);
