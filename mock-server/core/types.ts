/**
 * The vocabulary shared by routes, the pipeline and the writer: a resource tree that renders to
 * either JSON or XML, the Result a handler returns, and the Context it receives.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Flavour, FlavourId } from '../../shared/ez/flavours';
import type { Format } from '../../shared/ez/media-types';
import type { Repository } from '../fixtures/repository';
import type { SessionRecord, SessionStore } from '../auth/sessions';
import type { SiteAccess } from '../fixtures/siteaccesses';

export type Scalar = string | number | boolean;

/**
 * One resource object. `media` is the type name (`Session`) rendered as `_media-type` / the
 * `media-type` attribute; `''` renders an empty media type; undefined renders none. `attrs` become
 * `_name` keys in JSON and attributes in XML. Children keep their insertion order.
 */
export interface Node {
  readonly media?: string;
  /** the resource's own link, a path below the API prefix (rendered first after the media type) */
  readonly href?: string;
  readonly attrs?: Readonly<Record<string, Scalar>>;
  readonly children?: Readonly<Record<string, Value>>;
}
/** `null` renders as JSON null and as an empty XML element, as the generators write a PHP null. */
export type Value = Scalar | null | Node | readonly Node[] | readonly Scalar[];

export interface CookieOut {
  /** the full Set-Cookie value */
  readonly header: string;
}

interface ResultBase {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** a `Location` header: a path below the API prefix, written with the server's prefix */
  readonly location?: string;
  readonly cookies?: readonly string[];
}

/** A resource rendered per the request's format; `cacheKey` lets the writer reuse the bytes. */
export interface ResourceResult extends ResultBase {
  readonly kind: 'resource';
  readonly root: string;
  /** the response's media type name when it is not the root's (a Content answered as `ContentInfo`) */
  readonly mediaType?: string;
  /** the `Accept-Patch` media type name, written with the flavour's vendor and the response format */
  readonly acceptPatch?: string;
  /** a thunk lets a cached rendering skip building the tree at all */
  readonly node: Node | (() => Node);
  readonly cacheKey?: string;
}
/** No body (204, the empty 404 of the session routes, 409, the Basic challenge). */
export interface EmptyResult extends ResultBase {
  readonly kind: 'empty';
  readonly contentType?: string;
}
/** A fixed body in a fixed type (framework pages, the JWT failure JSON, static files). */
export interface RawResult extends ResultBase {
  readonly kind: 'raw';
  readonly contentType: string;
  readonly body: string | Buffer;
}
export type Result = ResourceResult | EmptyResult | RawResult;

/** Who the firewall let in. `userId` 10 is the anonymous user. */
export interface Caller {
  readonly via: 'session' | 'basic' | 'bearer';
  readonly userId: number;
}

/** The session side of a request: the cookie sent for this SiteAccess and what it refers to. */
export interface SessionSide {
  readonly cookieName: string;
  /** the cookie value sent, or null: "the session is started" iff this is not null (the condition of ezplatform-rest's CsrfListener) */
  readonly sentId: string | null;
  /** the live record the cookie refers to (null: none, unknown or expired) */
  record: SessionRecord | null;
}

export interface ServerState {
  /** which dialect the server speaks: prefix, vendor, session cookie names, version quirks */
  readonly flavour: Flavour;
  readonly store: SessionStore;
  readonly repo: Repository;
  readonly jwtSecret: Buffer;
  readonly now: () => number;
}

export interface Context {
  readonly method: string;
  /** path below the prefix, e.g. `/user/users/14` */
  readonly path: string;
  /** the full path without the query, prefix included (Symfony's pathInfo), for error texts */
  readonly pathInfo: string;
  readonly query: URLSearchParams;
  readonly params: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  readonly format: Format;
  readonly siteAccess: SiteAccess;
  readonly caller: Caller;
  readonly session: SessionSide;
  /** the parsed input body (the value under the root key), when the route reads one */
  readonly input: unknown;
  readonly state: ServerState;
}

export type Handler = (ctx: Context) => Result;

export interface RouteMethod {
  readonly handler: Handler;
  /** input media type names this method parses (`SessionInput`); absent: the body is not read */
  readonly inputs?: readonly string[];
}

export interface Route {
  readonly name: string;
  /** path below the prefix; `{name}` matches one segment, `{name*}` one or more digit segments */
  readonly pattern: string;
  readonly methods: Readonly<Record<string, RouteMethod>>;
  /** the flavours that have this route (all when absent): `/user/current` is Ibexa 4.3+ only */
  readonly flavours?: readonly FlavourId[];
  /** session routes do their own CSRF check (CsrfListener `isSessionRoute()`) and need the session firewall */
  readonly sessionRoute?: boolean;
}
