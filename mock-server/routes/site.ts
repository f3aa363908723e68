/**
 * Object states, URL aliases and wildcards, and the trash (ezplatform-rest 1.3
 * `Controller/ObjectState.php`, `URLAlias.php`, `URLWildcard.php`, `Trash.php`).
 */
import { GLOBAL_ALIASES, OBJECT_STATE_GROUPS, TRASH, URL_WILDCARDS } from '../fixtures/site';
import { node, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import {
  globalAliasView,
  objectStateGroupNode,
  objectStateNode,
  trashItemNode,
  urlAliasNode,
  urlWildcardNode,
} from '../trees/misc';
import { locationPath } from '../trees/paths';
import { aliasOf } from './aliases';

const group = (ctx: Context) => OBJECT_STATE_GROUPS.find((g) => String(g.id) === ctx.params.groupId);

function loadGroups(ctx: Context): Result {
  return resource(
    200,
    'ObjectStateGroupList',
    node(
      'ObjectStateGroupList',
      { href: ctx.path },
      {
        ObjectStateGroup: OBJECT_STATE_GROUPS.map(objectStateGroupNode),
      },
    ),
  );
}

function loadGroup(ctx: Context): Result {
  const g = group(ctx);
  return g
    ? resource(200, 'ObjectStateGroup', objectStateGroupNode(g))
    : notFound('ObjectStateGroup', ctx.params.groupId ?? '');
}

function loadStates(ctx: Context): Result {
  const g = group(ctx);
  if (!g) return notFound('ObjectStateGroup', ctx.params.groupId ?? '');
  return resource(
    200,
    'ObjectStateList',
    node(
      'ObjectStateList',
      { href: ctx.path },
      {
        ObjectState: g.states.map((s) => objectStateNode(g, s)),
      },
    ),
  );
}

function loadState(ctx: Context): Result {
  const g = group(ctx);
  const s = g?.states.find((x) => String(x.id) === ctx.params.stateId);
  return g && s
    ? resource(200, 'ObjectState', objectStateNode(g, s))
    : notFound('ObjectState', ctx.params.stateId ?? '');
}

function loadGlobalAliases(ctx: Context): Result {
  return resource(
    200,
    'UrlAliasRefList',
    node(
      'UrlAliasRefList',
      { href: ctx.path },
      {
        UrlAlias: GLOBAL_ALIASES.map((a) => ({ media: 'UrlAlias', href: `/content/urlaliases/${a.id}` })),
      },
    ),
  );
}

function loadAlias(ctx: Context): Result {
  const id = ctx.params.aliasId ?? '';
  const global = GLOBAL_ALIASES.find((a) => a.id === id);
  if (global) return resource(200, 'UrlAlias', urlAliasNode(globalAliasView(global)));
  for (const l of ctx.state.repo.locations.values()) {
    const alias = aliasOf(ctx, locationPath(l));
    if (alias?.id === id) return resource(200, 'UrlAlias', urlAliasNode(alias));
  }
  return notFound('URLAlias', id);
}

function loadWildcards(ctx: Context): Result {
  return resource(
    200,
    'UrlWildcardList',
    node('UrlWildcardList', { href: ctx.path }, { UrlWildcard: URL_WILDCARDS.map(urlWildcardNode) }),
  );
}

function loadWildcard(ctx: Context): Result {
  const w = URL_WILDCARDS.find((x) => String(x.id) === ctx.params.id);
  return w ? resource(200, 'UrlWildcard', urlWildcardNode(w)) : notFound('URLWildcard', ctx.params.id ?? '');
}

/** Trashed items are listed to who may restore them (the trash service filters the rest out). */
const mayRestore = (ctx: Context, sectionId: number): boolean =>
  ctx.state.repo.can(ctx.caller.userId, 'content', 'restore', { sectionId });

function loadTrash(ctx: Context): Result {
  const items = TRASH.filter((t) => mayRestore(ctx, t.sectionId)).map((t) => trashItemNode(ctx.state.repo, t));
  return resource(200, 'Trash', node('Trash', { href: ctx.path }, { TrashItem: items }));
}

function loadTrashItem(ctx: Context): Result {
  const t = TRASH.find((x) => String(x.id) === ctx.params.id);
  if (!t) return notFound('TrashItem', ctx.params.id ?? '');
  if (!mayRestore(ctx, t.sectionId)) return unauthorized('restore', 'content', { locationId: t.id });
  return resource(200, 'TrashItem', trashItemNode(ctx.state.repo, t));
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const SITE_ROUTES: readonly Route[] = [
  { name: 'objectStateGroups', pattern: '/content/objectstategroups', methods: get(loadGroups) },
  { name: 'objectStateGroup', pattern: '/content/objectstategroups/{groupId}', methods: get(loadGroup) },
  { name: 'objectStates', pattern: '/content/objectstategroups/{groupId}/objectstates', methods: get(loadStates) },
  {
    name: 'objectState',
    pattern: '/content/objectstategroups/{groupId}/objectstates/{stateId}',
    methods: get(loadState),
  },
  { name: 'globalUrlAliases', pattern: '/content/urlaliases', methods: get(loadGlobalAliases) },
  { name: 'urlAlias', pattern: '/content/urlaliases/{aliasId}', methods: get(loadAlias) },
  { name: 'urlWildcards', pattern: '/content/urlwildcards', methods: get(loadWildcards) },
  { name: 'urlWildcard', pattern: '/content/urlwildcards/{id}', methods: get(loadWildcard) },
  { name: 'trash', pattern: '/content/trash', methods: get(loadTrash) },
  { name: 'trashItem', pattern: '/content/trash/{id}', methods: get(loadTrashItem) },
];
