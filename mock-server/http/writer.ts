/**
 * THE writer: turns a route Result into the HTTP response. Content types, links and `Location`
 * under the flavour's prefix, Set-Cookie, the session cache header and the rendered-bytes cache
 * all live here and nowhere else.
 */
import type { ServerResponse } from 'node:http';
import type { Flavour } from '../../shared/ez/flavours';
import { mediaType, type Format } from '../../shared/ez/media-types';
import type { Result } from '../core/types';
import { render } from './render';

const MAX_CACHED = 2000;

type Resource = Extract<Result, { kind: 'resource' }>;

/**
 * Rendered bytes by cacheKey, per flavour and format: two servers of different flavours in one
 * process (the tests) must not share renderings, and a request builds no key string.
 */
const caches = new WeakMap<Flavour, Record<Format, Map<string, Buffer>>>();
function cacheFor(flavour: Flavour, format: Format): Map<string, Buffer> {
  let c = caches.get(flavour);
  if (c === undefined) {
    c = { json: new Map(), xml: new Map() };
    caches.set(flavour, c);
  }
  return c[format];
}

function build(result: Resource, format: Format, flavour: Flavour): Buffer {
  return Buffer.from(
    render(result.root, typeof result.node === 'function' ? result.node() : result.node, format, flavour),
  );
}

function renderCached(result: Resource, format: Format, flavour: Flavour): Buffer {
  if (result.cacheKey === undefined) return build(result, format, flavour);
  const byKey = cacheFor(flavour, format);
  let body = byKey.get(result.cacheKey);
  if (body === undefined) {
    if (byKey.size >= MAX_CACHED) byKey.clear();
    body = build(result, format, flavour);
    byKey.set(result.cacheKey, body);
  }
  return body;
}

export interface WriteOptions {
  format: Format;
  flavour: Flavour;
  /** the request used the session: Symfony marks such responses private */
  sessionUsed?: boolean;
  /** ask the client to close the connection (after 413 and other aborted bodies) */
  close?: boolean;
}

export function writeResult(res: ServerResponse, result: Result, opts: WriteOptions): void {
  const headers: Record<string, string | string[]> = {};
  let body: Buffer | string | undefined;
  if (result.kind === 'resource') {
    body = renderCached(result, opts.format, opts.flavour);
    headers['Content-Type'] = mediaType(result.mediaType ?? result.root, opts.format, opts.flavour.vendor);
    if (result.acceptPatch !== undefined)
      headers['Accept-Patch'] = mediaType(result.acceptPatch, opts.format, opts.flavour.vendor);
  } else if (result.kind === 'raw') {
    body = result.body;
    headers['Content-Type'] = result.contentType;
  } else if (result.contentType !== undefined) {
    headers['Content-Type'] = result.contentType;
  }
  if (result.headers) Object.assign(headers, result.headers);
  if (result.location !== undefined) headers.Location = opts.flavour.prefix + result.location;
  if (opts.sessionUsed) headers['Cache-Control'] = 'max-age=0, must-revalidate, private';
  if (result.cookies && result.cookies.length > 0) headers['Set-Cookie'] = [...result.cookies];
  if (opts.close) headers.Connection = 'close';
  if (result.status !== 204 && result.status !== 304) {
    headers['Content-Length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
  }
  res.writeHead(result.status, headers);
  res.end(body);
}
