/**
 * The REST pipeline, in the order the real kernel runs it: format (Accept), SiteAccess,
 * method override, routing (404/405), firewall, the SiteAccess login check, CSRF (before any
 * body is read), the body, the handler. Every answer leaves through the one writer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Flavour } from '../../shared/ez/flavours';
import { formatForAccept, type Format } from '../../shared/ez/media-types';
import { isCsrfTokenValid } from '../auth/csrf';
import { admit, type AuthProfile, type BasicCache } from '../auth/firewall';
import { DEFAULT_SITE_ACCESS_NAME, siteAccessesFor, type SiteAccess } from '../fixtures/siteaccesses';
import {
  badRequest,
  csrfFailure,
  errorMessage,
  methodNotAllowed,
  noRoute,
  noViewMapping,
  serverError,
} from '../core/results';
import { allowedMethods, matchRoute, methodOf } from '../routes/table';
import type { Caller, Context, Result, ServerState, SessionSide } from '../core/types';
import { declaredTooLarge, expectsContinue, MAX_BODY_BYTES, readBody } from './body';
import { parseInput } from './input';
import { writeResult } from './writer';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OVERRIDE_PASSTHROUGH = new Set([
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'CONNECT',
  'OPTIONS',
  'PATCH',
  'PURGE',
  'TRACE',
]);
const formatCaches = new WeakMap<Flavour, Map<string, Format | null>>();

export interface ApiDeps {
  readonly state: ServerState;
  readonly profile: AuthProfile;
  readonly basic: BasicCache;
}

/** Accept -> format, memoised per flavour: clients send the same few Accept strings over and over. */
export function negotiate(accept: string | undefined, flavour: Flavour): Format | null {
  if (accept === undefined) return null;
  let cache = formatCaches.get(flavour);
  if (cache === undefined) {
    cache = new Map();
    formatCaches.set(flavour, cache);
  }
  let f = cache.get(accept);
  if (f === undefined) {
    f = formatForAccept(accept, flavour.vendor);
    if (cache.size > 500) cache.clear();
    cache.set(accept, f);
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

/**
 * One request's way through the pipeline. A class rather than closures: the hot path then
 * allocates no per-request functions (tsx's keepNames would also rename each one, which costs).
 */
class Exchange {
  /** a declared body over the limit is never read, so every answer closes the connection */
  readonly oversize: boolean;
  /** the client waits for `100 Continue`; a final answer instead means it never sends the body */
  awaitingContinue: boolean;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly format: Format,
    readonly flavour: Flavour,
  ) {
    this.oversize = declaredTooLarge(req, MAX_BODY_BYTES);
    this.awaitingContinue = expectsContinue(req);
  }

  reply(result: Result, sessionUsed = false, close = false): void {
    writeResult(this.res, result, {
      format: this.format,
      flavour: this.flavour,
      sessionUsed,
      close: close || this.oversize || this.awaitingContinue,
    });
  }
}

/** The Context a handler sees; the query string is parsed only if a handler asks for it. */
class RequestContext implements Context {
  private parsedQuery: URLSearchParams | undefined;
  /** set once the body is parsed, before the handler runs */
  input: unknown = undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly pathInfo: string,
    private readonly queryString: string,
    readonly params: Readonly<Record<string, string>>,
    readonly headers: IncomingMessage['headers'],
    readonly format: Format,
    readonly siteAccess: SiteAccess,
    readonly caller: Caller,
    readonly session: SessionSide,
    readonly state: ServerState,
  ) {}

  get query(): URLSearchParams {
    this.parsedQuery ??= new URLSearchParams(this.queryString);
    return this.parsedQuery;
  }
}

const absoluteUrl = (req: IncomingMessage, pathInfo: string): string =>
  `http://${req.headers.host ?? '127.0.0.1'}${pathInfo}`;

