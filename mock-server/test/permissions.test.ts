/** Repository reads and writes per user, from the clean-install data (cleandata.sql). */
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_COOKIE, API, basic, JSON_ACCEPT, login, pick, send, useServer, type LoggedIn } from './helpers';

const srv = useServer();
type Who = 'anonymous' | 'admin' | 'editor';
const sessions: Partial<Record<Who, LoggedIn>> = {};

beforeAll(async () => {
  sessions.admin = await login(srv.url, 'admin', 'publish');
  sessions.editor = await login(srv.url, 'editor', 'publish');
});

const headersFor = (who: Who, extra: Record<string, string> = {}): Record<string, string> => {
  const s = sessions[who as 'admin' | 'editor'];
  return s
    ? { Accept: JSON_ACCEPT, Cookie: s.cookie, 'X-CSRF-Token': s.token, ...extra }
    : { Accept: JSON_ACCEPT, ...extra };
};

interface Row {
  who: Who;
  path: string;
  status: number;
  root?: string;
  /** the response's media type name when it is not the root's (Content answered as ContentInfo) */
  type?: string;
  accept?: string;
  fields?: Record<string, unknown>;
  description?: string;
}

const reads: Row[] = [
  {
    who: 'anonymous',
    path: '/content/objects/1',
    status: 200,
    root: 'Content',
    // a plain JSON Accept gets the ContentInfo: no version embedded (Controller/Content::loadContent)
    type: 'ContentInfo',
    fields: { 'Content._id': 1, 'Content.Name': 'eZ Platform', 'Content.CurrentVersion.Version': undefined },
  },
  {
    who: 'anonymous',
    path: '/content/objects/1',
    accept: 'application/vnd.ez.api.Content+json',
    status: 200,
    root: 'Content',
    fields: {
      'Content.Name': 'eZ Platform',
      'Content.CurrentVersion.Version.VersionInfo.status': 'PUBLISHED',
      'Content.CurrentVersion.Version.Fields.field.0.fieldDefinitionIdentifier': 'name',
      'Content.CurrentVersion.Version.Fields.field.0.fieldValue': 'eZ Platform',
    },
  },
  {
    who: 'anonymous',
    path: '/content/objects/1',
    accept: 'application/vnd.ez.api.ContentInfo+json',
    status: 200,
    root: 'Content',
    type: 'ContentInfo',
    fields: { 'Content.CurrentVersion.Version': undefined },
  },
  {
    who: 'anonymous',
    path: '/content/locations/1/2',
    status: 200,
    root: 'Location',
    fields: { 'Location.id': 2, 'Location.pathString': '/1/2/' },
  },
  {
    who: 'anonymous',
    path: '/content/objects/41',
    status: 401,
    description: "The User does not have the 'read' 'content' permission with: contentId '41'",
  },
  {
    who: 'anonymous',
    path: '/content/locations/1/43',
    status: 401,
    description: "The User does not have the 'read' 'content' permission with: locationId '43'",
  },
  {
    who: 'anonymous',
    path: '/user/users/14',
    status: 401,
    description: "The User does not have the 'read' 'content' permission with: locationId '15'",
  },
  {
    who: 'anonymous',
    path: '/user/users/10',
    status: 200,
    root: 'User',
    fields: { 'User._id': 10, 'User.login': 'anonymous' },
  },
  { who: 'anonymous', path: '/user/users', status: 404, description: 'Could not find Users with the given filter' },
  {
    who: 'anonymous',
    path: '/user/users?login=admin',
    status: 404,
    description: 'Could not find Users with the given filter',
  },
  { who: 'anonymous', path: '/user/roles', status: 200, root: 'RoleList', fields: { 'RoleList.Role': [] } },
  {
    who: 'anonymous',
    path: '/content/sections',
    status: 200,
    root: 'SectionList',
    fields: { 'SectionList.Section': [] },
  },
  {
    who: 'anonymous',
    path: '/content/objects/999',
    status: 404,
    description: "Could not find 'Content' with identifier '999'",
  },
  {
    who: 'admin',
    path: '/content/objects/41',
    status: 200,
    root: 'Content',
    type: 'ContentInfo',
    fields: { 'Content.Name': 'Media' },
  },
  { who: 'admin', path: '/content/locations/1/43', status: 200, root: 'Location' },
  { who: 'admin', path: '/content/locations/1/2/43', status: 404 },
  {
    who: 'admin',
    path: '/user/users/14',
    status: 200,
    root: 'User',
    fields: {
      'User._href': `${API}/user/users/14`,
      'User.login': 'admin',
      'User.email': 'admin@link.invalid',
      'User.enabled': true,
      'User.MainLocation._href': `${API}/content/locations/1/5/13/15`,
    },
  },
  { who: 'admin', path: '/user/users', status: 404, description: 'Could not find Users with the given filter' },
  {
    who: 'admin',
    path: '/user/users?login=admin',
    status: 200,
    root: 'UserRefList',
    fields: {
      'UserRefList._href': `${API}/user/users`,
      'UserRefList.User': [{ '_media-type': 'application/vnd.ez.api.User+json', _href: `${API}/user/users/14` }],
    },
  },
  {
    who: 'admin',
    path: '/user/users?login=nobody',
    status: 404,
    description: "Could not find 'User' with identifier 'nobody'",
  },
  { who: 'admin', path: '/user/users?email=editor%40link.invalid', status: 200, root: 'UserRefList' },
  { who: 'admin', path: '/user/users?roleId=%2Fapi%2Fezp%2Fv2%2Fuser%2Froles%2F2', status: 200, root: 'UserRefList' },
  { who: 'admin', path: '/user/roles', status: 200, root: 'RoleList' },
  { who: 'admin', path: '/content/sections', status: 200, root: 'SectionList' },
  {
    who: 'admin',
    path: '/content/sections/3',
    status: 200,
    root: 'Section',
    fields: { 'Section.identifier': 'media' },
  },
  {
    who: 'anonymous',
    path: '/content/sections/3',
    status: 401,
    description: "The User does not have the 'view' 'section' permission with: sectionId '3'",
  },
  { who: 'admin', path: '/content/locations/1/2/children', status: 200, root: 'LocationList' },
  { who: 'editor', path: '/content/objects/41', status: 200, root: 'Content', type: 'ContentInfo' },
  { who: 'editor', path: '/user/users/14', status: 200, root: 'User' },
  { who: 'editor', path: '/user/roles', status: 200, root: 'RoleList' },
];

