/**
 * Content types as the REST visitors write them (ezplatform-rest 1.3
 * `ValueObjectVisitor/RestContentType.php`, `RestFieldDefinition.php`, `ContentTypeGroup.php`,
 * `ContentTypeGroupRefList.php`): a ContentTypeInfo, or a ContentType with its FieldDefinitions.
 */
import {
  CONTENT_TYPE_GROUPS,
  type ContentTypeFixture,
  type ContentTypeGroupFixture,
  type FieldDefFixture,
} from '../fixtures/content-types';
import { link, node } from '../core/results';
import type { Node } from '../core/types';
import { LANGUAGE } from './fields';

const names = (text: string): Node =>
  node(undefined, {}, { value: [node(undefined, { languageCode: LANGUAGE }, { '#text': text })] });

export function fieldDefinitionNode(t: ContentTypeFixture, d: FieldDefFixture): Node {
  return node(
    'FieldDefinition',
    { href: `/content/types/${t.id}/fieldDefinitions/${d.id}` },
    {
      id: d.id,
      identifier: d.identifier,
      fieldType: d.type,
      fieldGroup: 'content',
      position: t.fields.indexOf(d) + 1,
      isTranslatable: d.type !== 'ezuser',
      isRequired: d.required,
      isInfoCollector: false,
      defaultValue: null,
      isSearchable: d.searchable,
      names: names(d.name),
      descriptions: names(''),
    },
  );
}

export function fieldDefinitionListNode(t: ContentTypeFixture): Node {
  return node(
    'FieldDefinitionList',
    { href: `/content/types/${t.id}/fieldDefinitions` },
    {
      FieldDefinition: t.fields.map((d) => fieldDefinitionNode(t, d)),
    },
  );
}

/** With field definitions it is a `ContentType`, without a `ContentTypeInfo` (as the visitor decides). */
export function contentTypeNode(t: ContentTypeFixture, withFields: boolean): Node {
  const children: Record<string, Node | string | number | boolean> = {
    id: t.id,
    status: 'DEFINED',
    identifier: t.identifier,
    names: names(t.name),
    descriptions: names(t.description),
    creationDate: t.created,
    modificationDate: t.created,
    Creator: link('User', '/user/users/14'),
    Modifier: link('User', '/user/users/14'),
    Groups: link('ContentTypeGroupRefList', `/content/types/${t.id}/groups`),
    Draft: link('ContentType', `/content/types/${t.id}/draft`),
    remoteId: t.remoteId,
    urlAliasSchema: '',
    nameSchema: t.nameSchema,
    isContainer: t.isContainer,
    mainLanguageCode: LANGUAGE,
    defaultAlwaysAvailable: true,
    defaultSortField: 'PATH',
    defaultSortOrder: 'ASC',
  };
  if (withFields) children.FieldDefinitions = fieldDefinitionListNode(t);
  return node(withFields ? 'ContentType' : 'ContentTypeInfo', { href: `/content/types/${t.id}` }, children);
}

export function contentTypeGroupNode(g: ContentTypeGroupFixture): Node {
  return node(
    'ContentTypeGroup',
    { href: `/content/typegroups/${g.id}` },
    {
      id: g.id,
      identifier: g.identifier,
      created: g.created,
      modified: g.created,
      Creator: link('User', '/user/users/14'),
      Modifier: link('User', '/user/users/14'),
      ContentTypes: link('ContentTypeInfoList', `/content/typegroups/${g.id}/types`),
    },
  );
}

export function contentTypeGroupRefListNode(t: ContentTypeFixture): Node {
  const groups = CONTENT_TYPE_GROUPS.filter((g) => g.id === t.groupId);
  return node(
    'ContentTypeGroupRefList',
    { href: `/content/types/${t.id}/groups` },
    {
      ContentTypeGroupRef: groups.map((g) => link('ContentTypeGroup', `/content/typegroups/${g.id}`)),
    },
  );
}
