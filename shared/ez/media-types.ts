/**
 * eZ REST v2 media types and the Accept / Content-Type rules of the reference (§2.2, §2.4).
 *
 * Pure functions, no Node imports: the mock server and the extension (browser build) both use
 * them, so the panel predicts the response format exactly as the server picks it.
 */

export const EZ_PREFIX = '/api/ezp/v2';
export const EZ_VENDOR = 'vnd.ez.api';

export type Format = 'json' | 'xml';

/** `application/vnd.ez.api.<Name>+<fmt>`; the empty name stays empty (a link without a type, §3). */
export function mediaType(name: string, format: Format): string {
  return name === '' ? '' : `application/${EZ_VENDOR}.${name}+${format}`;
}

// Checked in this order, JSON first (§2.2): the JSON visitor is registered before the XML one.
const JSON_PATTERNS = [/^application\/vnd\.ez\.api\.[A-Za-z]+\+json$/, /^application\/json$/];
const XML_PATTERNS = [/^application\/vnd\.ez\.api\.[A-Za-z]+\+xml$/, /^application\/xml$/, /^.*\/.*$/];

interface AcceptItem {
  type: string;
  q: number;
  index: number;
}

/** Splits an Accept header into its types, parameters dropped, in Symfony's quality order. */
export function acceptTypes(accept: string | undefined): string[] {
  if (accept === undefined || accept.trim() === '') return [];
  const items: AcceptItem[] = [];
  accept.split(',').forEach((part, index) => {
    const [rawType = '', ...params] = part.split(';');
    const type = rawType.trim();
    if (type === '') return;
    let q = 1;
    for (const p of params) {
      const [k = '', v = ''] = p.split('=');
      if (k.trim().toLowerCase() === 'q') {
        const n = Number(v.trim());
        q = Number.isFinite(n) ? n : 0;
      }
    }
    items.push({ type, q, index });
  });
  // Symfony's AcceptHeader sorts by quality, then keeps the written order for equal quality.
  items.sort((a, b) => b.q - a.q || a.index - b.index);
  return items.map((i) => i.type);
}

/**
 * The response format the server picks for an Accept header, or null when nothing matches
 * (no Accept at all: the real server fails with "No view mapping found", §2.2).
 * There is no 406: anything of the shape `x/y` falls through to XML.
 */
export function formatForAccept(accept: string | undefined): Format | null {
  for (const type of acceptTypes(accept)) {
    if (JSON_PATTERNS.some((re) => re.test(type))) return 'json';
    if (XML_PATTERNS.some((re) => re.test(type))) return 'xml';
  }
  return null;
}

/** What a request Content-Type means to the input dispatcher (§2.4). */
export interface ContentTypeInfo {
  /** the media type without `+fmt` and parameters, e.g. `application/vnd.ez.api.SessionInput` */
  media: string;
  /** the part after `+`; `xml` when there is no `+` (the upstream default) */
  format: string;
  /** the `version=` parameter when sent */
  version: string | null;
  /** the type name after the vendor prefix (`SessionInput`), or null for a foreign type */
  name: string | null;
}

export function parseContentType(contentType: string): ContentTypeInfo {
  const [main = '', ...params] = contentType.split(';');
  const plus = main.split('+');
  const media = (plus[0] ?? '').trim();
  const format = plus.length === 2 ? (plus[1] ?? '').trim() : 'xml';
  let version: string | null = null;
  for (const p of params) {
    const [k = '', v = ''] = p.split('=');
    if (k.trim() === 'version') version = v.trim();
  }
  const vendorPrefix = `application/${EZ_VENDOR}.`;
  const name = media.startsWith(vendorPrefix) ? media.slice(vendorPrefix.length) : null;
  return { media, format, version, name };
}
