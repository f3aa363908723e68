/**
 * THE writer: turns a route Result into the HTTP response. Content types, Set-Cookie, the
 * session cache header and the rendered-bytes cache all live here and nowhere else.
 */
import type { ServerResponse } from 'node:http';
import { mediaType, type Format } from '../../shared/ez/media-types';
import type { Result } from '../routes/types';
import { render } from './render';

const MAX_CACHED = 2000;
const cache = new Map<string, Buffer>();

function renderCached(result: Extract<Result, { kind: 'resource' }>, format: Format): Buffer {
  const build = (): Buffer => Buffer.from(render(result.root, typeof result.node === 'function' ? result.node() : result.node, format));
  if (result.cacheKey === undefined) return build();
  const key = `${result.cacheKey}|${format}`;
  let body = cache.get(key);
  if (body === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    body = build();
    cache.set(key, body);
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