describe('reads', () => {
  it.each(reads)('$who GET $path -> $status', async (row) => {
    const extra: Record<string, string> = row.accept === undefined ? {} : { Accept: row.accept };
    const r = await send(srv.url, { path: API + row.path, headers: headersFor(row.who, extra) });
    expect(r.status).toBe(row.status);
    if (row.root) expect(r.headers.get('content-type')).toBe(`application/vnd.ez.api.${row.type ?? row.root}+json`);
    if (row.root) expect(Object.keys(r.json as object)).toEqual([row.root]);
    for (const [k, v] of Object.entries(row.fields ?? {})) expect(pick(r.json, k)).toEqual(v);
    if (row.description) expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(row.description);
  });

  it.each([
    [
      'anonymous',
      '/content/objects/1',
      200,
      '<Content media-type="application/vnd.ez.api.ContentInfo+xml" href="/api/ezp/v2/content/objects/1"',
    ],
    [
      'anonymous',
      '/content/locations/1/2',
      200,
      '<Location media-type="application/vnd.ez.api.Location+xml" href="/api/ezp/v2/content/locations/1/2">',
    ],
    [
      'anonymous',
      '/content/objects/41',
      401,
      "<errorDescription>The User does not have the 'read' 'content' permission with: contentId '41'</errorDescription>",
    ],
    [
      'anonymous',
      '/content/locations/1/43',
      401,
      "<errorDescription>The User does not have the 'read' 'content' permission with: locationId '43'</errorDescription>",
    ],
    [
      'admin',
      '/content/sections',
      200,
      '<SectionList media-type="application/vnd.ez.api.SectionList+xml" href="/api/ezp/v2/content/sections"><Section ',
    ],
    [
      'anonymous',
      '/user/roles',
      200,
      '<RoleList media-type="application/vnd.ez.api.RoleList+xml" href="/api/ezp/v2/user/roles"/>',
    ],
  ] as Array<[Who, string, number, string]>)('XML: %s GET %s -> %i', async (who, path, status, fragment) => {
    const r = await send(srv.url, { path: API + path, headers: headersFor(who, { Accept: 'application/xml' }) });
    expect(r.status).toBe(status);
    expect(r.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(r.text).toContain(fragment);
  });

  it('lists are filtered per user', async () => {
    const count = async (who: Who, path: string, key: string): Promise<number> =>
      ((pick((await send(srv.url, { path: API + path, headers: headersFor(who) })).json, key) as unknown[]) ?? [])
        .length;
    expect(await count('admin', '/user/roles', 'RoleList.Role')).toBe(3);
    expect(await count('anonymous', '/user/roles', 'RoleList.Role')).toBe(0);
    expect(await count('admin', '/content/sections', 'SectionList.Section')).toBe(3);
    // Home's children are all in the standard section: anonymous sees all three
    expect(await count('anonymous', '/content/locations/1/2/children', 'LocationList.Location')).toBe(3);
    // the Media tree is not: the 401 comes from loading the parent location
    expect(
      (await send(srv.url, { path: `${API}/content/locations/1/43/children`, headers: headersFor('anonymous') }))
        .status,
    ).toBe(401);
    expect(await count('admin', '/content/locations/1/43/children', 'LocationList.Location')).toBe(2);
    expect(await count('admin', '/content/trash', 'Trash.TrashItem')).toBe(1);
    expect(await count('editor', '/content/trash', 'Trash.TrashItem')).toBe(0);
  });

  it('the User resource in XML, with Accept-Patch', async () => {
    const r = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { ...headersFor('admin'), Accept: 'application/vnd.ez.api.User+xml' },
    });
    expect(r.headers.get('accept-patch')).toBe('application/vnd.ez.api.UserUpdate+xml');
    expect(r.text).toContain(
      '<User media-type="application/vnd.ez.api.User+xml" href="/api/ezp/v2/user/users/14" id="14" remoteId="1bb4fe25487f05527efa8bfd394cecc7">',
    );
    expect(r.text).toContain('<login>admin</login><email>admin@link.invalid</email><enabled>true</enabled>');
  });

  it('the User resource (RestUser visitor): fields in the visitor order, for admin and for anonymous loading himself', async () => {
    const order = [
      '_media-type',
      '_href',
      '_id',
      '_remoteId',
      'ContentType',
      'name',
      'Versions',
      'Section',
      'MainLocation',
      'Locations',
      'Groups',
      'Owner',
      'publishDate',
      'lastModificationDate',
      'mainLanguageCode',
      'alwaysAvailable',
      'Version',
      'login',
      'email',
      'enabled',
      'UserGroups',
      'Roles',
    ];
    for (const [who, id, loginName] of [
      ['admin', 14, 'admin'],
      ['anonymous', 10, 'anonymous'],
    ] as const) {
      const r = await send(srv.url, { path: `${API}/user/users/${id}`, headers: headersFor(who) });
      expect(r.status).toBe(200);
      expect(r.headers.get('accept-patch')).toBe('application/vnd.ez.api.UserUpdate+json');
      const u = pick(r.json, 'User') as Record<string, unknown>;
      expect(Object.keys(u)).toEqual(order);
      expect([u._id, u.login, u.enabled, u.alwaysAvailable]).toEqual([id, loginName, true, true]);
      expect(String(u.publishDate)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    }
  });

  it('the remoteId filter', async () => {
    const me = pick(
      (await send(srv.url, { path: `${API}/user/users/14`, headers: headersFor('admin') })).json,
      'User._remoteId',
    );
    const r = await send(srv.url, { path: `${API}/user/users?remoteId=${String(me)}`, headers: headersFor('admin') });
    expect(pick(r.json, 'UserRefList.User')).toEqual([
      { '_media-type': 'application/vnd.ez.api.User+json', _href: `${API}/user/users/14` },
    ]);
    const none = await send(srv.url, { path: `${API}/user/users?remoteId=nope`, headers: headersFor('admin') });
    expect(none.status).toBe(404);
  });

  it('UserList Accept embeds the users', async () => {
    const r = await send(srv.url, {
      path: `${API}/user/users?login=editor`,
      headers: headersFor('admin', { Accept: 'application/vnd.ez.api.UserList+json' }),
    });
    expect(pick(r.json, 'UserList.User.0.login')).toBe('editor');
  });

  it('HEAD /user/users verifies a filter', async () => {
    const hit = await send(srv.url, {
      method: 'HEAD',
      path: `${API}/user/users?login=admin`,
      headers: headersFor('admin'),
    });
    const miss = await send(srv.url, {
      method: 'HEAD',
      path: `${API}/user/users?login=zz`,
      headers: headersFor('admin'),
    });
    expect([hit.status, miss.status]).toEqual([200, 404]);
  });

  it('remoteId redirect', async () => {
    const r = await send(srv.url, {
      path: `${API}/content/objects?remoteId=9459d3c29e15006e45197295722c7ade`,
      headers: headersFor('anonymous'),
    });
    expect(r.status).toBe(307);
    expect(r.headers.get('location')).toBe(`${API}/content/objects/1`);
    const none = await send(srv.url, { path: `${API}/content/objects`, headers: headersFor('anonymous') });
    expect(pick(none.json, 'ErrorMessage.errorDescription')).toBe("'remoteId' parameter is required.");
  });
});

