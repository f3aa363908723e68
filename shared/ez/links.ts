/**
 * Links as eZ writes them: `{"_media-type": "...", "_href": "..."}` in JSON, `media-type` and
 * `href` attributes in XML; the Root resource's links are URI templates (`{sessionId}`,
 * `{?remoteId}`). Source: ezsystems/ezplatform-rest 1.3 `src/lib/Output/Generator/Json.php`
 * `startObjectElement()` / `startAttribute()`.
 */

/** A link as eZ writes it in JSON. */
export interface LinkJson {
  '_media-type': string;
  _href: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isLinkJson(v: unknown): v is LinkJson {
  return isRecord(v) && typeof v['_media-type'] === 'string' && typeof v._href === 'string';
}

/** Joins the API prefix and a resource path: `apiHref(EZP3.prefix, '/user/users/14')`. */
export function apiHref(prefix: string, path: string): string {
  return `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** The names a URI template asks for: `{sessionId}` and `{?remoteId}` give `sessionId`, `remoteId`. */
export function hrefTemplateKeys(template: string): string[] {
  return [...template.matchAll(/\{\??([A-Za-z]+)\}/g)].map((m) => m[1] ?? '');
}

/**
 * Fills a URI template of the Root resource: `{name}` is a path segment, `{?name}` a query
 * parameter (RFC 6570 form-style); a value not given leaves a path segment as it is and drops
 * the query part.
 */
export function expandHrefTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\??)([A-Za-z]+)\}/g, (whole, query: string, key: string) => {
    const v = values[key];
    if (query === '?') return v === undefined ? '' : `?${key}=${encodeURIComponent(v)}`;
    return v === undefined ? whole : encodeURIComponent(v);
  });
}

export const isHrefTemplate = (href: string): boolean => /\{\??[A-Za-z]+\}/.test(href);

/** The trailing numeric id of an href (`…/user/users/14` -> 14), or null. */
export function idFromHref(href: string): number | null {
  const m = /\/(\d+)\/?$/.exec(href);
  return m?.[1] === undefined ? null : Number(m[1]);
}
