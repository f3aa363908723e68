/**
 * The demo page: files of `public/` served as they are, same origin as the API. `/` is
 * index.html. Paths are decoded, then must resolve inside public/ (no traversal, no dotfiles).
 */
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plain } from '../core/results';
import type { Flavour } from '../../shared/ez/flavours';
import type { Result } from '../core/types';

export const PUBLIC_DIR = resolve(fileURLToPath(new URL('../public', import.meta.url)));

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The file for a URL path, or null when it may not or does not exist. */
function resolvePublic(urlPath: string, dir: string): string | null {
  const decoded = safeDecode(urlPath === '/' ? '/index.html' : urlPath);
  if (decoded === null || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.'))) return null;
  const file = resolve(join(dir, ...segments));
  return file.startsWith(dir + sep) ? file : null;
}

/** `{{name}}` placeholders of index.html: the page learns the server's flavour from its own HTML. */
function fillIn(html: Buffer, flavour: Flavour): Buffer {
  const values: Record<string, string> = {
    prefix: flavour.prefix,
    vendor: flavour.vendor,
    flavour: flavour.id,
    product: flavour.product,
  };
  return Buffer.from(html.toString('utf8').replace(/\{\{(\w+)\}\}/g, (whole, k: string) => values[k] ?? whole));
}

export async function serveStatic(
  method: string,
  urlPath: string,
  flavour: Flavour,
  dir: string = PUBLIC_DIR,
): Promise<Result> {
  if (method !== 'GET' && method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
  const file = resolvePublic(urlPath, dir);
  const type = file === null ? undefined : TYPES[extname(file).toLowerCase()];
  if (file === null || type === undefined) return plain(404, 'Not Found');
  try {
    const raw = await readFile(file);
    const body = extname(file) === '.html' ? fillIn(raw, flavour) : raw;
    return { kind: 'raw', status: 200, contentType: type, body, headers: { 'Cache-Control': 'no-cache' } };
  } catch {
    return plain(404, 'Not Found');
  }
}
