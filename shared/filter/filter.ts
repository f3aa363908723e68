/**
 * The request list's filter, Chrome-style: free text (a substring of the URL, and of bodies once
 * they are loaded), `key:value` terms `method:`, `status:` (`401`, `4xx`), `type:` (the eZ resource
 * type), `auth:` (`session`, `basic`, `bearer`, `none`, `csrf-missing`), `is:` (`replay`, `imported`:
 * the panel's own entries, from a replay or a HAR file), comma lists for
 * alternatives (`method:PUT,PATCH`), `-` in front to negate, quotes for spaces. All terms must hold.
 * An unknown key is free text, as in Chrome.
 */
import type { CapturedEntry } from '../capture/entry';

export type FilterKey = 'method' | 'status' | 'type' | 'auth' | 'is';
export type Term =
  { kind: 'text'; negate: boolean; text: string } | { kind: 'key'; negate: boolean; key: FilterKey; values: string[] };

export interface ParsedFilter {
  terms: Term[];
  /** what in the text was not understood, in words (shown under the box) */
  problems: string[];
}

const KEYS = new Set<string>(['method', 'status', 'type', 'auth', 'is']);
const AUTH = new Set(['session', 'basic', 'bearer', 'none', 'csrf-missing']);
const IS = new Set(['replay', 'imported']);

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
      if (key === 'is') {
        const bad = values.filter((v) => !IS.has(v));
        if (bad.length) problems.push(`is:${bad.join(',')} is none of ${[...IS].join(', ')}`);
      }
      terms.push({ kind: 'key', negate, key: key as FilterKey, values });
    } else {
      const text = unquote(body).toLowerCase();
      if (text !== '') terms.push({ kind: 'text', negate, text });
    }
  }
  return { terms, problems };
}

type Test = (e: CapturedEntry, body: string | null | undefined) => boolean;

/** One term as a test, its values worked out once (not once per entry per keystroke). */
function termTest(t: Term): Test {
  if (t.kind === 'text') {
    const text = t.text;
    return (e, body) => e.view.search.includes(text) || (body != null && body.includes(text));
  }
  const values = t.values;
  switch (t.key) {
    case 'method': {
      const wanted = new Set(values.map((v) => v.toUpperCase()));
      return (e) => wanted.has(e.view.method) || wanted.has(e.method);
    }
    case 'status': {
      const exact = new Set(values.filter((v) => /^\d+$/.test(v)).map(Number));
      const classes = new Set(values.filter((v) => /^\dxx$/.test(v)).map((v) => Number(v[0])));
      return (e) => exact.has(e.status) || classes.has(Math.floor(e.status / 100));
    }
    case 'type': {
      const wanted = new Set(values);
      // Few distinct resource types: each is lower-cased once, not once per entry.
      const lower = new Map<string, string>();
      return (e) => {
        const r = e.view.resource ?? '';
        let l = lower.get(r);
        if (l === undefined) lower.set(r, (l = r.toLowerCase()));
        return wanted.has(l);
      };
    }
    case 'auth': {
      const csrf = values.includes('csrf-missing');
      const kinds = new Set(values.filter((v) => v !== 'csrf-missing'));
      return (e) => kinds.has(e.view.badge.kind) || (csrf && e.view.badge.csrf === 'missing');
    }
    case 'is': {
      const replay = values.includes('replay');
      const imported = values.includes('imported');
      return (e) => (replay && e.replayOf !== undefined) || (imported && e.sources.includes('import'));
    }
  }
}

/**
 * The filter as one predicate, compiled once per keystroke and run over every entry: `body` is
 * the entry's loaded body, lower-cased, if any.
 */
export function compileFilter(f: ParsedFilter): Test {
  const tests = f.terms.map((t) => termTest(t));
  const negates = f.terms.map((t) => t.negate);
  // The common cases without the loop: it runs 100,000 times per keystroke.
  if (tests.length === 0) return () => true;
  const [first] = tests;
  if (tests.length === 1 && first !== undefined) return negates[0] ? (e, body) => !first(e, body) : first;
  return (e, body) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(e, body) === negates[i]) return false;
    return true;
  };
}

/** Does the entry pass every term? (One-off use; lists use compileFilter.) */
export function matchesFilter(e: CapturedEntry, f: ParsedFilter, bodyText?: string | null): boolean {
  return compileFilter(f)(e, bodyText);
}
