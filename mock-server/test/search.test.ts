/** `POST /views` (ViewInput 1.1): criteria, AND/OR/NOT, limit, offset, a sort clause, permissions, CSRF. */
import { beforeAll, describe, expect, it } from 'vitest';
import { API, JSON_ACCEPT, login, pick, send, useServer, type LoggedIn } from './helpers';

const srv = useServer();
let admin: LoggedIn;
beforeAll(async () => {
  admin = await login(srv.url, 'admin', 'publish');
});

const VIEW_INPUT = 'application/vnd.ez.api.ViewInput+json; version=1.1';
const view = (query: Record<string, unknown>, kind = 'ContentQuery') =>
  JSON.stringify({ ViewInput: { identifier: 'test', [kind]: query } });

async function search(query: Record<string, unknown>, who: 'anonymous' | 'admin' = 'anonymous', kind?: string) {
  const session: Record<string, string> = who === 'admin' ? { Cookie: admin.cookie, 'X-CSRF-Token': admin.token } : {};
  return send(srv.url, {
    method: 'POST',
    path: `${API}/views`,
    headers: { Accept: 'application/vnd.ez.api.View+json', 'Content-Type': VIEW_INPUT, ...session },
    body: view(query, kind),
  });
}

interface Hit {
  value: { Content?: { _id: number; Name: string }; Location?: { id: number } };
}
const ids = (json: unknown): number[] =>
  ((pick(json, 'View.Result.searchHits.searchHit') as Hit[] | undefined) ?? []).map(
    (h) => h.value.Content?._id ?? h.value.Location?.id ?? -1,
  );

