/**
 * Content items (ezplatform-rest 1.3 `Controller/Content.php`): load (ContentInfo, or Content with
 * its current version when the Accept asks for `…Content+…`), versions, relations, locations and
 * object states of an item, the remote-id redirect, one create and one delete.
 */
import { OBJECT_STATE_GROUPS } from '../fixtures/site';
import { ANONYMOUS_USER_ID } from '../fixtures/users';
import { badRequest, errorMessage, noContent, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import {
  contentNode,
  relationListNode,
  relationNode,
  relationTargets,
  versionListNode,
  versionNode,
} from '../trees/content';
import { locationListNode } from '../trees/location';
import { contentObjectStatesNode } from '../trees/misc';
import { acceptsType, isResult, readableContent, redirect } from './common';
import { createContent } from './content-create';

export function loadContent(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  const full = acceptsType(ctx, 'Content');
  // The Content object is typed ContentInfo without its version; the root element stays Content.
  return resource(200, 'Content', contentNode(ctx.state.repo, c, full), {
    mediaType: full ? 'Content' : 'ContentInfo',
    acceptPatch: 'ContentUpdate',
  });
}

/** `GET /content/objects?remoteId=…`: a 307 to the item. */
export function redirectContent(ctx: Context): Result {
  const remoteId = ctx.query.get('remoteId');
  if (remoteId === null) return badRequest("'remoteId' parameter is required.");
  const c = [...ctx.state.repo.content.values()].find((x) => x.remoteId === remoteId);
  if (!c) return notFound('Content', remoteId);
  if (!ctx.state.repo.canRead(ctx.caller.userId, c)) return unauthorized('read', 'content', { contentId: c.id });
  return redirect(`/content/objects/${c.id}`);
}

export function loadVersions(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  return resource(200, 'VersionList', versionListNode(c, ctx.path));
}

export function loadVersion(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  const v = c.versions.find((x) => String(x.versionNo) === ctx.params.versionNo);
  if (!v) return notFound('Version', `${c.id}/${ctx.params.versionNo ?? ''}`);
  return resource(200, 'Version', versionNode(ctx.state.repo, c, v));
}

export function redirectCurrentVersion(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  return redirect(`/content/objects/${c.id}/versions/${c.versions.length}`);
}

export function redirectCurrentRelations(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  return redirect(`/content/objects/${c.id}/versions/${c.versions.length}/relations`);
}

export function loadRelations(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  const versionNo = Number(ctx.params.versionNo);
  if (!c.versions.some((v) => v.versionNo === versionNo))
    return notFound('Version', `${c.id}/${ctx.params.versionNo ?? ''}`);
  return resource(200, 'RelationList', relationListNode(ctx.state.repo, c, versionNo));
}

export function loadRelation(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  const versionNo = Number(ctx.params.versionNo);
  const n = Number(ctx.params.relationId);
  const to = relationTargets(ctx.state.repo, c)[n - 1];
  if (!c.versions.some((v) => v.versionNo === versionNo) || to === undefined)
    return notFound('Relation', ctx.params.relationId ?? '');
  return resource(
    200,
    'Relation',
    relationNode(`/content/objects/${c.id}/versions/${versionNo}/relations`, c.id, to, n),
  );
}

export function loadContentLocations(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  return resource(200, 'LocationList', locationListNode(ctx.path, ctx.state.repo.locationsOf(c.id)));
}

export function loadContentObjectStates(ctx: Context): Result {
  const c = readableContent(ctx, ctx.params.id);
  if (isResult(c)) return c;
  return resource(200, 'ContentObjectStates', contentObjectStatesNode(OBJECT_STATE_GROUPS));
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

const id = (handler: Route['methods'][string]['handler']) => ({ handler });

export const CONTENT_ROUTES: readonly Route[] = [
  {
    name: 'contentList',
    pattern: '/content/objects',
    methods: { GET: id(redirectContent), POST: { handler: createContent, inputs: ['ContentCreate'] } },
  },
  { name: 'content', pattern: '/content/objects/{id}', methods: { GET: id(loadContent), DELETE: id(deleteContent) } },
  { name: 'versions', pattern: '/content/objects/{id}/versions', methods: { GET: id(loadVersions) } },
  { name: 'version', pattern: '/content/objects/{id}/versions/{versionNo}', methods: { GET: id(loadVersion) } },
  {
    name: 'currentVersion',
    pattern: '/content/objects/{id}/currentversion',
    methods: { GET: id(redirectCurrentVersion) },
  },
  { name: 'relations', pattern: '/content/objects/{id}/relations', methods: { GET: id(redirectCurrentRelations) } },
  {
    name: 'versionRelations',
    pattern: '/content/objects/{id}/versions/{versionNo}/relations',
    methods: { GET: id(loadRelations) },
  },
  {
    name: 'versionRelation',
    pattern: '/content/objects/{id}/versions/{versionNo}/relations/{relationId}',
    methods: { GET: id(loadRelation) },
  },
  { name: 'contentLocations', pattern: '/content/objects/{id}/locations', methods: { GET: id(loadContentLocations) } },
  {
    name: 'contentObjectStates',
    pattern: '/content/objects/{id}/objectstates',
    methods: { GET: id(loadContentObjectStates) },
  },
];