export function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  pathInfo: string,
  queryString: string,
  deps: ApiDeps,
): void {
  const { flavour } = deps.state;
  const format = negotiate(req.headers.accept, flavour);
  if (format === null) {
    return writeResult(res, noViewMapping(), {
      format: 'xml',
      flavour,
      close: declaredTooLarge(req, MAX_BODY_BYTES) || expectsContinue(req),
    });
  }
  const ex = new Exchange(req, res, format, flavour);

  const saHeader = req.headers['x-siteaccess'];
  const sa = siteAccessesFor(flavour).get(
    typeof saHeader === 'string' && saHeader !== '' ? saHeader : DEFAULT_SITE_ACCESS_NAME,
  );
  // InvalidSiteAccessException is a plain RuntimeException: 500, non-verbose (ezpublish-kernel 7.5
  // `SiteAccess/Router.php` l.131-144).
  if (sa === undefined) return ex.reply(serverError());
  const method = effectiveMethod(req);
  if (typeof method !== 'string') return ex.reply(method);

  const path = pathInfo.startsWith(flavour.prefix + '/') ? pathInfo.slice(flavour.prefix.length) : null;
  const match = path === null ? null : matchRoute(path, flavour);
  if (path === null || match === null) return ex.reply(noRoute(method, absoluteUrl(req, pathInfo)));
  const { route, params } = match;
  const rm = methodOf(route, method);
  if (rm === undefined && method !== 'OPTIONS')
    return ex.reply(methodNotAllowed(method, absoluteUrl(req, pathInfo), allowedMethods(route)));

  const { state } = deps;
  const admission = admit(deps.profile, req.headers, sa, state, deps.basic);
  if (!admission.ok) return ex.reply(admission.result);
  const { caller, session } = admission;
  const usedSession = caller.via === 'session' && session.sentId !== null;
  // eZ's SecurityListener: the user needs user/login on this SiteAccess. The session routes are
  // let through so a login on `admin` is possible at all (a real clean install likely answers 500 there, unverified; see README).
  if (!route.sessionRoute && !state.repo.can(caller.userId, 'user', 'login', { siteAccess: sa.name })) {
    return ex.reply(serverError(), usedSession);
  }
  // Stateless firewalls have no session authenticator: the session controller fails
  // ("No ...AuthenticatorInterface instance injected": RestSessionBasedFactory is not on that firewall).
  if (route.sessionRoute && caller.via !== 'session') return ex.reply(serverError());
  if (method === 'OPTIONS') {
    return ex.reply({ kind: 'empty', status: 200, headers: { Allow: allowedMethods(route).join(',') } }, usedSession);
  }
  if (usedSession && !route.sessionRoute && !SAFE_METHODS.has(method)) {
    const token = req.headers['x-csrf-token'];
    if (!isCsrfTokenValid(session.record?.csrfSecret ?? null, typeof token === 'string' ? token : undefined)) {
      return ex.reply(csrfFailure(method, pathInfo), true);
    }
  }
  if (rm === undefined) return ex.reply(methodNotAllowed(method, absoluteUrl(req, pathInfo), allowedMethods(route)));
  // Only now, past the firewall and CSRF, does the size of an unread body matter.
  if (ex.oversize) return ex.reply(tooLarge());

  const ctx = new RequestContext(
    method,
    path,
    pathInfo,
    queryString,
    params,
    req.headers,
    format,
    sa,
    caller,
    session,
    state,
  );
  const inputs = rm.inputs;
  if (inputs === undefined) return respond(ex, rm.handler(ctx), caller, session);
  if (ex.awaitingContinue) {
    res.writeContinue();
    ex.awaitingContinue = false;
  }
  readBody(req, MAX_BODY_BYTES, (outcome) => {
    if (!outcome.ok) {
      if (outcome.reason === 'too-large') ex.reply(tooLarge(), false, true);
      else res.destroy();
      return;
    }
    const parsed = parseInput(req.headers['content-type'], outcome.body, inputs, flavour.vendor);
    if (!parsed.ok) return ex.reply(parsed.result, usedSession);
    ctx.input = parsed.value;
    respond(ex, rm.handler(ctx), caller, session);
  });
}

/** A handler's answer; a response that used or started a session is marked private (Symfony's session listener). */
function respond(ex: Exchange, result: Result, caller: Caller, session: SessionSide): void {
  ex.reply(result, caller.via === 'session' && (session.sentId !== null || (result.cookies?.length ?? 0) > 0));
}

export const tooLarge = (): Result =>
  errorMessage(413, `The request body is larger than the limit of ${MAX_BODY_BYTES} bytes.`);
