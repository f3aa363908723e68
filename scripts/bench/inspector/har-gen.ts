/**
 * Realistic eZ HAR entries for the inspector bench: the mix a back-office page makes (content,
 * locations, users, searches, sessions), JSON bodies sized like the real ones, session cookies,
 * CSRF tokens on writes, some 401/404. Deterministic: entry i is always the same.
 */
import { EZP3 } from '../../../shared/ez/flavours';

const API = `http://127.0.0.1:8080${EZP3.prefix}`;
const COOKIE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=ddp6oq6ntfdflbmbdk9r91gqd1';

interface Kind {
  method: string;
  path: (i: number) => string;
  type: string;
  status: (i: number) => number;
  size: number;
}

const KINDS: Kind[] = [
  {
    method: 'GET',
    path: (i) => `/content/objects/${50 + (i % 900)}`,
    type: 'ContentInfo',
    status: () => 200,
    size: 2400,
  },
  {
    method: 'GET',
    path: (i) => `/content/locations/1/2/${60 + (i % 700)}/children?limit=25`,
    type: 'LocationList',
    status: () => 200,
    size: 5200,
  },
  { method: 'GET', path: () => '/user/users/14', type: 'User', status: (i) => (i % 13 === 0 ? 401 : 200), size: 3100 },
  { method: 'POST', path: () => '/views', type: 'View', status: () => 200, size: 9800 },
  { method: 'GET', path: (i) => `/content/types/${1 + (i % 40)}`, type: 'ContentType', status: () => 200, size: 4100 },
  {
    method: 'PATCH',
    path: (i) => `/content/objects/${50 + (i % 900)}`,
    type: 'ContentInfo',
    status: (i) => (i % 7 === 0 ? 401 : 200),
    size: 2400,
  },
  { method: 'GET', path: (i) => `/content/objects/${9000 + i}`, type: 'ErrorMessage', status: () => 404, size: 220 },
  { method: 'GET', path: () => '/', type: 'Root', status: () => 200, size: 3179 },
];

export function harEntry(i: number, startedAt = Date.UTC(2026, 11, 1)): Record<string, unknown> {
  const k = KINDS[i % KINDS.length] as Kind;
  const status = k.status(i);
  const type = status >= 400 ? 'ErrorMessage' : k.type;
  const headers = [
    { name: 'Accept', value: `application/vnd.ez.api.${k.type}+json` },
    { name: 'Cookie', value: COOKIE },
    { name: 'User-Agent', value: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0' },
    ...(k.method !== 'GET' && i % 5 !== 0 ? [{ name: 'X-CSRF-Token', value: 'a1b2c3d4e5f6' }] : []),
  ];
  return {
    startedDateTime: new Date(startedAt + i * 7).toISOString(),
    time: 4 + (i % 40),
    _resourceType: 'fetch',
    request: {
      method: k.method,
      url: `${API}${k.path(i)}`,
      httpVersion: 'HTTP/1.1',
      headers,
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: k.method === 'GET' ? 0 : 120,
      ...(k.method === 'GET'
        ? {}
        : {
            postData: {
              mimeType: 'application/vnd.ez.api.ViewInput+json',
              text: '{"ViewInput":{"identifier":"q","Query":{"Filter":{"ContentTypeIdentifierCriterion":"article"}}}}',
            },
          }),
    },
    response: {
      status,
      statusText: status === 200 ? 'OK' : status === 401 ? 'Unauthorized' : 'Not Found',
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'Content-Type', value: `application/vnd.ez.api.${type}+json` },
        { name: 'Content-Length', value: String(k.size) },
        { name: 'Cache-Control', value: 'private, no-cache' },
      ],
      cookies: [],
      content: { size: k.size, mimeType: `application/vnd.ez.api.${type.toLowerCase()}+json` },
      redirectURL: '',
      headersSize: -1,
      bodySize: k.size,
    },
    cache: {},
    timings: { send: 0, wait: 3, receive: 1 },
  };
}

/** A body for an entry, when the bench opens a row. */
export const harBody = (i: number): string =>
  JSON.stringify({
    ContentInfo: {
      '_media-type': 'application/vnd.ez.api.ContentInfo+json',
      _href: `${EZP3.prefix}/content/objects/${i}`,
      name: `Item ${i}`,
      fields: Array.from({ length: 20 }, (_, f) => ({ id: f, value: `v${f}` })),
    },
  });
