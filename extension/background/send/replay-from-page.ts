/**
 * "Send from the page": the request goes from inside the inspected page (scripting, MAIN world),
 * with the page's own cookies and service worker, for requests that need the page's context.
 * The worker adds nothing: masked identity headers the panel holds are dropped, never sent as dots.
 * Also the refusal shape every replay path answers with (status 0 and the reason).
 */
import type { ApiTarget } from '../../../shared/domain';
import type { ReplayAnswer } from '../../../shared/domain/replay';
import { maskHeaders } from '../../../shared/capture/headers';
import type { Ctx } from '../context';
import type { OutgoingRequest } from './send';

export const IDENTITY_HEADERS = new Set(['cookie', 'authorization', 'x-csrf-token']);

/** A replay that could not be sent: the reason as the answer's error. */
export function failed(req: OutgoingRequest, error: string) {
  return {
    url: req.url,
    status: 0,
    statusText: '',
    headers: [],
    requestHeaders: maskHeaders(req.headers),
    body: '',
    truncated: false,
    timeMs: 0,
    error,
  };
}

export async function replayFromPage(
  ctx: Ctx,
  tabId: number,
  target: ApiTarget,
  req: OutgoingRequest,
  base: { method: string; from: 'page' | 'worker' },
): Promise<ReplayAnswer> {
  const started = ctx.apis.now();
  if (new URL(req.url).origin !== target.origin)
    return { ...failed(req, `${req.url} is not on the API's origin.`), ...base, identity: 'the page', csrf: 'none' };
  try {
    const got = await ctx.apis.scripting.fetchInPage(tabId, {
      method: req.method,
      url: req.url,
      headers: req.headers
        .filter((h) => !IDENTITY_HEADERS.has(h.name.toLowerCase()) || !h.value.includes('•'))
        .map((h) => [h.name, h.value]),
      body: req.body,
    });
    return {
      url: req.url,
      status: got.status,
      statusText: got.statusText,
      headers: maskHeaders(got.headers.map(([name, value]) => ({ name, value }))),
      requestHeaders: maskHeaders(req.headers),
      body: got.body,
      truncated: false,
      timeMs: ctx.apis.now() - started,
      error: got.error,
      ...base,
      identity: 'the page (its own cookies)',
      csrf: 'none',
    };
  } catch (e) {
    return {
      ...failed(req, `The page could not send it: ${e instanceof Error ? e.message : String(e)}`),
      ...base,
      identity: 'the page',
      csrf: 'none',
    };
  }
}
