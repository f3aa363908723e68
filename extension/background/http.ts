/**
 * The worker's HTTP client for the API target: sets Accept/X-Siteaccess, bounds every call with a
 * timeout, parses JSON bodies, and turns a failure into a sentence. Never throws.
 */
import type { ApiTarget, ProtocolError } from '../../shared/domain';
import { errorDescription, mediaType } from '../../shared/ez';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'DELETE';
  /** path under the prefix (`/user/sessions`) or an absolute path the server gave (`<prefix>/...`) */
  path: string;
  /** media type name for Accept, e.g. `Session` */
  accept: string;
  body?: unknown;
  /** media type name for Content-Type of a JSON body, e.g. `SessionInput` */
  contentType?: string;
  headers?: Record<string, string>;
  /** `include` sends the jar's cookies for the origin; `omit` keeps the visitor's session out */
  credentials: 'include' | 'omit';
  /** `Authorization: Basic` value to add explicitly (DNR may not cover our own requests everywhere) */
  authorization?: string;
}

export type ApiResponse =
  { ok: true; status: number; headers: Headers; body: unknown } | { ok: false; error: ProtocolError; body: unknown };

/**
 * Per call. A state.get may chain a few calls (detect, refresh, load user) and the panel gives up
 * after REQUEST_TIMEOUT_MS (15 s): a hung server must fail well inside that.
 */
export const HTTP_TIMEOUT_MS = 6_000;

/** Absolute URL for a request path: server-given paths already carry the prefix. */
export function apiUrl(target: Pick<ApiTarget, 'origin' | 'prefix'>, path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  // Paths the server wrote (Session._href, User._href) already carry their prefix.
  return path.startsWith(`${target.prefix}/`) || path.startsWith('/api/')
    ? `${target.origin}${path}`
    : `${target.origin}${target.prefix}${path.startsWith('/') ? '' : '/'}${path}`;
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function apiFetch(doFetch: typeof fetch, target: ApiTarget, req: ApiRequest): Promise<ApiResponse> {
  const url = apiUrl(target, req.path);
  const headers: Record<string, string> = { Accept: mediaType(req.accept, 'json', target.vendor), ...req.headers };
  if (target.siteAccess) headers['X-Siteaccess'] = target.siteAccess;
  if (req.authorization) headers.Authorization = req.authorization;
  if (req.contentType) headers['Content-Type'] = mediaType(req.contentType, 'json', target.vendor);
  let res: Response;
  try {
    res = await doFetch(url, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      credentials: req.credentials,
      // The worker must not follow the server to another origin with our credentials.
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(HTTP_TIMEOUT_MS),
    });
  } catch (e) {
    return { ok: false, error: networkError(target.origin, e), body: null };
  }
  const body = await readBody(res);
  if (res.status >= 200 && res.status < 300) {
    return { ok: true, status: res.status, headers: res.headers, body };
  }
  return { ok: false, error: httpError(res.status, body, target), body };
}

export function networkError(origin: string, e: unknown): ProtocolError {
  const timedOut = e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
  return {
    code: 'network',
    message: timedOut
      ? `${origin} did not answer within ${HTTP_TIMEOUT_MS / 1000} s.`
      : `Could not reach ${origin}: is the server running?`,
  };
}

/** A status in words (login has its own wording in sessions.ts). */
export function httpError(status: number, body: unknown, target: ApiTarget): ProtocolError {
  const desc = errorDescription(body);
  const detail = desc ? ` (${desc})` : '';
  const message = ((): string => {
    switch (status) {
      case 0:
        return `The server answered with a redirect the extension does not follow.`;
      case 400:
        return `The server rejected the request as malformed${detail}.`;
      case 401:
        return `Not authorised: the server refused these credentials or this session${detail}.`;
      case 403:
        return `Forbidden: the current user may not do this${detail}.`;
      case 404:
        return `Not found at ${target.origin}${target.prefix}${detail}.`;
      case 409:
        return 'Another user is already logged in in this browser session; log out first.';
      default:
        if (status >= 500) {
          const sa = target.siteAccess ? ` Check that the SiteAccess "${target.siteAccess}" exists.` : '';
          return `The server failed with an internal error (HTTP ${status}).${sa}`;
        }
        return `The server answered HTTP ${status}${detail}.`;
    }
  })();
  return { code: 'http', message, status };
}
