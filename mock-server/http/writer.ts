/**
 * THE writer: turns a route Result into the HTTP response. Content types, Set-Cookie, the
 * session cache header and the rendered-bytes cache all live here and nowhere else.
 */
import type { ServerResponse } from 'node:http';
import { mediaType, type Format } from '../../shared/ez/media-types';
import type { Result } from '../routes/types';
import { render } from './render';

const MAX_CACHED = 2000;
/** cacheKey -> rendered bytes per format (two maps: no key string to build per request) */
const cache: Record<Format, Map<string, Buffer>> = { json: new Map(), xml: new Map() };

type Resource = Extract<Result, { kind: 'resource' }>;

function build(result: Resource, format: Format): Buffer {
  return Buffer.from(render(result.root, typeof result.node === 'function' ? result.node() : result.node, format));
}

function renderCached(result: Resource, format: Format): Buffer {
  if (result.cacheKey === undefined) return build(result, format);
  const byKey = cache[format];
  let body = byKey.get(result.cacheKey);
  if (body === undefined) {
    if (byKey.size >= MAX_CACHED) byKey.clear();
    body = build(result, format);
    byKey.set(result.cacheKey, body);
  }
  return body;
}

export interface WriteOptions {
  format: Format;
  /** the request used the session: Symfony marks such responses private (§5) */
  sessionUsed?: boolean;
  /** ask the client to close the connection (after 413 and other aborted bodies) */
  close?: boolean;
}

export function writeResult(res: ServerResponse, result: Result, opts: WriteOptions): void {
  const headers: Record<string, string | string[]> = {};
  let body: Buffer | string | undefined;
  if (result.kind === 'resource') {
    body = renderCached(result, opts.format);
    headers['Content-Type'] = mediaType(result.root, opts.format);
  } else if (result.kind === 'raw') {
    body = result.body;
    headers['Content-Type'] = result.contentType;
  } else if (result.contentType !== undefined) {
    headers['Content-Type'] = result.contentType;
  }
  if (result.headers) Object.assign(headers, result.headers);
  if (opts.sessionUsed) headers['Cache-Control'] = 'max-age=0, must-revalidate, private';
  if (result.cookies && result.cookies.length > 0) headers['Set-Cookie'] = [...result.cookies];
  if (opts.close) headers.Connection = 'close';
  if (result.status !== 204 && result.status !== 304) {
    headers['Content-Length'] = String(body === undefined ? 0 : Buffer.byteLength(body));
  }
  res.writeHead(result.status, headers);
  res.end(body);
}
