import { describe, expect, it } from 'vitest';
import { followTarget, formatOfContentType } from './follow';

const API = 'http://127.0.0.1:8080';

describe('followTarget', () => {
  const rows: Array<[string, string, string | null, 'json' | 'xml', ReturnType<typeof followTarget>]> = [
    [
      'an API path',
      '/api/ezp/v2/content/objects/1',
      'application/vnd.ez.api.ContentInfo+json',
      'json',
      { url: `${API}/api/ezp/v2/content/objects/1`, accept: 'application/vnd.ez.api.ContentInfo+json' },
    ],
    [
      'an XML answer asks XML',
      '/api/ezp/v2/user/users/14',
      'application/vnd.ez.api.User+xml',
      'xml',
      { url: `${API}/api/ezp/v2/user/users/14`, accept: 'application/vnd.ez.api.User+xml' },
    ],
    [
      'an XML media type in a JSON answer asks JSON',
      '/api/ezp/v2/user/users/14',
      'application/vnd.ez.api.User+xml',
      'json',
      { url: `${API}/api/ezp/v2/user/users/14`, accept: 'application/vnd.ez.api.User+json' },
    ],
    [
      'Ibexa vendor kept',
      '/api/ibexa/v2/',
      'application/vnd.ibexa.api.Root+json',
      'json',
      { url: `${API}/api/ibexa/v2/`, accept: 'application/vnd.ibexa.api.Root+json' },
    ],
    ['no media type', '/api/ezp/v2/x', null, 'json', { url: `${API}/api/ezp/v2/x`, accept: 'application/json' }],
    [
      'absolute on the same origin',
      `${API}/api/ezp/v2/`,
      null,
      'xml',
      { url: `${API}/api/ezp/v2/`, accept: 'application/xml' },
    ],
    ['another host', 'http://evil.example/api/ezp/v2/', null, 'json', null],
    ['another port', 'http://127.0.0.1:9999/api/ezp/v2/', null, 'json', null],
    ['javascript:', 'javascript:alert(1)', null, 'json', null],
    ['data:', 'data:text/html,<b>x</b>', null, 'json', null],
    ['protocol-relative elsewhere', '//evil.example/x', null, 'json', null],
  ];
  for (const [name, href, media, format, want] of rows) {
    it(name, () => expect(followTarget(href, media, API, format)).toEqual(want));
  }
});

describe('formatOfContentType', () => {
  it.each([
    ['application/vnd.ez.api.Root+json', 'json'],
    ['application/vnd.ez.api.Root+xml', 'xml'],
    ['application/xml; charset=utf-8', 'xml'],
    ['text/html', 'json'],
    [null, 'json'],
  ] as const)('%s → %s', (ct, want) => expect(formatOfContentType(ct)).toBe(want));
});
