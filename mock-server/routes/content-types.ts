/**
 * Content types and their groups (ezplatform-rest 1.3 `Controller/ContentType.php`): lists, one
 * type (with its field definitions), a field definition, a type's groups, the identifier
 * redirects. A published type's Draft link answers 404 as upstream: there is no draft.
 */
import {
  CONTENT_TYPES,
  CONTENT_TYPE_GROUPS,
  contentTypeById,
  contentTypeByIdentifier,
} from '../fixtures/content-types';
import { node, notFound, resource } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import {
  contentTypeGroupNode,
  contentTypeGroupRefListNode,
  contentTypeNode,
  fieldDefinitionListNode,
  fieldDefinitionNode,
} from '../trees/types';
import { acceptsType, redirect } from './common';

const typeOf = (ctx: Context) => contentTypeById(Number(ctx.params.typeId));

/** `?identifier=` redirects to the type; otherwise the list (ContentTypeList with field definitions on request). */
function listTypes(ctx: Context): Result {
  const identifier = ctx.query.get('identifier');
  if (identifier !== null) {
    const t = contentTypeByIdentifier(identifier);
    return t ? redirect(`/content/types/${t.id}`) : notFound('ContentType', identifier);
  }
  const full = acceptsType(ctx, 'ContentTypeList');
  const root = full ? 'ContentTypeList' : 'ContentTypeInfoList';
  return resource(
    200,
    root,
    node(root, { href: ctx.path }, { ContentType: CONTENT_TYPES.map((t) => contentTypeNode(t, full)) }),
  );
}

function loadType(ctx: Context): Result {
  const t = typeOf(ctx);
  return t
    ? resource(200, 'ContentType', contentTypeNode(t, true), { acceptPatch: 'ContentTypeUpdate' })
    : notFound('ContentType', ctx.params.typeId ?? '');
}

/** ContentTypeService::loadContentTypeDraft of a type nobody is editing: NotFound. */
const loadDraft = (ctx: Context): Result => notFound('ContentType', `${ctx.params.typeId ?? ''} (draft)`);

function loadFieldDefinitions(ctx: Context): Result {
  const t = typeOf(ctx);
  return t
    ? resource(200, 'FieldDefinitionList', fieldDefinitionListNode(t))
    : notFound('ContentType', ctx.params.typeId ?? '');
}

function loadFieldDefinition(ctx: Context): Result {
  const t = typeOf(ctx);
  const d = t?.fields.find((x) => String(x.id) === ctx.params.fieldId);
  return t && d
    ? resource(200, 'FieldDefinition', fieldDefinitionNode(t, d))
    : notFound('FieldDefinition', ctx.params.fieldId ?? '');
}

function loadTypeGroups(ctx: Context): Result {
  const t = typeOf(ctx);
  return t
    ? resource(200, 'ContentTypeGroupRefList', contentTypeGroupRefListNode(t))
    : notFound('ContentType', ctx.params.typeId ?? '');
}

function listGroups(ctx: Context): Result {
  const identifier = ctx.query.get('identifier');
  if (identifier !== null) {
    const g = CONTENT_TYPE_GROUPS.find((x) => x.identifier === identifier);
    return g ? redirect(`/content/typegroups/${g.id}`) : notFound('ContentTypeGroup', identifier);
  }
  return resource(
    200,
    'ContentTypeGroupList',
    node(
      'ContentTypeGroupList',
      { href: ctx.path },
      {
        ContentTypeGroup: CONTENT_TYPE_GROUPS.map(contentTypeGroupNode),
      },
    ),
  );
}

const groupOf = (ctx: Context) => CONTENT_TYPE_GROUPS.find((g) => String(g.id) === ctx.params.groupId);

function loadGroup(ctx: Context): Result {
  const g = groupOf(ctx);
  return g
    ? resource(200, 'ContentTypeGroup', contentTypeGroupNode(g))
    : notFound('ContentTypeGroup', ctx.params.groupId ?? '');
}

function loadGroupTypes(ctx: Context): Result {
  const g = groupOf(ctx);
  if (!g) return notFound('ContentTypeGroup', ctx.params.groupId ?? '');
  const types = CONTENT_TYPES.filter((t) => t.groupId === g.id).map((t) => contentTypeNode(t, false));
  return resource(200, 'ContentTypeInfoList', node('ContentTypeInfoList', { href: ctx.path }, { ContentType: types }));
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const CONTENT_TYPE_ROUTES: readonly Route[] = [
  { name: 'contentTypes', pattern: '/content/types', methods: get(listTypes) },
  { name: 'contentType', pattern: '/content/types/{typeId}', methods: get(loadType) },
  { name: 'contentTypeDraft', pattern: '/content/types/{typeId}/draft', methods: get(loadDraft) },
  { name: 'fieldDefinitions', pattern: '/content/types/{typeId}/fieldDefinitions', methods: get(loadFieldDefinitions) },
  {
    name: 'fieldDefinition',
    pattern: '/content/types/{typeId}/fieldDefinitions/{fieldId}',
    methods: get(loadFieldDefinition),
  },
  { name: 'contentTypeGroupsOfType', pattern: '/content/types/{typeId}/groups', methods: get(loadTypeGroups) },
  { name: 'contentTypeGroups', pattern: '/content/typegroups', methods: get(listGroups) },
  { name: 'contentTypeGroup', pattern: '/content/typegroups/{groupId}', methods: get(loadGroup) },
  { name: 'contentTypeGroupTypes', pattern: '/content/typegroups/{groupId}/types', methods: get(loadGroupTypes) },
];
