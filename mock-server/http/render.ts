/**
 * Renders a resource tree the way eZ's output generators do (ezsystems/ezplatform-rest 1.3 `src/lib/Output/Generator/Json.php`, `Xml.php`): JSON with `_media-type` first,
 * attributes as `_name` keys and `/` escaped as `\/` (PHP json_encode); XML through
 * fast-xml-parser's builder, the declaration plus a newline, no indentation, attributes for
 * media-type/href/id, self-closing empty elements.
 */
import { XMLBuilder } from 'fast-xml-parser';
import type { Flavour } from '../../shared/ez/flavours';
import { mediaType, type Format } from '../../shared/ez/media-types';
import type { Node, Value } from '../core/types';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  // Escaping is done below, as libxml's XMLWriter does it: the builder's own escaping would also
  // turn every `'` into `&apos;`, which eZ never writes (`'read' 'content'` stays as it is).
  processEntities: false,
  format: false,
});

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\t': '&#9;' };
const escapeText = (v: string): string => v.replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
const escapeAttr = (v: string): string => v.replace(/[&<>"\r\n\t]/g, (c) => ATTR_ESCAPES[c] ?? c);

const isNode = (v: Value): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

function jsonValue(v: Value, f: Flavour): unknown {
  if (Array.isArray(v)) return (v as readonly Value[]).map((x) => jsonValue(x, f));
  return isNode(v) ? jsonNode(v, f) : v;
}

function jsonNode(n: Node, f: Flavour): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (n.media !== undefined) o['_media-type'] = mediaType(n.media, 'json', f.vendor);
  if (n.href !== undefined) o._href = f.prefix + n.href;
  if (n.attrs) for (const [k, v] of Object.entries(n.attrs)) o[`_${k}`] = v;
  if (n.children) for (const [k, v] of Object.entries(n.children)) o[k] = jsonValue(v, f);
  return o;
}

function xmlValue(v: Value, f: Flavour): unknown {
  if (Array.isArray(v)) return (v as readonly Value[]).map((x) => xmlValue(x, f));
  if (isNode(v)) return xmlNode(v, f);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return typeof v === 'string' ? escapeText(v) : v;
}

function xmlNode(n: Node, f: Flavour): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (n.media !== undefined) o['@_media-type'] = mediaType(n.media, 'xml', f.vendor);
  if (n.href !== undefined) o['@_href'] = escapeAttr(f.prefix + n.href);
  if (n.attrs) for (const [k, v] of Object.entries(n.attrs)) o[`@_${k}`] = escapeAttr(String(v));
  if (n.children) for (const [k, v] of Object.entries(n.children)) o[k] = xmlValue(v, f);
  return o;
}

/** One resource as the server's output generator writes it, links under the flavour's prefix. */
export function render(root: string, n: Node, format: Format, flavour: Flavour): string {
  if (format === 'json') return JSON.stringify({ [root]: jsonNode(n, flavour) }).replace(/\//g, '\\/');
  return XML_DECLARATION + (builder.build({ [root]: xmlNode(n, flavour) }) as string);
}
