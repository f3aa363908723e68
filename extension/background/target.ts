/**
 * Where the REST API lives. Default: the page's origin + /api/ezp/v2, confirmed by asking the
 * root (`GET {origin}/api/ezp/v2/`), then the Ibexa 4 prefix; the answer's media types tell
 * eZ (`vnd.ez.api`) from Ibexa (`vnd.ibexa.api`). A user-typed base wins until the tab navigates.
 */
import type { ApiTarget, Notice, Origin } from '../../shared/protocol';
import { asOrigin } from '../../shared/protocol';
import { apiFetch } from './http';
import { isRootBody, rootVendor } from './ez';

const CANDIDATES: readonly Pick<ApiTarget, 'prefix' | 'vendor'>[] = [
  { prefix: '/api/ezp/v2', vendor: 'vnd.ez.api' },
  { prefix: '/api/ibexa/v2', vendor: 'vnd.ibexa.api' },
];

export const defaultTarget = (origin: Origin, siteAccess: string | null = null): ApiTarget => ({
  origin,
  prefix: '/api/ezp/v2',
  vendor: 'vnd.ez.api',
  siteAccess,
  source: 'default',
});

/** The page's origin, or null for pages that are not http(s) (chrome://, about:blank, file:). */
export function pageOrigin(url: string | null | undefined): Origin | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? asOrigin(u.origin) : null;
  } catch {
    return null;
  }
}

export async function detectTarget(
  doFetch: typeof fetch,
  origin: Origin,
  siteAccess: string | null,
): Promise<{ target: ApiTarget; notice: Notice | null }> {
  for (const c of CANDIDATES) {
    const probe: ApiTarget = { origin, ...c, siteAccess, source: 'detected' };
    // The visitor's cookies stay out of it: finding the API needs no identity.
    const r = await apiFetch(doFetch, probe, { path: '/', accept: 'Root', credentials: 'omit' });
    if (r.ok) {
      // Only a REST Root counts: a site whose catch-all route answers any path with its HTML page
      // (200) would otherwise pass for an eZ API and every action would fail against it.
      const vendor = rootVendor(r.headers.get('content-type'), r.body);
      if (vendor !== null || isRootBody(r.body))
        return { target: { ...probe, vendor: vendor ?? c.vendor }, notice: null };
      continue;
    }
    if (r.error.code === 'network') {
      return { target: defaultTarget(origin, siteAccess), notice: { level: 'error', message: r.error.message } };
    }
    // A Basic-only REST firewall answers even the root with 401: the API is there.
    if (r.error.status === 401) return { target: probe, notice: null };
  }
  return {
    target: defaultTarget(origin, siteAccess),
    notice: {
      level: 'warning',
      message: `No eZ REST API answered at ${origin}/api/ezp/v2/ or /api/ibexa/v2/. Enter the API base by hand if it lives elsewhere.`,
    },
  };
}

/** Parses a typed API base such as `http://localhost:8080/api/ezp/v2/`. */
export function parseBase(base: string, siteAccess: string | null): ApiTarget | string {
  let u: URL;
  try {
    u = new URL(base.trim());
  } catch {
    return `"${base}" is not a URL. Type the API base, e.g. http://localhost:8080/api/ezp/v2`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'The API base must start with http:// or https://.';
  const prefix = u.pathname.replace(/\/+$/, '');
  if (!prefix) return 'The API base needs its path too, e.g. /api/ezp/v2.';
  const sa = siteAccess?.trim() ? siteAccess.trim() : null;
  return {
    origin: asOrigin(u.origin),
    prefix,
    vendor: prefix.includes('ibexa') ? 'vnd.ibexa.api' : 'vnd.ez.api',
    siteAccess: sa,
    source: 'user',
  };
}
