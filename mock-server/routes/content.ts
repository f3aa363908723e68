/** Content items and locations (the kernel's ContentService / LocationService checks): reads with the section check, one create, one delete. */
import type { LocationFixture } from '../fixtures/content';
import { ANONYMOUS_USER_ID } from '../fixtures/users';
import { inputRecord, inputString } from '../http/input';
import { badRequest, errorMessage, link, node, noContent, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result } from '../core/types';
import { contentView, locationView } from './views';

const canRead = (ctx: Context, sectionId: number): boolean =>
  ctx.state.repo.can(ctx.caller.userId, 'content', 'read', { sectionId });

export function loadContent(ctx: Context): Result {
  const c = ctx.state.repo.content.get(Number(ctx.params.id));
  if (!c) return notFound('Content', ctx.params.id ?? '');
  if (!canRead(ctx, c.sectionId)) return unauthorized('read', 'content', { contentId: c.id });
  return resource(200, 'Content', contentView(ctx.state.repo, c));
}

/** `GET /content/objects?remoteId=…`: a 307 to the item. */
export function redirectContent(ctx: Context): Result {
  const remoteId = ctx.query.get('remoteId');
  if (remoteId === null) return badRequest("'remoteId' parameter is required.");
  const c = [...ctx.state.repo.content.values()].find((x) => x.remoteId === remoteId);
  if (!c) return notFound('Content', remoteId);
  if (!canRead(ctx, c.sectionId)) return unauthorized('read', 'content', { contentId: c.id });
  return { kind: 'empty', status: 307, location: `/content/objects/${c.id}` };
}

function findLocation(ctx: Context): LocationFixture | Result {
  const path = ctx.params.path ?? '';
  const l = ctx.state.repo.locationByPath(path);
  if (!l) return notFound('Location', path.split('/').pop() ?? path);
  const c = ctx.state.repo.content.get(l.contentId);
  // Location 1 is the tree's virtual root: it has no content to check.
  if (c && !canRead(ctx, c.sectionId)) return unauthorized('read', 'content', { locationId: l.id });
  return l;
}

export function loadLocation(ctx: Context): Result {
  const l = findLocation(ctx);
  if ('kind' in l) return l;
  return resource(200, 'Location', locationView(ctx.state.repo, l));
}

/** Children the caller may read (the search behind it filters by permission). */
export function loadLocationChildren(ctx: Context): Result {
  const l = findLocation(ctx);
  if ('kind' in l) return l;
  const { repo } = ctx.state;
  const visible = repo.children(l).filter((child) => {
    const c = repo.content.get(child.contentId);
    return c !== undefined && canRead(ctx, c.sectionId);
  });
  const path = l.pathString.replace(/^\/|\/$/g, '');
  return resource(
    200,
    'LocationList',
    node(
      'LocationList',
      { href: ctx.path },
      {
        Location: visible.map((child) => link('Location', `/content/locations/${path}/${child.id}`)),
      },
    ),
  );
}

function fieldValues(input: unknown): Record<string, unknown>[] | null {
  const fields = inputRecord(input, 'fields');
  const f = fields?.field;
  if (Array.isArray(f)) return f.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null);
  return typeof f === 'object' && f !== null ? [f as Record<string, unknown>] : null;
}

/** `POST /content/objects` with ContentCreate; the mock publishes at once (no draft step). */
export function createContent(ctx: Context): Result {
  const { input } = ctx;
  const type = inputRecord(input, 'ContentType');
  if (!type) return badRequest("Missing 'ContentType' element for ContentCreate.");
  const typeHref = inputString(type, '_href');
  if (typeHref === undefined) return badRequest("Missing '_href' attribute for ContentType element in ContentCreate.");
  if (inputString(input, 'mainLanguageCode') === undefined)
    return badRequest("Missing 'mainLanguageCode' element for ContentCreate.");
  const parentHref = inputString(inputRecord(inputRecord(input, 'LocationCreate'), 'ParentLocation'), '_href');
  if (parentHref === undefined) return badRequest("Missing or invalid 'LocationCreate' element for ContentCreate.");
  const fields = fieldValues(input);
  if (fields === null) return badRequest("Missing or invalid 'fields' element for ContentCreate.");
  const { repo, now } = ctx.state;
  const parentPath = parentHref.replace(/^.*\/content\/locations\//, '');
  const parent = repo.locationByPath(parentPath);
  if (!parent) return notFound('Location', parentPath.split('/').pop() ?? parentPath);
  const parentSection = repo.content.get(parent.contentId)?.sectionId ?? 1;
  const sectionHref = inputString(inputRecord(input, 'Section'), '_href');
  const sectionId = sectionHref === undefined ? parentSection : Number(sectionHref.split('/').pop());
  if (!repo.can(ctx.caller.userId, 'content', 'create', { sectionId })) {
    return unauthorized('create', 'content', { parentLocationId: parent.id, sectionId });
  }
  const named =
    fields.find((f) => f.fieldDefinitionIdentifier === 'name' || f.fieldDefinitionIdentifier === 'title') ?? fields[0];
  const name = inputString(named, 'fieldValue') ?? 'New content';
  const typeId = Number(typeHref.split('/').pop()) || 1;
  const at = new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const c = repo.createContent(name, typeId, parent, sectionId, ctx.caller.userId, at);
  return resource(201, 'Content', contentView(repo, c), { location: `/content/objects/${c.id}` });
}

export function deleteContent(ctx: Context): Result {
  const { repo } = ctx.state;
  const c = repo.content.get(Number(ctx.params.id));
  if (!c) return notFound('Content', ctx.params.id ?? '');
  if (!repo.can(ctx.caller.userId, 'content', 'remove', { sectionId: c.sectionId })) {
    return unauthorized('remove', 'content', { contentId: c.id });
  }
  if (c.id === ANONYMOUS_USER_ID || c.id === ctx.caller.userId) {
    return errorMessage(403, `The mock server keeps content ${c.id}: it is the anonymous or the current user`);
  }
  repo.deleteContent(c.id);
  return noContent();
}
