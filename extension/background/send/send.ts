/**
 * The worker sends a request for the panel (following a link now, replays later): to the tab's
 * API origin only, as an identity, bounded in time and size, and answers what came back with the
 * secret headers masked. Never throws: a refusal or a network failure is an answer with `error`.
 */
import type { ApiTarget } from '../../../shared/domain';
import type { HeaderPair } from '../../../shared/domain/capture';
import type { ExploreAnswer, SendIdentity } from '../../../shared/domain/send';
import { headerValue, maskHeaders, pairsOf } from '../../../shared/capture/headers';
import type { Ctx } from '../context';
import { HTTP_TIMEOUT_MS, networkError } from '../http';

export const MAX_BODY_CHARS = 5 * 1024 * 1024;

export interface OutgoingRequest {
  method: string;
  url: string;
  headers: HeaderPair[];
  body: string | null;
}

/** The headers and cookie mode an identity sends, or the reason it cannot. */
async function credentialsOf(
  ctx: Ctx,
  tabId: number,
  identity: SendIdentity,
): Promise<{ headers: HeaderPair[]; credentials: RequestCredentials } | string> {
  if (identity.kind === 'anonymous') return { headers: [], credentials: 'omit' };
  if (identity.kind === 'jar') return { headers: [], credentials: 'include' };
  const rec = await ctx.capture.find(tabId, identity.id);
  if (rec === null) return 'That request is no longer in the capture buffer, so its credentials are gone.';
  const authorization = headerValue(rec.secrets, 'authorization');
  return {
    headers: authorization === null ? [] : [{ name: 'Authorization', value: authorization }],
    // The cookies it carried are the jar's (a fetch may not set Cookie itself).
    credentials: headerValue(rec.secrets, 'cookie') === null ? 'omit' : 'include',
  };
}

export async function sendAs(
  ctx: Ctx,
  tabId: number,
  target: ApiTarget,
  req: OutgoingRequest,
  identity: SendIdentity,
): Promise<ExploreAnswer> {
  const started = ctx.apis.now();
  const answer = (over: Partial<ExploreAnswer>): ExploreAnswer => ({
    url: req.url,
    status: 0,
    statusText: '',
    headers: [],
    requestHeaders: maskHeaders(req.headers),
    body: '',
    truncated: false,
    timeMs: ctx.apis.now() - started,
    error: null,
    ...over,
  });
  let u: URL;
  try {
    u = new URL(req.url);
  } catch {
    return answer({ error: `"${req.url}" is not a URL.` });
  }
  if (u.origin !== target.origin)
    return answer({
      error: `${u.origin} is not the API's origin (${target.origin}): the extension only sends requests to the API.`,
    });
  if (!(await ctx.apis.permissions.hasHostPermission(target.origin)))
    return answer({ error: `The extension may not talk to ${target.origin} yet: allow access to it first.` });
  const who = await credentialsOf(ctx, tabId, identity);
  if (typeof who === 'string') return answer({ error: who });
  const headers = new Headers();
  for (const h of [...req.headers, ...who.headers]) {
    try {
      headers.set(h.name, h.value);
    } catch {
      return answer({ error: `The header "${h.name}" cannot be sent.` });
    }
  }
  if (target.siteAccess && !headers.has('X-Siteaccess')) headers.set('X-Siteaccess', target.siteAccess);
  const sent = pairsOf(headers);
  let res: Response;
  try {
    res = await ctx.apis.fetch(u.href, {
      method: req.method,
      headers,
      body: req.body === null || ['GET', 'HEAD'].includes(req.method.toUpperCase()) ? undefined : req.body,
      credentials: who.credentials,
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (e) {
    return answer({ requestHeaders: maskHeaders(sent), error: networkError(target.origin, e).message });
  }
  const text = await res.text().catch(() => '');
  return answer({
    status: res.status,
    statusText: res.statusText,
    headers: maskHeaders(pairsOf(res.headers)),
    requestHeaders: maskHeaders(sent),
    body: text.length > MAX_BODY_CHARS ? text.slice(0, MAX_BODY_CHARS) : text,
    truncated: text.length > MAX_BODY_CHARS,
  });
}
