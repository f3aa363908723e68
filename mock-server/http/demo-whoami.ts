/**
 * `GET /_demo/whoami`: a helper of the demo page, not part of any eZ API. eZ Platform 3.3 has no
 * route that says who a session cookie belongs to without knowing the session id (the cookie is
 * HttpOnly, so the page cannot read it, and the panel may have logged in): this answers from the
 * cookie the browser really sent, for the SiteAccess in `X-Siteaccess`, so the page's "Who am I?"
 * agrees with the panel whatever logged in. Ibexa 4.3+ pages use `GET /user/current` instead.
 */
import type { IncomingMessage } from 'node:http';
import { readCookie } from '../auth/cookies';
import { DEFAULT_SITE_ACCESS_NAME, siteAccessesFor } from '../fixtures/siteaccesses';
import type { RawResult, ServerState } from '../core/types';

export const WHOAMI_PATH = '/_demo/whoami';

export function demoWhoami(req: IncomingMessage, state: ServerState): RawResult {
  const header = req.headers['x-siteaccess'];
  const sa = siteAccessesFor(state.flavour).get(
    typeof header === 'string' && header !== '' ? header : DEFAULT_SITE_ACCESS_NAME,
  );
  const id = sa === undefined ? null : readCookie(req.headers.cookie, sa.cookieName);
  const rec = sa === undefined || id === null ? null : state.store.get(sa.name, id);
  const user = rec?.userId == null ? null : (state.repo.users.get(rec.userId) ?? null);
  const body = {
    siteAccess: sa?.name ?? null,
    session: id === null ? 'none' : rec === null ? 'unknown' : 'live',
    user: user === null ? null : { id: user.id, login: user.login, name: `${user.firstName} ${user.lastName}` },
  };
  return {
    kind: 'raw',
    status: 200,
    contentType: 'application/json',
    headers: { 'Cache-Control': 'no-store' },
    body: JSON.stringify(body),
  };
}
