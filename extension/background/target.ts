/**
 * Where the REST API lives. Default: the page's origin + each known prefix, confirmed by asking
 * the root (`GET {origin}<prefix>/` for each prefix of shared/ez/flavours.ts, eZ first); the answer's media types tell eZ
 * (`vnd.ez.api`) from Ibexa (`vnd.ibexa.api`). A user-typed base wins until the tab navigates.
 */
import type { ApiTarget, Origin } from '../../shared/domain';
import { asOrigin } from '../../shared/domain';
import { EZP3, FLAVOURS, isRootBody, rootVendor } from '../../shared/ez';
import { apiFetch } from './http';

export const defaultTarget = (origin: Origin, siteAccess: string | null = null): ApiTarget => ({
  origin,
  prefix: EZP3.prefix,
  vendor: EZP3.vendor,
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

export type Detection =
  | { kind: 'found'; target: ApiTarget }
  /** something answered, but no REST Root at any known prefix */
  | { kind: 'absent'; target: ApiTarget; message: string }
  /** nothing answered at all: nobody can say who you are there */
  | { kind: 'unreachable'; target: ApiTarget; message: string };

export async function detectTarget(
  doFetch: typeof fetch,
  origin: Origin,
  siteAccess: string | null,
): Promise<Detection> {
  for (const f of FLAVOURS) {
    const probe: ApiTarget = { origin, prefix: f.prefix, vendor: f.vendor, siteAccess, source: 'detected' };
    // The visitor's cookies stay out of it: finding the API needs no identity.
    const r = await apiFetch(doFetch, probe, { path: '/', accept: 'Root', credentials: 'omit' });
    if (r.ok) {
      // Only a REST Root counts: a site whose catch-all route answers any path with its HTML page
      // (200) would otherwise pass for an eZ API and every action would fail against it.
      const vendor = rootVendor(r.headers.get('content-type'), r.body);
      if (vendor !== null || isRootBody(r.body))
        return { kind: 'found', target: { ...probe, vendor: vendor ?? f.vendor } };
      continue;
    }
    if (r.error.code === 'network')
      return { kind: 'unreachable', target: defaultTarget(origin, siteAccess), message: r.error.message };
    // A Basic-only REST firewall answers even the root with 401: the API is there.
    if (r.error.status === 401) return { kind: 'found', target: probe };
  }
  const tried = FLAVOURS.map((f) => `${f.prefix}/`).join(' or ');
  return {
    kind: 'absent',
    target: defaultTarget(origin, siteAccess),
    message: `No eZ REST API answered at ${origin} under ${tried}. Enter the API base by hand if it lives elsewhere.`,
  };
}
