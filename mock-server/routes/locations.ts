/**
 * Locations (ezplatform-rest 1.3 `Controller/Location.php`, `URLAlias.php`): a location, its
 * children the caller may read, its URL aliases, and the remote-id / path redirects.
 */
import { badRequest, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import { locationListNode, locationNode } from '../trees/location';
import { locationPath } from '../trees/paths';
import { isResult, readableLocation, redirect } from './common';
import { aliasOf } from './aliases';

export function loadLocation(ctx: Context): Result {
  const l = readableLocation(ctx, ctx.params.path ?? '');
  if (isResult(l)) return l;
  return resource(200, 'Location', locationNode(ctx.state.repo, l), { acceptPatch: 'LocationUpdate' });
}

/** Children the caller may read (the search behind it filters by permission). */
export function loadLocationChildren(ctx: Context): Result {
  const l = readableLocation(ctx, ctx.params.path ?? '');
  if (isResult(l)) return l;
  const { repo } = ctx.state;
  const visible = repo.children(l).filter((child) => {
    const c = repo.content.get(child.contentId);
    return c !== undefined && repo.canRead(ctx.caller.userId, c);
  });
  return resource(200, 'LocationList', locationListNode(ctx.path, visible));
}

/** `GET /content/locations?remoteId=…` or `?locationPath=…`: a 307 to the location. */
export function redirectLocation(ctx: Context): Result {
  const { repo } = ctx.state;
  const remoteId = ctx.query.get('remoteId');
  const path = ctx.query.get('locationPath');
  const l =
    remoteId !== null
      ? [...repo.locations.values()].find((x) => x.remoteId === remoteId)
      : path !== null
        ? repo.locationByPath(path)
        : undefined;
  if (remoteId === null && path === null)
    return badRequest("At least one of 'remoteId' or 'locationPath' parameters is required.");
  if (l === undefined) return notFound('Location', remoteId ?? path ?? '');
  const c = repo.content.get(l.contentId);
  if (c && !repo.canRead(ctx.caller.userId, c)) return unauthorized('read', 'content', { locationId: l.id });
  return redirect(`/content/locations/${locationPath(l)}`);
}

export function loadLocationUrlAliases(ctx: Context): Result {
  const l = readableLocation(ctx, ctx.params.path ?? '');
  if (isResult(l)) return l;
  const alias = aliasOf(ctx, locationPath(l));
  return resource(200, 'UrlAliasRefList', {
    media: 'UrlAliasRefList',
    href: ctx.path,
    children: { UrlAlias: alias ? [{ media: 'UrlAlias', href: `/content/urlaliases/${alias.id}` }] : [] },
  });
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const LOCATION_ROUTES: readonly Route[] = [
  { name: 'locationRedirect', pattern: '/content/locations', methods: get(redirectLocation) },
  { name: 'locationChildren', pattern: '/content/locations/{path*}/children', methods: get(loadLocationChildren) },
  {
    name: 'locationUrlAliases',
    pattern: '/content/locations/{path*}/urlaliases',
    methods: get(loadLocationUrlAliases),
  },
  { name: 'location', pattern: '/content/locations/{path*}', methods: get(loadLocation) },
];
