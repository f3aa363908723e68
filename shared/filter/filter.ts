/**
 * The request list's filter, Chrome-style: free text (a substring of the URL, and of bodies once
 * they are loaded), `key:value` terms `method:`, `status:` (`401`, `4xx`), `type:` (the eZ resource
 * type), `auth:` (`session`, `basic`, `bearer`, `none`, `csrf-missing`), comma lists for
 * alternatives (`method:PUT,PATCH`), `-` in front to negate, quotes for spaces. All terms must hold.
 * An unknown key is free text, as in Chrome.
 */
import type { CapturedEntry } from '../capture/entry';

export type FilterKey = 'method' | 'status' | 'type' | 'auth';
export type Term =
  { kind: 'text'; negate: boolean; text: string } | { kind: 'key'; negate: boolean; key: FilterKey; values: string[] };

export interface ParsedFilter {
  terms: Term[];
  /** what in the text was not understood, in words (shown under the box) */
  problems: string[];
}

const KEYS = new Set<string>(['method', 'status', 'type', 'auth']);
const AUTH = new Set(['session', 'basic', 'bearer', 'none', 'csrf-missing']);

/** Splits on whitespace, keeping `"quoted text"` and `key:"quoted value"` together. */
function tokens(input: string): string[] {
  const out: string[] = [];
  const re = /(-?[A-Za-z]+:"[^"]*"?|-?"[^"]*"?|\S+)/g;
  for (const m of input.matchAll(re)) out.push(m[0]);
  return out;
}

const unquote = (s: string): string => s.replace(/^"|"$/g, '');

export function parseFilter(input: string): ParsedFilter {
  const terms: Term[] = [];
  const problems: string[] = [];
  for (const raw of tokens(input)) {
    const negate = raw.startsWith('-') && raw.length > 1;
    const body = negate ? raw.slice(1) : raw;
    const colon = body.indexOf(':');
    const key = colon > 0 ? body.slice(0, colon).toLowerCase() : '';
    if (colon > 0 && KEYS.has(key)) {
      const values = unquote(body.slice(colon + 1))
        .split(',')
        .map((v) => v.trim().toLowerCase())
        .filter((v) => v !== '');
      if (values.length === 0) {
        problems.push(`"${raw}" has no value after the colon`);
        continue;
      }
      if (key === 'status') {
        const bad = values.filter((v) => !/^[1-5](\d\d|xx)$/.test(v));
        if (bad.length) problems.push(`status:${bad.join(',')} is not a status like 401 or 4xx`);
      }
      if (key === 'auth') {
        const bad = values.filter((v) => !AUTH.has(v));
        if (bad.length) problems.push(`auth:${bad.join(',')} is none of ${[...AUTH].join(', ')}`);
      }
      terms.push({ kind: 'key', negate, key: key as FilterKey, values });
    } else {
      const text = unquote(body).toLowerCase();
      if (text !== '') terms.push({ kind: 'text', negate, text });
    }
  }
  return { terms, problems };
}

function statusMatches(status: number, value: string): boolean {
  if (/^\dxx$/.test(value)) return Math.floor(status / 100) === Number(value[0]);
  return status === Number(value);
}

function keyMatches(e: CapturedEntry, key: FilterKey, value: string): boolean {
  switch (key) {
    case 'method':
      return e.view.method.toLowerCase() === value || e.method.toLowerCase() === value;
    case 'status':
      return statusMatches(e.status, value);
    case 'type':
      return (e.view.resource ?? '').toLowerCase() === value;
    case 'auth':
      return value === 'csrf-missing' ? e.view.badge.csrf === 'missing' : e.view.badge.kind === value;
  }
}

/** Does the entry pass every term? `bodyText` is the entry's loaded body, lower-cased, if any. */
export function matchesFilter(e: CapturedEntry, f: ParsedFilter, bodyText?: string | null): boolean {
  for (const t of f.terms) {
    const hit =
      t.kind === 'text'
        ? e.view.search.includes(t.text) || (bodyText != null && bodyText.includes(t.text))
        : t.values.some((v) => keyMatches(e, t.key, v));
    if (hit === t.negate) return false;
  }
  return true;
}
