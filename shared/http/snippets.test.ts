import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellQuote, snippet, SNIPPET_FORMATS, toCurl } from './snippets';
import type { PlainRequest } from './request';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const login: PlainRequest = {
  method: 'POST',
  url: 'http://127.0.0.1:8080/api/ezp/v2/user/sessions',
  headers: [
    { name: 'Accept', value: 'application/vnd.ez.api.Session+json' },
    { name: 'Content-Type', value: 'application/vnd.ez.api.SessionInput+json' },
    { name: 'Content-Length', value: '52' },
  ],
  body: '{"SessionInput":{"login":"admin","password":"publish"}}',
};
const del: PlainRequest = {
  method: 'DELETE',
  url: 'http://127.0.0.1:8080/api/ezp/v2/content/objects/57',
  headers: [
    { name: 'Cookie', value: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=REDACTED' },
    { name: 'X-CSRF-Token', value: 'REDACTED' },
  ],
  body: null,
};
const hostile: PlainRequest = {
  method: 'PATCH',
  url: "http://127.0.0.1:8080/api/ezp/v2/x?q=it's $(rm -rf ~)",
  headers: [{ name: 'X-Evil', value: 'a\'b"c`whoami`$HOME\\n' }],
  body: "line1\nline2\t'quoted' $(touch /tmp/pwned) `id` \u0001",
};

describe('snippets (golden files; UPDATE_GOLDEN=1 rewrites them)', () => {
  for (const [name, req] of Object.entries({ login, del, hostile })) {
    for (const f of SNIPPET_FORMATS) {
      it(`${name} as ${f}`, () => {
        const file = new URL(`${name}.${f}.txt`, GOLDEN);
        const got = `${snippet(f, req)}\n`;
        if (UPDATE || !existsSync(file)) writeFileSync(file, got);
        expect(got).toBe(readFileSync(file, 'utf8'));
      });
    }
  }
});

describe('shell quoting', () => {
  /** What bash makes of a quoted word: printf prints it back exactly. */
  const roundTrip = (s: string): string =>
    execFileSync('bash', ['-c', `printf %s ${shellQuote(s)}`], { encoding: 'utf8' });
  it.each([
    ['plain', 'abc-1.2/x'],
    ['single quote', "it's"],
    ['double quotes and $', 'say "$HOME"'],
    ['command substitution', '$(touch /tmp/ez-pwned) `touch /tmp/ez-pwned2`'],
    ['newline and tab', 'a\nb\tc'],
    ['control characters', 'x\u0001y\u007fz'],
    ['backslashes', 'a\\b\\\\c'],
    ['empty', ''],
    ['unicode', 'łukasz → 東京'],
  ])('%s survives bash as data', (_n, s) => {
    expect(roundTrip(s)).toBe(s);
    expect(existsSync('/tmp/ez-pwned')).toBe(false);
  });
  it('NUL is dropped (no shell word can hold it)', () => expect(roundTrip('a\0b')).toBe('ab'));
});

describe('cURL specifics', () => {
  it('GET has no -X; HEAD uses --head; a body goes raw', () => {
    expect(toCurl({ method: 'GET', url: 'http://h/x', headers: [], body: null })).toBe('curl http://h/x');
    expect(toCurl({ method: 'HEAD', url: 'http://h/x', headers: [], body: null })).toContain('--head');
    expect(toCurl(login)).toContain(`--data-raw '{"SessionInput":{"login":"admin","password":"publish"}}'`);
    expect(toCurl(login)).not.toContain('Content-Length');
  });
});

describe('what a command line does not send', () => {
  it('drops the browser’s fetch metadata and the computed headers', () => {
    const s = toCurl({
      method: 'GET',
      url: 'http://h/x',
      headers: [
        { name: 'Sec-Fetch-Mode', value: 'cors' },
        { name: 'sec-ch-ua', value: '"Chromium"' },
        { name: 'Host', value: 'h' },
        { name: 'Accept', value: 'application/json' },
      ],
      body: null,
    });
    expect(s).toBe("curl http://h/x \\\n  -H 'Accept: application/json'");
  });
});