const contentCreate = (name: string): string =>
  JSON.stringify({
    ContentCreate: {
      ContentType: { _href: `${API}/content/types/1` },
      mainLanguageCode: 'eng-GB',
      LocationCreate: { ParentLocation: { _href: `${API}/content/locations/1/2` } },
      fields: { field: [{ fieldDefinitionIdentifier: 'name', languageCode: 'eng-GB', fieldValue: name }] },
    },
  });
const CREATE_TYPE = { 'Content-Type': 'application/vnd.ez.api.ContentCreate+json' };

describe('writes under a session need CSRF', () => {
  it('create content: 401 without token, 201 with it, readable, then deletable by admin only', async () => {
    const noToken = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: { Accept: JSON_ACCEPT, Cookie: sessions.editor?.cookie ?? '', ...CREATE_TYPE },
      body: contentCreate('x'),
    });
    expect(noToken.status).toBe(401);
    expect(pick(noToken.json, 'ErrorMessage.errorDescription')).toBe(
      `The User does not have the 'POST ${API}/content/objects' 'Missing or invalid CSRF token' permission`,
    );
    const created = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: headersFor('editor', CREATE_TYPE),
      body: contentCreate('Hello'),
    });
    expect(created.status).toBe(201);
    const id = Number(pick(created.json, 'Content._id'));
    expect(created.headers.get('location')).toBe(`${API}/content/objects/${id}`);
    const read = await send(srv.url, { path: `${API}/content/objects/${id}`, headers: headersFor('anonymous') });
    expect(pick(read.json, 'Content.Name')).toBe('Hello');
    const byEditor = await send(srv.url, {
      method: 'DELETE',
      path: `${API}/content/objects/${id}`,
      headers: headersFor('editor'),
    });
    expect(byEditor.status).toBe(401);
    expect(pick(byEditor.json, 'ErrorMessage.errorDescription')).toBe(
      `The User does not have the 'remove' 'content' permission with: contentId '${id}'`,
    );
    const byAdmin = await send(srv.url, {
      method: 'DELETE',
      path: `${API}/content/objects/${id}`,
      headers: headersFor('admin'),
    });
    expect(byAdmin.status).toBe(204);
    const gone = await send(srv.url, { path: `${API}/content/objects/${id}`, headers: headersFor('admin') });
    expect(gone.status).toBe(404);
  });

  it('CSRF is checked before the body is parsed: a malformed body without token is 401, not 400', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: { Accept: JSON_ACCEPT, Cookie: sessions.admin?.cookie ?? '', ...CREATE_TYPE },
      body: '{not json',
    });
    expect(r.status).toBe(401);
    const withToken = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: headersFor('admin', CREATE_TYPE),
      body: '{not json',
    });
    expect(withToken.status).toBe(400);
  });

  it('a request using the session is marked private', async () => {
    const r = await send(srv.url, { path: `${API}/user/users/14`, headers: headersFor('admin') });
    expect(r.headers.get('cache-control')).toBe('max-age=0, must-revalidate, private');
    const anon = await send(srv.url, { path: `${API}/content/objects/1`, headers: headersFor('anonymous') });
    expect(anon.headers.get('cache-control')).toBeNull();
  });

  it('create content in XML', async () => {
    const xml = `<ContentCreate><ContentType href="${API}/content/types/1"/><mainLanguageCode>eng-GB</mainLanguageCode><LocationCreate><ParentLocation href="${API}/content/locations/1/2"/></LocationCreate><fields><field><fieldDefinitionIdentifier>name</fieldDefinitionIdentifier><languageCode>eng-GB</languageCode><fieldValue>From XML</fieldValue></field></fields></ContentCreate>`;
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: headersFor('admin', {
        Accept: 'application/xml',
        'Content-Type': 'application/vnd.ez.api.ContentCreate+xml',
      }),
      body: xml,
    });
    expect(r.status).toBe(201);
    expect(r.text).toContain('<Name>From XML</Name>');
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.Content+xml');
  });

  it.each([
    [
      'anonymous',
      401,
      "The User does not have the 'create' 'content' permission with: parentLocationId '2', sectionId '1'",
    ],
    ['missing ContentType', 400, "Missing 'ContentType' element for ContentCreate."],
  ])('create content refused: %s', async (kind, status, description) => {
    const b =
      kind === 'anonymous' ? contentCreate('x') : JSON.stringify({ ContentCreate: { mainLanguageCode: 'eng-GB' } });
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/content/objects`,
      headers: headersFor(kind === 'anonymous' ? 'anonymous' : 'admin', CREATE_TYPE),
      body: b,
    });
    expect(r.status).toBe(status);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(description);
  });

  it('update a user email with PATCH (and the override form)', async () => {
    const headers = headersFor('admin', { 'Content-Type': 'application/vnd.ez.api.UserUpdate+json' });
    const r = await send(srv.url, {
      method: 'PATCH',
      path: `${API}/user/users/50`,
      headers,
      body: JSON.stringify({ UserUpdate: { email: 'eddie@example.com' } }),
    });
    expect(r.status).toBe(200);
    expect(pick(r.json, 'User.email')).toBe('eddie@example.com');
    const via = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/users/50`,
      headers: { ...headers, 'X-HTTP-Method-Override': 'PATCH' },
      body: JSON.stringify({ UserUpdate: { email: 'editor@link.invalid' } }),
    });
    expect(pick(via.json, 'User.email')).toBe('editor@link.invalid');
    const bad = await send(srv.url, {
      method: 'PATCH',
      path: `${API}/user/users/50`,
      headers,
      body: JSON.stringify({ UserUpdate: { email: 'nope' } }),
    });
    expect(bad.status).toBe(406);
    const anon = await send(srv.url, {
      method: 'PATCH',
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': 'application/vnd.ez.api.UserUpdate+json' },
      body: JSON.stringify({ UserUpdate: { email: 'a@b.cd' } }),
    });
    expect(anon.status).toBe(401);
  });

  it('anonymous DELETE of content 1 is a permission error, no CSRF needed', async () => {
    const r = await send(srv.url, {
      method: 'DELETE',
      path: `${API}/content/objects/1`,
      headers: headersFor('anonymous'),
    });
    expect(r.status).toBe(401);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(
      "The User does not have the 'remove' 'content' permission with: contentId '1'",
    );
  });
});

describe('SiteAccess admin', () => {
  it('anonymous requests fail with 500 (no user/login on admin)', async () => {
    const r = await send(srv.url, { path: `${API}/`, headers: { Accept: JSON_ACCEPT, 'X-Siteaccess': 'admin' } });
    expect(r.status).toBe(500);
  });

  it.each(['admin', 'editor'])('%s can log in on admin and use that session there only', async (user) => {
    const s = await login(srv.url, user, 'publish', { 'X-Siteaccess': 'admin' });
    expect(s.name).toBe(ADMIN_COOKIE);
    const there = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, 'X-Siteaccess': 'admin', Cookie: s.cookie },
    });
    expect(there.status).toBe(200);
    const site = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, Cookie: `eZSESSID98defd6ee70dfb1dea416cecdf391f58=${s.id}` },
    });
    expect(site.status).toBe(401);
  });

  it('Basic on admin works for admin', async () => {
    const r = await send(srv.url, {
      path: `${API}/user/users/14`,
      headers: { Accept: JSON_ACCEPT, 'X-Siteaccess': 'admin', Authorization: basic('admin', 'publish') },
    });
    expect(r.status).toBe(200);
  });
});
