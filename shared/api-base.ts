/**
 * What the user types as the API base (origin + prefix) and the SiteAccess,
 * checked the same way in the panel (before sending) and in the worker (before using it), so
 * both say the same sentence.
 */
import type { ApiTarget } from './domain/auth';
import { asOrigin } from './domain/ids';
import { EZP3, vendorForPrefix } from './ez/flavours';

const EXAMPLE = `e.g. http://127.0.0.1:8080${EZP3.prefix}`;

/** A blank SiteAccess means the server's default: null. */
export function normaliseSiteAccess(siteAccess: string | null | undefined): string | null {
  const sa = siteAccess?.trim() ?? '';
  return sa === '' ? null : sa;
}

/** The target a typed base names, or the problem with it in words. */
export function parseApiBase(base: string, siteAccess: string | null): ApiTarget | string {
  const typed = base.trim();
  if (typed === '') return `Enter the API base, ${EXAMPLE}.`;
  let u: URL;
  try {
    u = new URL(typed);
  } catch {
    return `"${typed}" is not a URL. Type the full API base, ${EXAMPLE}.`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return `The API base must start with http:// or https:// (${EXAMPLE}).`;
  const prefix = u.pathname.replace(/\/+$/, '');
  if (!prefix) return `The API base needs its path too, ${EXAMPLE}.`;
  return {
    origin: asOrigin(u.origin),
    prefix,
    vendor: vendorForPrefix(prefix),
    siteAccess: normaliseSiteAccess(siteAccess),
    source: 'user',
  };
}

/** The base to show for a target: origin + prefix. */
export const apiBaseOf = (t: Pick<ApiTarget, 'origin' | 'prefix'> | null): string =>
  t === null ? '' : `${t.origin}${t.prefix}`;
