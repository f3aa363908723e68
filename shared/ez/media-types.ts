/**
 * eZ REST v2 media types and the server's Accept / Content-Type rules.
 *
 * Pure functions, no Node imports: the mock server and the extension (browser build) both use
 * them, so the panel predicts the response format exactly as the server picks it.
 * Sources: ezsystems/ezplatform-rest 1.3 `src/lib/Server/View/AcceptHeaderVisitorDispatcher.php`
 * `dispatch()` with the patterns of `src/bundle/Resources/config/services.yml` l.57-63 (Accept),
 * `src/lib/Input/Dispatcher.php` `parse()` (Content-Type), `src/lib/Output/Generator.php`
 * `generateMediaTypeWithVendor()` (the response type). Ibexa 4.6 (ibexa/rest `services.yml`
 * l.2-8) has the same rules with `vnd\.ibexa\.api`.
 */
import { EZP3, type Vendor } from './flavours';

export type Format = 'json' | 'xml';

/** `application/<vendor>.<Name>+<fmt>`; the empty name stays empty (a Root link without a type). */
export function mediaType(name: string, format: Format, vendor: Vendor = EZP3.vendor): string {
  return name === '' ? '' : `application/${vendor}.${name}+${format}`;
}

const escapeDots = (vendor: Vendor): string => vendor.replace(/\./g, '\\.');

interface Patterns {
  json: RegExp[];
  xml: RegExp[];
}

// Checked in this order, JSON first: the JSON visitor is registered before the XML one.
const PATTERNS = new Map<Vendor, Patterns>();
function patternsFor(vendor: Vendor): Patterns {
  let p = PATTERNS.get(vendor);
  if (p === undefined) {
    const v = escapeDots(vendor);
    p = {
      json: [new RegExp(`^application/${v}\\.[A-Za-z]+\\+json$`), /^application\/json$/],
      xml: [new RegExp(`^application/${v}\\.[A-Za-z]+\\+xml$`), /^application\/xml$/, /^.*\/.*$/],
    };
    PATTERNS.set(vendor, p);
  }
  return p;
}

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
 * The response format the server picks for an Accept header, or null when nothing matches (no
 * Accept at all: the real server fails with "No view mapping found"). There is no 406: anything
 * of the shape `x/y` falls through to XML, so on Ibexa a `vnd.ez.api…+json` Accept gets XML.
 */
export function formatForAccept(accept: string | undefined, vendor: Vendor = EZP3.vendor): Format | null {
  const { json, xml } = patternsFor(vendor);
  for (const type of acceptTypes(accept)) {
    if (json.some((re) => re.test(type))) return 'json';
    if (xml.some((re) => re.test(type))) return 'xml';
  }
  return null;
}

/** What a request Content-Type means to the input dispatcher. */
export interface ContentTypeInfo {
  /** the media type without `+fmt` and parameters, e.g. `application/vnd.ez.api.SessionInput` */
  media: string;
  /** the part after `+`; `xml` when there is no `+` (the upstream default) */
  format: string;
  /** the `version=` parameter when sent */
  version: string | null;
  /** the type name after this vendor's prefix (`SessionInput`), or null for a foreign type */
  name: string | null;
}

export function parseContentType(contentType: string, vendor: Vendor = EZP3.vendor): ContentTypeInfo {
  const [main = '', ...params] = contentType.split(';');
  const plus = main.split('+');
  const media = (plus[0] ?? '').trim();
  const format = plus.length === 2 ? (plus[1] ?? '').trim() : 'xml';
  let version: string | null = null;
  for (const p of params) {
    const [k = '', v = ''] = p.split('=');
    if (k.trim() === 'version') version = v.trim();
  }
  const vendorPrefix = `application/${vendor}.`;
  const name = media.startsWith(vendorPrefix) ? media.slice(vendorPrefix.length) : null;
  return { media, format, version, name };
}

/** An eZ media type read off a response or a link, whichever vendor wrote it. */
export interface EzMediaType {
  vendor: Vendor;
  /** the resource type as written (`ContentInfo`); lower case when the source lowercased it */
  name: string;
  format: Format | null;
  version: string | null;
}

const EZ_TYPE = /^\s*application\/(vnd\.ez\.api|vnd\.ibexa\.api)\.([A-Za-z]+)(?:\+([A-Za-z]+))?\s*(;.*)?$/i;

/** `application/vnd.ibexa.api.Session+json; charset=utf-8` -> {vendor, name: 'Session', format: 'json'}; null if not eZ's. */
export function parseEzMediaType(value: string | null | undefined): EzMediaType | null {
  if (value === null || value === undefined) return null;
  const m = EZ_TYPE.exec(value);
  if (m === null) return null;
  const fmt = (m[3] ?? '').toLowerCase();
  const version = /;\s*version\s*=\s*([^;\s]+)/i.exec(m[4] ?? '')?.[1] ?? null;
  return {
    vendor: (m[1] ?? '').toLowerCase() as Vendor,
    name: m[2] ?? '',
    format: fmt === 'json' || fmt === 'xml' ? fmt : null,
    version,
  };
}
