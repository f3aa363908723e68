/** Root resource, Accept negotiation, SiteAccess, routing errors and OPTIONS (the request listener, the Root, the HttpException visitor). */
import { describe, expect, it } from 'vitest';
import { API, JSON_ACCEPT, pick, send, useServer } from './helpers';
import { inThisFlavour } from './flavour';
import type { FlavourId } from '../../shared/ez/flavours';

const srv = useServer();

// Every link of the Root, in config order (RootTest).
const ROOT_LINKS: Array<[string, string, string]> = [
  ['content', '', '/content/objects'],
  ['contentByRemoteId', '', '/content/objects{?remoteId}'],
  ['contentTypes', 'ContentTypeInfoList', '/content/types'],
  ['contentTypeByIdentifier', '', '/content/types{?identifier}'],
  ['contentTypeGroups', 'ContentTypeGroupList', '/content/typegroups'],
  ['contentTypeGroupByIdentifier', '', '/content/typegroups{?identifier}'],
  ['users', 'UserRefList', '/user/users'],
  ['usersByRoleId', 'UserRefList', '/user/users{?roleId}'],
  ['usersByRemoteId', 'UserRefList', '/user/users{?remoteId}'],
  ['usersByEmail', 'UserRefList', '/user/users{?email}'],
  ['usersByLogin', 'UserRefList', '/user/users{?login}'],
  ['roles', 'RoleList', '/user/roles'],
  ['rootLocation', 'Location', '/content/locations/1/2'],
  ['rootUserGroup', 'UserGroup', '/user/groups/1/5'],
  ['rootMediaFolder', 'Location', '/content/locations/1/43'],
  ['locationByRemoteId', '', '/content/locations{?remoteId}'],
  ['locationByPath', '', '/content/locations{?locationPath}'],
  ['trash', 'Trash', '/content/trash'],
  ['sections', 'SectionList', '/content/sections'],
  ['views', 'RefList', '/views'],
  ['objectStateGroups', 'ObjectStateGroupList', '/content/objectstategroups'],
  ['objectStates', 'ObjectStateList', '/content/objectstategroups/{objectStateGroupId}/objectstates'],
  ['globalUrlAliases', 'UrlAliasRefList', '/content/urlaliases'],
  ['urlWildcards', 'UrlWildcardList', '/content/urlwildcards'],
  ['createSession', 'UserSession', '/user/sessions'],
  ['refreshSession', 'UserSession', '/user/sessions/{sessionId}/refresh'],
  ['createToken', 'JWT', '/user/token/jwt'],
];

describe('root resource', () => {
  it.each(ROOT_LINKS)('JSON link %s', async (name, media, path) => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: 'application/vnd.ez.api.Root+json' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Root+json');
    expect(pick(r.json, `Root.${name}`)).toEqual({
      '_media-type': media === '' ? '' : `application/vnd.ez.api.${media}+json`,
      _href: `${API}${path}`,
    });
  });

  it.each(ROOT_LINKS)('XML link %s', async (name, media, path) => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: 'application/vnd.ez.api.Root+xml' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Root+xml');
    const mt = media === '' ? '' : `application/vnd.ez.api.${media}+xml`;
    expect(r.text).toContain(`<${name} media-type="${mt}" href="${API}${path}"/>`);
  });

  it('JSON escapes slashes like json_encode and keeps _media-type first', async () => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: JSON_ACCEPT } });
    expect(r.text.startsWith('{"Root":{"_media-type":"application\\/vnd.ez.api.Root+json"')).toBe(true);
    expect(r.text).not.toMatch(/[^\\]\//);
  });

  it('XML starts with the declaration and a newline', async () => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: 'application/xml' } });
    expect(
      r.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Root media-type="application/vnd.ez.api.Root+xml">'),
    ).toBe(true);
  });

  it('lists exactly these links, in config order, in JSON and XML', async () => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: JSON_ACCEPT } });
    expect(Object.keys(pick(r.json, 'Root') as object)).toEqual(['_media-type', ...ROOT_LINKS.map(([n]) => n)]);
    const x = await send(srv.url, { path: `${API}/`, headers: { Accept: 'application/xml' } });
    expect([...x.text.matchAll(/<(\w+) media-type=/g)].map((m) => m[1]).slice(1)).toEqual(ROOT_LINKS.map(([n]) => n));
  });
});

describe('Accept negotiation', () => {
  const rows: Array<[string, string | undefined, number, string]> = [
    ['application/json', 'application/json', 200, 'application/vnd.ez.api.Root+json'],
    ['vendor JSON', 'application/vnd.ez.api.Root+json', 200, 'application/vnd.ez.api.Root+json'],
    ['another type name', 'application/vnd.ez.api.UserSession+json', 200, 'application/vnd.ez.api.Root+json'],
    [
      'parameters dropped',
      'application/vnd.ez.api.Root+json; version=1.1; charset=utf-8',
      200,
      'application/vnd.ez.api.Root+json',
    ],
    ['*/* falls to XML', '*/*', 200, 'application/vnd.ez.api.Root+xml'],
    ['text/html falls to XML', 'text/html', 200, 'application/vnd.ez.api.Root+xml'],
    ['application/xml', 'application/xml', 200, 'application/vnd.ez.api.Root+xml'],
    ['quality order', 'application/xml;q=0.5, application/json', 200, 'application/vnd.ez.api.Root+json'],
    ['written order on equal quality', 'text/html, application/json', 200, 'application/vnd.ez.api.Root+xml'],
    ['non-type tokens skipped', 'json, application/json', 200, 'application/vnd.ez.api.Root+json'],
    ['nothing usable: framework 500', 'json', 500, 'text/html; charset=UTF-8'],
  ];
  it.each(rows)('%s', async (_name, accept, status, type) => {
    const r = await send(srv.url, { path: `${API}/`, headers: accept === undefined ? {} : { Accept: accept } });
    expect(r.status).toBe(status);
    expect(r.headers.get('content-type')).toBe(type);
  });
});

