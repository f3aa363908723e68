/**
 * Every link the mock writes resolves: a crawl from the Root, as admin and as anonymous, in JSON
 * and in XML. A link may answer 200, a redirect to a 200, the permission 401 for who may not read
 * it, or the 501 of an endpoint that is a stub upstream too; never 404, except where the real
 * server answers 404 for a link it writes itself (listed below, each with its reason).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { API, login, useServer } from './helpers';
import { crawl, type Visit } from './crawl';

const srv = useServer();
let admin: Record<string, string> = {};
beforeAll(async () => {
  const s = await login(srv.url, 'admin', 'publish');
  admin = { Cookie: s.cookie, 'X-CSRF-Token': s.token };
});

/**
 * The answers other than 200 the real server gives for links it writes itself, each with why. A GET
 * on the Root's action links (they name where to POST) is one of them: the crawler only GETs.
 */
const EXPECTED: ReadonlyArray<[status: number, path: RegExp, why: string]> = [
  [404, /\/user\/users$/, 'GET /user/users without a filter finds nobody (Controller/User::loadUsers)'],
  [404, /\/content\/types\/\d+\/draft$/, 'ContentType.Draft is always written; a published type has no draft'],
  [400, /\/content\/objects$/, "Root 'content' is where to POST a ContentCreate; a GET needs ?remoteId="],
  [405, /\/user\/sessions$/, "Root 'createSession' takes POST only"],
  [405, /\/user\/token\/jwt$/, "Root 'createToken' takes POST only"],
  [501, /\/views$/, "Root 'views' is where to POST a ViewInput; GET /views is a stub upstream"],
];

const PERMISSION_401 = /^The User does not have the '\w+' '\w+' permission/;

const problems = (visits: Visit[], anonymous: boolean): string[] =>
  visits
    .filter((v) => {
      if (v.status === 200) return false;
      if (EXPECTED.some(([status, re]) => status === v.status && re.test(v.path))) return false;
      return !(anonymous && v.status === 401 && PERMISSION_401.test(v.description ?? ''));
    })
    .map((v) => `${v.status} ${v.path} (linked from ${v.from}): ${v.description ?? ''}`);

describe.each(['json', 'xml'] as const)('crawl from the Root in %s', (format) => {
  it('as admin: every link answers, and the repository is big enough to browse (>= 150 resources)', async () => {
    const visits = await crawl(srv.url, API, format, admin);
    expect(problems(visits, false)).toEqual([]);
    expect(visits.filter((v) => v.status === 200).length).toBeGreaterThanOrEqual(150);
  });

  it('as anonymous: every link answers, or is the permission 401', async () => {
    const visits = await crawl(srv.url, API, format, {});
    expect(problems(visits, true)).toEqual([]);
    const denied = visits.filter((v) => v.status === 401);
    expect(denied.length).toBeGreaterThan(0);
    // the Home tree is public: its content answers 200 anonymously
    expect(visits.find((v) => v.path === `${API}/content/objects/54`)?.status).toBe(200);
  });
});