describe('POST /views', () => {
  const rows: Array<[string, Record<string, unknown>, 'anonymous' | 'admin', number[]]> = [
    [
      'content type',
      { Filter: { ContentTypeIdentifierCriterion: 'article' }, SortClauses: { ContentId: 'ascending' } },
      'anonymous',
      [54, 56, 60, 62, 64],
    ],
    ['children of Getting started', { Filter: { ParentLocationIdCriterion: '53' } }, 'anonymous', [54, 56]],
    ['content ids, comma separated', { Filter: { ContentIdCriterion: '1,52,41' } }, 'anonymous', [1, 52]],
    [
      'content ids as admin (the Media folder is readable)',
      { Filter: { ContentIdCriterion: '1,52,41' } },
      'admin',
      [1, 41, 52],
    ],
    ['section identifier', { Filter: { SectionIdentifierCriterion: 'media' } }, 'admin', [41, 66, 68, 70, 72, 74]],
    [
      'section identifier, anonymous: filtered by read permission',
      { Filter: { SectionIdentifierCriterion: 'media' } },
      'anonymous',
      [],
    ],
    ['full text (substring, any case)', { Query: { FullTextCriterion: 'csrf' } }, 'anonymous', [56]],
    [
      'AND',
      { Filter: { AND: { ContentTypeIdentifierCriterion: 'article', ParentLocationIdCriterion: '59' } } },
      'anonymous',
      [60, 62],
    ],
    ['OR', { Filter: { OR: { ContentIdCriterion: ['54', '64'] } } }, 'anonymous', [54, 64]],
    [
      'NOT',
      { Filter: { AND: { ParentLocationIdCriterion: '53', NOT: { ContentIdCriterion: '54' } } } },
      'anonymous',
      [56],
    ],
    [
      'sort by name, descending',
      { Filter: { ParentLocationIdCriterion: '2' }, SortClauses: { ContentName: 'descending' } },
      'anonymous',
      [58, 52, 64],
    ],
    [
      'limit and offset',
      {
        Filter: { ContentTypeIdentifierCriterion: 'article' },
        SortClauses: { ContentId: 'ascending' },
        limit: 2,
        offset: 1,
      },
      'anonymous',
      [56, 60],
    ],
    [
      'users are content too',
      { Filter: { ContentTypeIdentifierCriterion: 'user' }, SortClauses: { ContentId: 'ascending' } },
      'admin',
      [10, 14, 50],
    ],
  ];
  it.each(rows)('%s', async (_label, query, who, expected) => {
    const r = await search(query, who);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.ez.api.View+json');
    const got = ids(r.json);
    // unsorted rows compare as sets; sorted ones in order
    if ('SortClauses' in query) expect(got).toEqual(expected);
    else expect([...got].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
    if (!('limit' in query)) expect(pick(r.json, 'View.Result.count')).toBe(expected.length);
  });

  it('the View: links, count before paging, each hit a Content with its current version', async () => {
    const r = await search({ Filter: { ContentTypeIdentifierCriterion: 'article' }, limit: 1 });
    const v = pick(r.json, 'View') as Record<string, unknown>;
    expect(v._href).toBe(`${API}/views/test`);
    expect(pick(v, 'Result._href')).toBe(`${API}/views/test/results`);
    // the trashed article (80) has no location in the tree: search does not find it
    expect(pick(v, 'Result.count')).toBe(5);
    expect(ids(r.json)).toHaveLength(1);
    expect(
      pick(
        v,
        'Result.searchHits.searchHit.0.value.Content.CurrentVersion.Version.Fields.field.0.fieldDefinitionIdentifier',
      ),
    ).toBe('title');
  });

  it('a LocationQuery answers Locations', async () => {
    const r = await search({ Filter: { ParentLocationIdCriterion: '59' } }, 'anonymous', 'LocationQuery');
    expect(r.status).toBe(200);
    expect(ids(r.json).sort()).toEqual([61, 63]);
  });

  it('in XML too', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><ViewInput><identifier>x</identifier><ContentQuery><Filter><ContentIdCriterion>54</ContentIdCriterion></Filter></ContentQuery></ViewInput>';
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/views`,
      headers: {
        Accept: 'application/vnd.ez.api.View+xml',
        'Content-Type': 'application/vnd.ez.api.ViewInput+xml; version=1.1',
      },
      body: xml,
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('<count>1</count>');
    expect(r.text).toContain('<Name>Welcome to the REST API</Name>');
  });

  const bad: Array<[string, string, number, string]> = [
    [
      'no identifier',
      JSON.stringify({ ViewInput: { ContentQuery: {} } }),
      400,
      'Missing <identifier> attribute for <ViewInput>.',
    ],
    [
      'no query',
      JSON.stringify({ ViewInput: { identifier: 'x' } }),
      400,
      'Missing <ContentQuery> or <LocationQuery> attribute for <ViewInput>.',
    ],
    [
      'unknown criterion',
      view({ Filter: { ColourCriterion: 'red' } }),
      400,
      'Invalid Criterion id <ColourCriterion> in <AND>',
    ],
    [
      'two NOT children',
      view({ Filter: { NOT: { ContentIdCriterion: '1', SectionIdCriterion: '1' } } }),
      400,
      'NOT element can only contain one subitem',
    ],
    [
      'bad sort direction',
      view({ SortClauses: { ContentName: 'up' } }),
      400,
      'Invalid direction format in the <ContentName> Sort Clause',
    ],
    [
      'unknown content type identifier',
      view({ Filter: { ContentTypeIdentifierCriterion: 'unicorn' } }),
      404,
      "Could not find 'ContentType' with identifier 'unicorn'",
    ],
  ];
  it.each(bad)('%s: the upstream status and sentence', async (_label, body, status, text) => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/views`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': VIEW_INPUT },
      body,
    });
    expect(r.status).toBe(status);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(text);
  });

  it('CSRF applies as for any POST: a session without its token gets the 401', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/views`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': VIEW_INPUT, Cookie: admin.cookie },
      body: view({ Filter: { ContentIdCriterion: '1' } }),
    });
    expect(r.status).toBe(401);
    expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(
      `The User does not have the 'POST ${API}/views' 'Missing or invalid CSRF token' permission`,
    );
  });
});
