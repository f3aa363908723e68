/**
 * A request as a command to paste: cURL (bash), fetch (JavaScript), HTTPie. Written by hand: the
 * snippet libraries need Node polyfills or ship every language, and none redacts. The caller
 * passes an already redacted request (redact.ts) unless the user asked for secrets.
 * Every value is quoted for its language: a header or body holding quotes, `$(...)`, backticks,
 * newlines or control characters is pasted as data, never run.
 */
import type { PlainRequest } from './request';

export type SnippetFormat = 'curl' | 'fetch' | 'httpie';
export const SNIPPET_FORMATS: readonly SnippetFormat[] = ['curl', 'fetch', 'httpie'];

/** bash: single quotes hold anything but a single quote and NUL; control characters go $'…'. */
export function shellQuote(s: string): string {
  // NUL cannot be in a shell word at all, so it is dropped, not quoted.
  const v = s.replace(/\0/g, '');
  if (/[\x01-\x1f\x7f]/.test(v)) {
    const esc = v
      .replace(/[\\']/g, (c) => `\\${c}`)
      .replace(/[\x01-\x1f\x7f]/g, (c) => {
        const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
        return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
      });
    return `$'${esc}'`;
  }
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(v)) return v;
  return `'${v.replace(/'/g, `'\\''`)}'`;
}

/**
 * Headers curl/HTTPie compute themselves (sending them as captured would be wrong or break), and
 * the browser's fetch metadata (`Sec-Fetch-*`, `sec-ch-ua*`): a command line is not a browser.
 */
const COMPUTED = new Set(['content-length', 'host', 'connection', 'accept-encoding', 'transfer-encoding']);
const sendable = (r: PlainRequest) =>
  r.headers.filter((h) => !COMPUTED.has(h.name.toLowerCase()) && !h.name.startsWith(':') && !/^sec-/i.test(h.name));
const hasBody = (r: PlainRequest): boolean =>
  r.body !== null && r.body !== '' && !['GET', 'HEAD'].includes(r.method.toUpperCase());

/** One line for the command, method and URL; one continued line per header and for the body. */
export function toCurl(r: PlainRequest): string {
  const m = r.method.toUpperCase();
  const head = ['curl'];
  if (m === 'HEAD') head.push('--head');
  else if (m !== 'GET' || hasBody(r)) head.push('-X', shellQuote(m));
  head.push(shellQuote(r.url));
  const lines = [head.join(' ')];
  for (const h of sendable(r)) lines.push(`-H ${shellQuote(`${h.name}: ${h.value}`)}`);
  if (hasBody(r)) lines.push(`--data-raw ${shellQuote(r.body ?? '')}`);
  return lines.join(' \\\n  ');
}

export function toHttpie(r: PlainRequest): string {
  const lines = [`http --ignore-stdin ${shellQuote(r.method.toUpperCase())} ${shellQuote(r.url)}`];
  // `Name:value`; an empty value is `Name;` in HTTPie's syntax.
  for (const h of sendable(r)) lines.push(shellQuote(h.value === '' ? `${h.name};` : `${h.name}:${h.value}`));
  if (hasBody(r)) lines.push(`--raw ${shellQuote(r.body ?? '')}`);
  return lines.join(' \\\n  ');
}

/** fetch cannot set Cookie: the snippet says so and sends the browser's cookies instead. */
export function toFetch(r: PlainRequest): string {
  const headers = sendable(r).filter((h) => h.name.toLowerCase() !== 'cookie');
  const cookie = r.headers.find((h) => h.name.toLowerCase() === 'cookie');
  const lines: string[] = [];
  if (cookie !== undefined)
    lines.push(
      `// fetch cannot set Cookie (it sent: ${JSON.stringify(cookie.value)}); run it on the API's origin with credentials: 'include'.`,
    );
  const init: string[] = [`  method: ${JSON.stringify(r.method.toUpperCase())},`];
  if (headers.length > 0) {
    init.push('  headers: {');
    for (const h of headers) init.push(`    ${JSON.stringify(h.name)}: ${JSON.stringify(h.value)},`);
    init.push('  },');
  }
  if (hasBody(r)) init.push(`  body: ${JSON.stringify(r.body)},`);
  if (cookie !== undefined) init.push(`  credentials: 'include',`);
  lines.push(`await fetch(${JSON.stringify(r.url)}, {`, ...init, '});');
  return lines
    .join('\n')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function snippet(format: SnippetFormat, r: PlainRequest): string {
  return format === 'curl' ? toCurl(r) : format === 'fetch' ? toFetch(r) : toHttpie(r);
}