describe('SiteAccess', () => {
  it.each([
    ['no header', {}, 200],
    ['site', { 'X-Siteaccess': 'site' }, 200],
    ['unknown', { 'X-Siteaccess': 'nope' }, 500],
  ] as Array<[string, Record<string, string>, number]>)('%s', async (_n, headers, status) => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: JSON_ACCEPT, ...headers } });
    expect(r.status).toBe(status);
    if (status === 500) {
      expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(
        'An error has occurred. Please try again later or contact your Administrator.',
      );
    }
  });
});

describe('routing errors and OPTIONS', () => {
  const rows: Array<{
    name: string;
    method: string;
    path: string;
    status: number;
    allow?: string;
    desc?: RegExp;
    headers?: Record<string, string>;
    onlyIn?: FlavourId;
  }> = [
    {
      name: 'unknown route',
      method: 'GET',
      path: '/nothing/here',
      status: 404,
      desc: /^No route found for "GET http:\/\/.*\/api\/ezp\/v2\/nothing\/here"$/,
    },
    // ibexa-flavour.test.ts has the other way round (nothing under /api/ezp/v2 on a 4.6)
    { name: 'other REST prefix', method: 'GET', path: '/../../ibexa/v2/', status: 404, onlyIn: 'ezp3' },
    {
      onlyIn: 'ezp3',
      name: 'current session is not an eZ route',
      method: 'GET',
      path: '/user/sessions/current',
      status: 405,
      desc: /Method Not Allowed \(Allow: DELETE\)/,
    },
    { name: 'wrong method', method: 'PUT', path: '/', status: 405, desc: /Allow: GET/ },
    { name: 'method known to Node, unknown here', method: 'PROPFIND', path: '/', status: 405 },
    {
      name: 'override to an unknown verb',
      method: 'POST',
      path: '/',
      status: 405,
      headers: { 'X-HTTP-Method-Override': 'SWAP' },
    },
    {
      name: 'override that is not a verb',
      method: 'POST',
      path: '/',
      status: 400,
      headers: { 'X-HTTP-Method-Override': 'GE T' },
    },
    { name: 'override to GET', method: 'POST', path: '/', status: 200, headers: { 'X-HTTP-Method-Override': 'GET' } },
    { name: 'OPTIONS /', method: 'OPTIONS', path: '/', status: 200, allow: 'GET' },
    { name: 'OPTIONS sessions', method: 'OPTIONS', path: '/user/sessions', status: 200, allow: 'POST' },
    { name: 'OPTIONS session', method: 'OPTIONS', path: '/user/sessions/sess_123', status: 200, allow: 'DELETE' },
    { name: 'OPTIONS refresh', method: 'OPTIONS', path: '/user/sessions/sess_123/refresh', status: 200, allow: 'POST' },
    { name: 'OPTIONS users', method: 'OPTIONS', path: '/user/users', status: 200, allow: 'HEAD,GET' },
    { name: 'OPTIONS user', method: 'OPTIONS', path: '/user/users/10', status: 200, allow: 'GET,PATCH,DELETE' },
    {
      name: 'OPTIONS current session (4.3+)',
      method: 'OPTIONS',
      path: '/user/sessions/current',
      status: 200,
      allow: 'GET',
      onlyIn: 'ibexa4',
    },
  ];
  it.each(inThisFlavour(rows))('$name', async ({ method, path, status, allow, desc, headers }) => {
    const r = await send(srv.url, { method, path: API + path, headers: { Accept: JSON_ACCEPT, ...headers } });
    expect(r.status).toBe(status);
    if (allow !== undefined) {
      expect(r.headers.get('allow')).toBe(allow);
      expect(r.headers.get('content-length')).toBe('0');
    } else if (status !== 200) {
      expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+json');
      expect(pick(r.json, 'ErrorMessage.errorCode')).toBe(status);
      if (desc) expect(String(pick(r.json, 'ErrorMessage.errorDescription'))).toMatch(desc);
    }
  });

  it('ErrorMessage in XML follows Accept', async () => {
    const r = await send(srv.url, {
      path: `${API}/nothing`,
      headers: { Accept: 'application/vnd.ez.api.ErrorMessage+xml' },
    });
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.ErrorMessage+xml');
    expect(r.text).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ErrorMessage media-type="application\/vnd.ez.api.ErrorMessage\+xml"><errorCode>404<\/errorCode><errorMessage>Not Found<\/errorMessage><errorDescription>No route found for/,
    );
  });

  it('HEAD answers like GET without a body', async () => {
    const r = await send(srv.url, { method: 'HEAD', path: `${API}/`, headers: { Accept: JSON_ACCEPT } });
    expect(r.status).toBe(200);
    expect(r.text).toBe('');
    expect(Number(r.headers.get('content-length'))).toBeGreaterThan(100);
  });
});
