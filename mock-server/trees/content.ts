/**
 * Content as the REST visitors write it (ezplatform-rest 1.3 `ValueObjectVisitor/RestContent.php`,
 * `Version.php`, `VersionInfo.php`, `VersionList.php`): the Content object, with its current
 * Version embedded only when the client asked for `…Content+…` (else it is a ContentInfo), the
 * Version with its Fields, and the VersionList.
 */
import type { ContentFixture, VersionFixture } from '../fixtures/content';
import type { Repository } from '../fixtures/repository';
import { link, node } from '../core/results';
import type { Node } from '../core/types';
import { LANGUAGE, fieldsNode } from './fields';
import { locationPath } from './paths';

/** `media` is what the Content object is typed as: `Content` with a version, `ContentInfo` without. */
export function contentNode(repo: Repository, c: ContentFixture, withVersion: boolean): Node {
  const main = repo.locations.get(c.mainLocationId);
  const current = c.versions[c.versions.length - 1];
  const children: Record<string, Node | string | number | boolean> = {
    ContentType: link('ContentType', `/content/types/${c.contentTypeId}`),
    Name: c.name,
    TranslatedName: c.name,
    Versions: link('VersionList', `/content/objects/${c.id}/versions`),
    CurrentVersion:
      withVersion && current
        ? node(
            'Version',
            { href: `/content/objects/${c.id}/currentversion` },
            { Version: versionNode(repo, c, current) },
          )
        : link('Version', `/content/objects/${c.id}/currentversion`),
    Section: link('Section', `/content/sections/${c.sectionId}`),
  };
  if (main) children.MainLocation = link('Location', `/content/locations/${locationPath(main)}`);
  Object.assign(children, {
    Locations: link('LocationList', `/content/objects/${c.id}/locations`),
    Owner: link('User', `/user/users/${c.ownerId}`),
    lastModificationDate: c.modified,
    publishedDate: c.published,
    mainLanguageCode: LANGUAGE,
    currentVersionNo: current?.versionNo ?? 1,
    alwaysAvailable: true,
    isHidden: false,
    status: 'PUBLISHED',
    ObjectStates: link('ContentObjectStates', `/content/objects/${c.id}/objectstates`),
  });
  return node(
    withVersion ? 'Content' : 'ContentInfo',
    { href: `/content/objects/${c.id}`, remoteId: c.remoteId, id: c.id },
    children,
  );
}

function versionInfo(c: ContentFixture, v: VersionFixture): Node {
  return node(
    undefined,
    {},
    {
      id: c.id * 10 + v.versionNo,
      versionNo: v.versionNo,
      status: v.status,
      modificationDate: v.created,
      Creator: link('User', `/user/users/${v.creatorId}`),
      creationDate: v.created,
      initialLanguageCode: LANGUAGE,
      languageCodes: LANGUAGE,
      VersionTranslationInfo: node(
        'VersionTranslationInfo',
        {},
        {
          Language: [node(undefined, {}, { languageCode: LANGUAGE })],
        },
      ),
      names: node(undefined, {}, { value: [node(undefined, { languageCode: LANGUAGE }, { '#text': v.name })] }),
      Content: link('ContentInfo', `/content/objects/${c.id}`),
    },
  );
}

/** A Version with its VersionInfo, Fields and the link to its relations. */
export function versionNode(repo: Repository, c: ContentFixture, v: VersionFixture): Node {
  return node(
    'Version',
    { href: `/content/objects/${c.id}/versions/${v.versionNo}` },
    {
      VersionInfo: versionInfo(c, v),
      Fields: fieldsNode(repo, c),
      Relations: link('RelationList', `/content/objects/${c.id}/versions/${v.versionNo}/relations`),
      Thumbnail: node('Thumbnail', {}, {}),
    },
  );
}

export function versionListNode(c: ContentFixture, path: string): Node {
  return node(
    'VersionList',
    { href: path },
    {
      VersionItem: c.versions.map((v) =>
        node(
          undefined,
          {},
          {
            Version: link('Version', `/content/objects/${c.id}/versions/${v.versionNo}`),
            VersionInfo: versionInfo(c, v),
          },
        ),
      ),
    },
  );
}

/** One relation: the object relation field `image` of an article pointing at an image. */
export function relationNode(base: string, from: number, to: number, n: number): Node {
  return node(
    'Relation',
    { href: `${base}/${n}` },
    {
      SourceContent: link('ContentInfo', `/content/objects/${from}`),
      DestContent: link('ContentInfo', `/content/objects/${to}`),
      SourceFieldDefinitionIdentifier: 'image',
      RelationType: 'ATTRIBUTE',
    },
  );
}

export const relationTargets = (repo: Repository, c: ContentFixture): number[] =>
  Object.values(c.fields).filter((v): v is number => typeof v === 'number' && repo.content.has(v));

/** The relations of a version: an object relation field pointing at another item. */
export function relationListNode(repo: Repository, c: ContentFixture, versionNo: number): Node {
  const base = `/content/objects/${c.id}/versions/${versionNo}/relations`;
  const targets = Object.values(c.fields).filter((v): v is number => typeof v === 'number' && repo.content.has(v));
  return node(
    'RelationList',
    { href: base },
    {
      Relation: targets.map((to, i) =>
        node(
          'Relation',
          { href: `${base}/${i + 1}` },
          {
            SourceContent: link('ContentInfo', `/content/objects/${c.id}`),
            DestContent: link('ContentInfo', `/content/objects/${to}`),
            SourceFieldDefinitionIdentifier: 'image',
            RelationType: 'ATTRIBUTE',
          },
        ),
      ),
    },
  );
}
