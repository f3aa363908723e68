/**
 * What the benchmark sends: one autocannon option set per scenario, all at the same connection
 * count. The login -> refresh -> logout cycle keeps its cookie, CSRF token and session href per
 * connection in autocannon's request context, as a real client keeps them per browser.
 */
import type autocannon from 'autocannon';
import { EZP3 } from '../../shared/ez/flavours';
import { mediaType } from '../../shared/ez/media-types';

export const CONNECTIONS = 50;
const API = EZP3.prefix;
const media = (name: string): string => mediaType(name, 'json', EZP3.vendor);

export const LOGIN_PATH = `${API}/user/sessions`;
export const LOGIN_HEADERS = { 'Content-Type': media('SessionInput'), Accept: media('Session') };
export const loginBody = (login: string, password: string): string =>
  JSON.stringify({ SessionInput: { login, password } });

export const ROOT_PATH = `${API}/`;
export const ROOT_HEADERS = { Accept: media('Root') };

export interface SessionFields {
  name: string;
  identifier: string;
  href: string;
  csrfToken: string;
}

/** The fields of a `{"Session":{…}}` body a client keeps, or null if the body is not one. */
export function readSession(body: unknown): SessionFields | null {
  if (typeof body !== 'object' || body === null || !('Session' in body)) return null;
  const s: unknown = body.Session;
  if (typeof s !== 'object' || s === null) return null;
  const f = s as Record<string, unknown>;
  const { name, identifier, _href: href, csrfToken } = f;
  if (
    typeof name !== 'string' ||
    typeof identifier !== 'string' ||
    typeof href !== 'string' ||
    typeof csrfToken !== 'string'
  ) {
    return null;
  }
  return { name, identifier, href, csrfToken };
}

/** The cookie a browser would send for this session (Session.name=Session.identifier, as ezplatform-rest's functional tests send it). */
export const sessionCookie = (s: SessionFields): string => `${s.name}=${s.identifier}`;

type Options = autocannon.Options;

export function anonymousRoot(url: string): Options {
  return { url: url + ROOT_PATH, connections: CONNECTIONS, headers: ROOT_HEADERS };
}

export function user14WithBasic(url: string): Options {
  const auth = `Basic ${Buffer.from('admin:publish', 'utf8').toString('base64')}`;
  return {
    url: `${url}${API}/user/users/14`,
    connections: CONNECTIONS,
    headers: { Accept: media('User'), Authorization: auth },
  };
}

export function user14WithCookie(url: string, cookie: string): Options {
  return {
    url: `${url}${API}/user/users/14`,
    connections: CONNECTIONS,
    headers: { Accept: media('User'), Cookie: cookie },
  };
}

/** An anonymous search (no cookie, so no CSRF token needed): the articles, newest first. */
export const SEARCH_BODY = JSON.stringify({
  ViewInput: {
    identifier: 'bench',
    ContentQuery: {
      Filter: { ContentTypeIdentifierCriterion: 'article' },
      limit: 10,
      SortClauses: { DatePublished: 'descending' },
    },
  },
});

export function searchViews(url: string): Options {
  return {
    url: `${url}${API}/views`,
    method: 'POST',
    connections: CONNECTIONS,
    headers: { Accept: media('View'), 'Content-Type': `${media('ViewInput')}; version=1.1` },
    body: SEARCH_BODY,
  };
}

/** What one connection remembers between the three requests of a cycle. */
interface CycleContext {
  session?: SessionFields;
}

function withSession(
  req: autocannon.Request,
  context: object,
  method: 'POST' | 'DELETE',
  suffix: string,
): autocannon.Request | null {
  const { session } = context as CycleContext;
  // Login failed: returning null makes autocannon restart the sequence at the login.
  if (!session) return null;
  return {
    ...req,
    method,
    path: session.href + suffix,
    headers: { Accept: media('Session'), Cookie: sessionCookie(session), 'X-CSRF-Token': session.csrfToken },
  };
}

export function loginRefreshLogout(url: string): Options {
  return {
    url,
    connections: CONNECTIONS,
    requests: [
      {
        method: 'POST',
        path: LOGIN_PATH,
        headers: LOGIN_HEADERS,
        body: loginBody('admin', 'publish'),
        onResponse: (status, body, context) => {
          const ctx = context as CycleContext;
          let parsed: unknown = null;
          try {
            parsed = status === 201 || status === 200 ? JSON.parse(body) : null;
          } catch {
            parsed = null;
          }
          const session = readSession(parsed);
          if (session) ctx.session = session;
          else delete ctx.session;
        },
      },
      { setupRequest: (req, context) => withSession(req, context, 'POST', '/refresh') as autocannon.Request },
      { setupRequest: (req, context) => withSession(req, context, 'DELETE', '') as autocannon.Request },
    ],
  };
}
