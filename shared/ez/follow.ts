/**
 * Which links in an answer the panel may follow: an `_href` / `href` that resolves to the API's
 * own origin over http(s). A link elsewhere (another host, `javascript:`, `data:`) is shown as
 * text, never followed: the panel sends requests with the user's identity, only to the API.
 */
import { parseEzMediaType } from './media-types';

export interface FollowTarget {
  url: string;
  /** the Accept to send: the link's media type in the answer's format, or JSON by default */
  accept: string;
}

/**
 * `href` as written in the body, `mediaType` its sibling `_media-type` (may be absent),
 * `format` the answer's own format (a link in an XML answer is followed asking for XML).
 */
export function followTarget(
  href: string,
  mediaType: string | null,
  apiOrigin: string,
  format: 'json' | 'xml' = 'json',
): FollowTarget | null {
  let url: URL;
  try {
    url = new URL(href, apiOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.origin !== apiOrigin) return null;
  return { url: url.href, accept: acceptFor(mediaType, format) };
}

/** `application/vnd.ez.api.ContentInfo+xml` → the same type with `+json` when the answer was JSON. */
function acceptFor(mediaType: string | null, format: 'json' | 'xml'): string {
  const parsed = parseEzMediaType(mediaType);
  if (parsed === null) return format === 'xml' ? 'application/xml' : 'application/json';
  return `application/${parsed.vendor}.${parsed.name}+${format}`;
}

/** The format of an answer from its Content-Type: JSON unless it says XML. */
export const formatOfContentType = (contentType: string | null): 'json' | 'xml' =>
  /json/i.test(contentType ?? '') ? 'json' : /xml/i.test(contentType ?? '') ? 'xml' : 'json';
