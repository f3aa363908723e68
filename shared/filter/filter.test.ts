import { describe, expect, it } from 'vitest';
import { authCarried } from '../capture/auth';
import { withView, type CapturedEntry } from '../capture/entry';
import { matchesFilter, parseFilter } from './filter';

const SITE = 'eZSESSID98defd6ee70dfb1dea416cecdf391f58';
function entry(
  method: string,
  path: string,
  status: number,
  type: string | null,
  headers: Record<string, string> = {},
): CapturedEntry {
  const requestHeaders = Object.entries(headers).map(([name, value]) => ({ name, value }));
  return withView({
    id: path,
    sources: ['devtools'],
    workerId: null,
    page: 0,
    startedAt: 0,
    timeMs: 1,
    method,
    url: `http://127.0.0.1:8080/api/ezp/v2${path}`,
    status,
    statusText: '',
    error: null,
    kind: 'fetch',
    requestHeaders,
    responseHeaders: type ? [{ name: 'Content-Type', value: `application/vnd.ez.api.${type}+json` }] : [],
    requestBody: null,
    size: 10,
    mimeType: null,
    body: { where: 'devtools', key: 'k' },
    auth: authCarried(requestHeaders),
  });
}

const E = {
  root: entry('GET', '/', 200, 'Root'),
  user: entry('GET', '/user/users/14', 401, 'ErrorMessage'),
  login: entry('POST', '/user/sessions', 201, 'Session'),
  del: entry('DELETE', '/content/objects/60', 401, 'ErrorMessage', { Cookie: `${SITE}=x` }),
  delOk: entry('DELETE', '/content/objects/61', 204, null, { Cookie: `${SITE}=x`, 'X-CSRF-Token': 't' }),
  basic: entry('GET', '/content/objects/1', 200, 'ContentInfo', {
    Authorization: `Basic ${Buffer.from('admin:p').toString('base64')}`,
  }),
};
const replayed: CapturedEntry = {
  ...entry('GET', '/user/users/14?again', 200, 'User'),
  sources: ['replay'],
  replayOf: { entryId: '/user/users/14', identity: 'anonymous', from: 'worker' },
};
const imported: CapturedEntry = { ...entry('GET', '/content/sections', 200, 'SectionList'), sources: ['import'] };
const all = [...Object.values(E), replayed, imported];

describe('filter language', () => {
  const rows: Array<[string, CapturedEntry[]]> = [
    ['', all],
    ['users', [E.user, replayed]],
    ['USERS', [E.user, replayed]],
    ['-users', all.filter((e) => e !== E.user && e !== replayed)],
    ['method:delete', [E.del, E.delOk]],
    ['method:POST,DELETE', [E.login, E.del, E.delOk]],
    ['-method:GET', [E.login, E.del, E.delOk]],
    ['status:401', [E.user, E.del]],
    ['status:4xx', [E.user, E.del]],
    ['status:2xx', [E.root, E.login, E.delOk, E.basic, replayed, imported]],
    ['type:ErrorMessage', [E.user, E.del]],
    ['type:contentinfo', [E.basic]],
    ['auth:session', [E.del, E.delOk]],
    ['auth:basic', [E.basic]],
    ['auth:none', [E.root, E.user, E.login, replayed, imported]],
    ['auth:csrf-missing', [E.del]],
    ['auth:session -auth:csrf-missing', [E.delOk]],
    ['status:4xx objects', [E.del]],
    ['"content/objects/6"', [E.del, E.delOk]],
    ['nomatch:thing', []],
    ['is:replay', [replayed]],
    ['is:imported', [imported]],
    ['is:replay,imported', [replayed, imported]],
    ['-is:replay -is:imported', Object.values(E)],
    ['is:replay status:2xx users', [replayed]],
  ];
  it.each(rows)('%j', (text, expected) => {
    const f = parseFilter(text);
    expect(all.filter((e) => matchesFilter(e, f))).toEqual(expected);
  });

  it('free text also searches a loaded body', () => {
    const f = parseFilter('publish');
    expect(matchesFilter(E.root, f)).toBe(false);
    expect(matchesFilter(E.root, f, '{"password":"publish"}')).toBe(true);
  });

  it.each([
    ['status:abc', /not a status/],
    ['auth:magic', /is none of/],
    ['is:running', /is:running is none of replay, imported/],
    ['method:', /no value/],
  ])('says what it did not understand: %j', (text, problem) => {
    expect(parseFilter(text).problems.join(' ')).toMatch(problem);
  });
});
