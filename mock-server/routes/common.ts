/** What several route files do: find a content item the caller may read, redirects, the Accept-chosen type. */
import type { ContentFixture, LocationFixture } from '../fixtures/content';
import { notFound, unauthorized } from '../core/results';
import type { Context, EmptyResult, Result } from '../core/types';

export const isResult = (v: unknown): v is Result => typeof v === 'object' && v !== null && 'kind' in v;

/** The content item with this id the caller may read, or the 404 / permission 401 the service throws. */
export function readableContent(ctx: Context, id: string | undefined): ContentFixture | Result {
  const c = ctx.state.repo.content.get(Number(id));
  if (c === undefined) return notFound('Content', id ?? '');
  if (!ctx.state.repo.canRead(ctx.caller.userId, c)) return unauthorized('read', 'content', { contentId: c.id });
  return c;
}

/** The location at `{locationPath}` the caller may read (location 1, the tree root, has no content). */
export function readableLocation(ctx: Context, path: string): LocationFixture | Result {
  const { repo } = ctx.state;
  const l = repo.locationByPath(path);
  if (l === undefined) return notFound('Location', path.split('/').pop() ?? path);
  const c = repo.content.get(l.contentId);
  if (c && !repo.canRead(ctx.caller.userId, c)) return unauthorized('read', 'content', { locationId: l.id });
  return l;
}

/** A 307 to a path below the prefix (TemporaryRedirect visitor). */
export const redirect = (path: string): EmptyResult => ({ kind: 'empty', status: 307, location: path });

/**
 * The controllers' `getMediaType()`: the first Accept type that has a `+format`, lower-cased,
 * without it (`application/vnd.ez.api.content`), then compared with one of this vendor's names.
 */
export function acceptsType(ctx: Context, name: string): boolean {
  const accept = String(ctx.headers.accept ?? '');
  for (const part of accept.split(',')) {
    const m = /^\s*([a-z0-9\-/.]+)\+/.exec(part.trim().toLowerCase());
    if (m) return m[1] === `application/${ctx.state.flavour.vendor}.${name.toLowerCase()}`;
  }
  return false;
}
