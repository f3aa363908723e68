/**
 * Request bodies as the input dispatcher reads them (ezsystems/ezplatform-rest 1.3 `src/lib/Input/Dispatcher.php`): the Content-Type picks the format
 * (no `+`: XML) and the parser; the root key is ignored and its first value is the input.
 * XML goes through fast-xml-parser with entity processing off; any DOCTYPE or entity
 * declaration is refused before parsing, so nothing can be expanded or fetched.
 */
import { XMLParser } from 'fast-xml-parser';
import type { Vendor } from '../../shared/ez/flavours';
import { parseContentType } from '../../shared/ez/media-types';
import { badRequest } from '../core/results';
import { checkWellFormed, decodeBytes } from './xml-check';
import type { ResourceResult } from '../core/types';

export type InputOutcome = { ok: true; name: string; value: unknown } | { ok: false; result: ResourceResult };

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The five predefined entities and character references, decoded in one pass. They are part of
 * XML itself, not DTD entities: a password with `&` arrives as `&amp;`. Nothing else is expanded.
 */
export function decodeXmlText(v: string): string {
  if (!v.includes('&')) return v;
  return v.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

const parser = new XMLParser({
  tagValueProcessor: (_name: string, value: string) => decodeXmlText(value),
  attributeValueProcessor: (_name: string, value: string) => decodeXmlText(value),
  ignoreAttributes: false,
  attributeNamePrefix: '_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

const DTD = /<!DOCTYPE|<!ENTITY/i;

const fail = (description: string): InputOutcome => ({ ok: false, result: badRequest(description) });

function decodeJson(text: string): InputOutcome | { ok: true; doc: unknown } {
  try {
    return { ok: true, doc: JSON.parse(text) as unknown };
  } catch {
    return fail(`An error occured while decoding the JSON input:\nSyntax error\nInput JSON:\n\n${text}`);
  }
}

function decodeXml(raw: Buffer): InputOutcome | { ok: true; doc: unknown } {
  const text = decodeBytes(raw);
  const xmlError = (msg: string, line = 1, col = 1): InputOutcome =>
    fail(`Detected errors in input XML:\n - In line ${line} character ${col}: ${msg}\n\nIn XML: \n\n${text}`);
  if (DTD.test(text)) return xmlError('DOCTYPE and ENTITY declarations are not allowed');
  if (text.trim() === '') return xmlError('Document is empty');
  // Well-formed first, as libxml checks before anything reads the document.
  const problem = checkWellFormed(text);
  if (problem !== null) return xmlError(problem.message, problem.line, problem.column);
  try {
    return { ok: true, doc: parser.parse(text) as unknown };
  } catch (e) {
    return xmlError(e instanceof Error ? e.message : 'Malformed XML');
  }
}

/**
 * Parses a body for a route that accepts the input types `accepted` (e.g. ['SessionInput']).
 * Errors come in the dispatcher's order: Content-Type, format, decoding, then media type.
 */
export function parseInput(
  contentType: string | undefined,
  raw: Buffer,
  accepted: readonly string[],
  vendor: Vendor,
): InputOutcome {
  if (contentType === undefined || contentType.trim() === '') return fail('Missing Content-Type header in message.');
  const ct = parseContentType(contentType, vendor);
  if (ct.format !== 'json' && ct.format !== 'xml') return fail(`Unknown format specification: '${ct.format}'.`);
  const text = raw.toString('utf8');
  const decoded = ct.format === 'json' ? decodeJson(text) : decodeXml(raw);
  if (!('doc' in decoded)) return decoded;
  const version = ct.version ?? '1.0';
  if (ct.name === null || !accepted.includes(ct.name)) return fail(unknownContentType(vendor, ct.media, version));
  const doc = decoded.doc;
  // reset($rawArray): the first value, whatever the root is called.
  const value = typeof doc === 'object' && doc !== null ? Object.values(doc)[0] : undefined;
  return { ok: true, name: ct.name, value };
}

/**
 * The ParsingDispatcher's sentence for a media type it has no parser for. Ibexa 4 writes it in
 * lower case (ibexa/rest 4.6 `src/contracts/Input/ParsingDispatcher.php` l.108).
 */
export function unknownContentType(vendor: Vendor, media: string, version = '1.0'): string {
  const words =
    vendor === 'vnd.ibexa.api' ? 'Unknown content type specification' : 'Unknown Content Type specification';
  return `${words}: '${media} (version: ${version})'.`;
}

/** A string field of an input, the way PHP would cast it; undefined when absent. */
export function inputString(input: unknown, key: string): string | undefined {
  if (typeof input !== 'object' || input === null || !(key in input)) return undefined;
  const v = (input as Record<string, unknown>)[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)['#text'] === 'string') {
    return (v as Record<string, string>)['#text'];
  }
  return v === null ? '' : undefined;
}

export function inputRecord(input: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const v = (input as Record<string, unknown>)[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
