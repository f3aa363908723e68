/**
 * Link (`_href`) helpers and session-cookie naming shared by the server and the extension.
 * No Node imports (md5 is not available in browsers, hence the precomputed names below).
 */

/** The default SiteAccess of a clean install (no X-Siteaccess header). */
export const DEFAULT_SITE_ACCESS = 'site';

/** Session cookie names are `eZSESSID` + md5(SiteAccess name) (§5). */
export const SESSION_COOKIE_PREFIX = 'eZSESSID';

/** md5 precomputed for the two SiteAccesses of a clean install; the mock checks them in a test. */
export const KNOWN_SESSION_COOKIE_NAMES: Readonly<Record<string, string>> = {
  site: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
  admin: 'eZSESSID21232f297a57a5a743894a0e4a801fc3',
};

/** Whether a cookie name looks like an eZ Platform session cookie. */
export function isSessionCookieName(name: string): boolean {
  return /^eZSESSID[0-9a-f]{32}$/.test(name) || name.startsWith('eZSESSID_');
}

/** Joins the API prefix and a resource path: `apiHref('/api/ezp/v2', '/user/users/14')`. */
export function apiHref(prefix: string, path: string): string {
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Fills a URI template of the Root resource, e.g. `/user/sessions/{sessionId}/refresh`. */
export function expandHrefTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, key: string) => {
    const v = values[key];
    return v === undefined ? whole : encodeURIComponent(v);
  });
}

/** The trailing numeric id of an href (`/api/ezp/v2/user/users/14` -> 14), or null. */
export function idFromHref(href: string): number | null {
  const m = /\/(\d+)\/?$/.exec(href);
  return m?.[1] === undefined ? null : Number(m[1]);
}
