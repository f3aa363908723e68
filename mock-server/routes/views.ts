/**
 * Resource trees for repository objects (ezsystems/ezplatform-rest 1.3 `src/lib/Server/Output/ValueObjectVisitor/RestUser.php` and the Content/Location/Section/Role visitors),
 * fields in the order the upstream visitors write them.
 */
import type { ContentFixture, LocationFixture } from '../fixtures/content';
import type { SectionFixture, RoleFixture } from '../fixtures/policies';
import { lastId, type Repository } from '../fixtures/repository';
import type { UserFixture } from '../fixtures/users';
import { link, node } from '../core/results';
import type { Node } from '../core/types';

const pathOf = (l: LocationFixture): string => l.pathString.replace(/^\/|\/$/g, '');

export function locationLink(repo: Repository, locationId: number): Node {
  const l = repo.locations.get(locationId);
  return link('Location', `/content/locations/${l ? pathOf(l) : String(locationId)}`);
}

export function userView(repo: Repository, u: UserFixture): Node {
  const id = u.id;
  return node(
    'User',
    { href: `/user/users/${id}`, id, remoteId: u.remoteId },
    {
      ContentType: link('ContentType', '/content/types/4'),
      name: `${u.firstName} ${u.lastName}`,
      Versions: link('VersionList', `/content/objects/${id}/versions`),
      Section: link('Section', '/content/sections/2'),
      MainLocation: locationLink(repo, lastId(u.mainLocationPath)),
      Locations: link('LocationList', `/content/objects/${id}/locations`),
      Groups: link('UserGroupRefList', `/user/users/${id}/groups`),
      Owner: link('User', '/user/users/14'),
      publishDate: u.published,
      lastModificationDate: u.modified,
      mainLanguageCode: 'eng-GB',
      alwaysAvailable: true,
      Version: node(
        'Version',
        { href: `/content/objects/${id}/versions/1` },
        {
          VersionInfo: node(
            undefined,
            {},
            { id, versionNo: 1, status: 'PUBLISHED', initialLanguageCode: 'eng-GB', languageCodes: 'eng-GB' },
          ),
          Fields: node(
            undefined,
            {},
            {
              field: [
                field(1, 'first_name', u.firstName),
                field(2, 'last_name', u.lastName),
                field(3, 'user_account', u.login),
              ],
            },
          ),
        },
      ),
      login: u.login,
      email: u.email,
      enabled: u.enabled,
      UserGroups: link('UserGroupList', `/user/users/${id}/groups`),
      Roles: link('RoleAssignmentList', `/user/users/${id}/roles`),
    },
  );
}

function field(id: number, identifier: string, value: string): Node {
  return node(undefined, {}, { id, fieldDefinitionIdentifier: identifier, languageCode: 'eng-GB', fieldValue: value });
}

export function contentView(repo: Repository, c: ContentFixture): Node {
  return node(
    'Content',
    { href: `/content/objects/${c.id}`, remoteId: c.remoteId, id: c.id },
    {
      ContentType: link('ContentType', `/content/types/${c.contentTypeId}`),
      name: c.name,
      Versions: link('VersionList', `/content/objects/${c.id}/versions`),
      CurrentVersion: link('Version', `/content/objects/${c.id}/currentversion`),
      Section: link('Section', `/content/sections/${c.sectionId}`),
      Locations: link('LocationList', `/content/objects/${c.id}/locations`),
      MainLocation: locationLink(repo, c.mainLocationId),
      Owner: link('User', `/user/users/${c.ownerId}`),
      lastModificationDate: c.modified,
      publishedDate: c.published,
      mainLanguageCode: 'eng-GB',
      currentVersionNo: 1,
      alwaysAvailable: true,
      ObjectStates: link('ContentObjectStates', `/content/objects/${c.id}/objectstates`),
    },
  );
}

export function locationView(repo: Repository, l: LocationFixture): Node {
  const path = pathOf(l);
  const parts = path.split('/');
  const c = repo.content.get(l.contentId);
  const children: Record<string, Node | string | number | boolean> = {
    id: l.id,
    priority: l.priority,
    hidden: false,
    invisible: false,
    ParentLocation: link('Location', `/content/locations/${parts.slice(0, -1).join('/') || '1'}`),
    pathString: l.pathString,
    depth: parts.length - 1,
    childCount: repo.children(l).length,
    remoteId: l.remoteId,
    Children: link('LocationList', `/content/locations/${path}/children`),
    Content: link('Content', `/content/objects/${l.contentId}`),
    sortField: 'PATH',
    sortOrder: 'ASC',
    UrlAliases: link('UrlAliasRefList', `/content/locations/${path}/urlaliases`),
  };
  if (c !== undefined) {
    children.ContentInfo = node(
      'ContentInfo',
      {},
      {
        Content: node(
          'ContentInfo',
          { href: `/content/objects/${c.id}`, remoteId: c.remoteId, id: c.id },
          {
            name: c.name,
            mainLanguageCode: 'eng-GB',
            Section: link('Section', `/content/sections/${c.sectionId}`),
          },
        ),
      },
    );
  }
  return node('Location', { href: `/content/locations/${path}` }, children);
}

export function sectionView(s: SectionFixture): Node {
  return node(
    'Section',
    { href: `/content/sections/${s.id}` },
    {
      sectionId: s.id,
      identifier: s.identifier,
      name: s.name,
    },
  );
}

export function roleView(r: RoleFixture): Node {
  return node(
    'Role',
    { href: `/user/roles/${r.id}` },
    {
      identifier: r.identifier,
      Policies: link('PolicyList', `/user/roles/${r.id}/policies`),
    },
  );
}
