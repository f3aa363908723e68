/**
 * Status policy and error bodies, in one place (ezsystems/ezplatform-rest 1.3 `src/lib/Server/Output/ValueObjectVisitor/Exception.php`
 * and `src/bundle/Resources/config/value_object_visitors.yml` l.138-206): every handler and every pipeline step
 * builds its answer with these, so the statuses and the ErrorMessage texts cannot drift.
 */
import { reasonPhrase } from './status';
import type { EmptyResult, Node, RawResult, ResourceResult, Scalar, Value } from './types';

export const NON_VERBOSE_ERROR = 'An error has occurred. Please try again later or contact your Administrator.';
export const BASIC_REALM = 'eZ Publish REST API';
const SYMFONY_EMPTY_TYPE = 'text/html; charset=UTF-8';

/** A link to a resource: `path` is below the API prefix, which the writer adds for the server's flavour. */
export function link(media: string, path: string): Node {
  return { media, href: path };
}

/**
 * A resource object. An `href` attribute is the path below the API prefix (every eZ link is under
 * it): it moves to `Node.href`, which the writer renders with the prefix of the server's flavour.
 */
export function node(
  media: string | undefined,
  attrs: Record<string, Scalar>,
  children: Record<string, Value> = {},
): Node {
  const { href, ...rest } = attrs;
  const base: Node = href === undefined ? { attrs: rest, children } : { href: String(href), attrs: rest, children };
  return media === undefined ? base : { media, ...base };
}

export function resource(
  status: number,
  root: string,
  n: Node | (() => Node),
  extra: Partial<
    Pick<ResourceResult, 'headers' | 'cookies' | 'cacheKey' | 'location' | 'mediaType' | 'acceptPatch'>
  > = {},
): ResourceResult {
  return { kind: 'resource', status, root, node: n, ...extra };
}

/** An ErrorMessage (the Exception visitor's `visit()`); at 500 and above the description is the fixed non-verbose text. */
export function errorMessage(
  status: number,
  description: string,
  extra: Pick<ResourceResult, 'headers' | 'cookies'> = {},
): ResourceResult {
  return resource(
    status,
    'ErrorMessage',
    {
      media: 'ErrorMessage',
      children: {
        errorCode: status,
        errorMessage: reasonPhrase(status),
        errorDescription: status >= 500 ? NON_VERBOSE_ERROR : description,
      },
    },
    extra,
  );
}

/** The core UnauthorizedException text, 3.x wording (ezsystems/ezplatform-kernel 1.3 `eZ/Publish/Core/Base/Exceptions/UnauthorizedException.php`). */
export function unauthorized(
  fn: string,
  module: string,
  properties: Record<string, Scalar> = {},
  cookies?: readonly string[],
): ResourceResult {
  const props = Object.entries(properties).map(([k, v]) => `${k} '${String(v)}'`);
  const withPart = props.length > 0 ? ` with: ${props.join(', ')}` : '';
  const text = `The User does not have the '${fn}' '${module}' permission${withPart}`;
  return errorMessage(401, text, cookies === undefined ? {} : { cookies });
}

export const csrfFailure = (method: string, pathInfo: string): ResourceResult =>
  unauthorized(`${method} ${pathInfo}`, 'Missing or invalid CSRF token');

export const badRequest = (description: string): ResourceResult => errorMessage(400, description);

/** NotFoundException('Content', 99) -> "Could not find 'Content' with identifier '99'" */
export const notFound = (what: string, identifier: string | number): ResourceResult =>
  errorMessage(404, `Could not find '${what}' with identifier '${identifier}'`);

export const serverError = (): ResourceResult => errorMessage(500, NON_VERBOSE_ERROR);

/** Symfony's router wording (ezplatform-rest >= 1.2.4, commit adf06ea, turns it into a 404 ErrorMessage). */
export const noRoute = (method: string, absoluteUrl: string): ResourceResult =>
  errorMessage(404, `No route found for "${method} ${absoluteUrl}"`);

export const methodNotAllowed = (method: string, absoluteUrl: string, allow: readonly string[]): ResourceResult =>
  errorMessage(405, `No route found for "${method} ${absoluteUrl}": Method Not Allowed (Allow: ${allow.join(', ')})`, {
    headers: { Allow: allow.join(', ') },
  });

/** The empty 404 of refresh/delete (`SessionController` logout branch), with the clearing cookie. */
export const emptyNotFound = (cookies: readonly string[]): EmptyResult => ({
  kind: 'empty',
  status: 404,
  contentType: SYMFONY_EMPTY_TYPE,
  cookies,
});

/** UserConflictException: 409, empty body, Symfony's default content type (ValueObjectVisitor/Conflict.php). */
export const conflict = (): EmptyResult => ({ kind: 'empty', status: 409, contentType: SYMFONY_EMPTY_TYPE });

export const noContent = (cookies: readonly string[] = []): EmptyResult => ({ kind: 'empty', status: 204, cookies });

/** The stateless firewall's entry point (Symfony `BasicAuthenticationEntryPoint::start()`): 401, challenge, empty body, never a cookie. */
export const basicChallenge = (): EmptyResult => ({
  kind: 'empty',
  status: 401,
  contentType: SYMFONY_EMPTY_TYPE,
  headers: { 'WWW-Authenticate': `Basic realm="${BASIC_REALM}"` },
});

/** lexik's JWTAuthenticationFailureResponse. */
export const jwtFailure = (message: string): RawResult => ({
  kind: 'raw',
  status: 401,
  contentType: 'application/json',
  headers: { 'WWW-Authenticate': 'Bearer' },
  body: JSON.stringify({ code: 401, message }),
});

/** No Accept type matched any view (`AcceptHeaderVisitorDispatcher` throws "No view mapping found"): the framework's own 500 page. */
export const noViewMapping = (): RawResult => ({
  kind: 'raw',
  status: 500,
  contentType: SYMFONY_EMPTY_TYPE,
  body: '<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1><p>No view mapping found. Send an Accept header such as application/json.</p></body></html>\n',
});

export const plain = (status: number, text: string, headers: Record<string, string> = {}): RawResult => ({
  kind: 'raw',
  status,
  contentType: 'text/plain; charset=utf-8',
  headers,
  body: text.endsWith('\n') ? text : `${text}\n`,
});
