/**
 * Users and user groups as the REST visitors write them (ezplatform-rest 1.3
 * `ValueObjectVisitor/RestUser.php`, `RestUserGroup.php`, `UserGroupRefList.php`,
 * `RoleAssignmentList.php`, `RestUserGroupRoleAssignment.php`), fields in the visitors' order.
 */
import type { ContentFixture } from '../fixtures/content';
import type { Repository } from '../fixtures/repository';
import type { GroupFixture, UserFixture } from '../fixtures/users';
import { link, node } from '../core/results';
import type { Node } from '../core/types';
import { versionNode } from './content';
import { LANGUAGE } from './fields';
import { locationPath } from './paths';

/** `/user/groups/1/5/13`: a group is addressed by its location's path. */
export function groupPath(repo: Repository, g: Pick<GroupFixture, 'locationId'>): string {
  const l = repo.locations.get(g.locationId);
  return `/user/groups/${l ? locationPath(l) : String(g.locationId)}`;
}

const mainLocation = (repo: Repository, c: ContentFixture): Node => {
  const l = repo.locations.get(c.mainLocationId);
  return link('Location', `/content/locations/${l ? locationPath(l) : String(c.mainLocationId)}`);
};

function currentVersion(repo: Repository, c: ContentFixture): Node {
  const v = c.versions[c.versions.length - 1] ?? {
    versionNo: 1,
    status: 'PUBLISHED',
    name: c.name,
    created: c.published,
    creatorId: 14,
  };
  return versionNode(repo, c, v);
}

export function userNode(repo: Repository, u: UserFixture): Node {
  const c = repo.content.get(u.id);
  return node(
    'User',
    { href: `/user/users/${u.id}`, id: u.id, remoteId: u.remoteId },
    {
      ContentType: link('ContentType', '/content/types/4'),
      name: `${u.firstName} ${u.lastName}`,
      Versions: link('VersionList', `/content/objects/${u.id}/versions`),
      Section: link('Section', '/content/sections/2'),
      MainLocation: link('Location', `/content/locations/${u.mainLocationPath.replace(/^\/|\/$/g, '')}`),
      Locations: link('LocationList', `/content/objects/${u.id}/locations`),
      Groups: link('UserGroupRefList', `/user/users/${u.id}/groups`),
      Owner: link('User', '/user/users/14'),
      publishDate: u.published,
      lastModificationDate: u.modified,
      mainLanguageCode: LANGUAGE,
      alwaysAvailable: true,
      Version: c ? currentVersion(repo, c) : node('Version', {}),
      login: u.login,
      email: u.email,
      enabled: u.enabled,
      UserGroups: link('UserGroupList', `/user/users/${u.id}/groups`),
      Roles: link('RoleAssignmentList', `/user/users/${u.id}/roles`),
    },
  );
}

export function userGroupNode(repo: Repository, g: GroupFixture): Node {
  const c = repo.content.get(g.id);
  const path = groupPath(repo, g);
  const parentPath = path.split('/').slice(0, -1).join('/');
  const children: Record<string, Node | string | number | boolean> = {
    ContentType: link('ContentType', '/content/types/3'),
    name: g.name,
    Versions: link('VersionList', `/content/objects/${g.id}/versions`),
    Section: link('Section', '/content/sections/2'),
    MainLocation: c ? mainLocation(repo, c) : link('Location', `/content/locations/${g.locationId}`),
    Locations: link('LocationList', `/content/objects/${g.id}/locations`),
    Owner: link('User', '/user/users/14'),
    publishDate: c?.published ?? '',
    lastModificationDate: c?.modified ?? '',
    mainLanguageCode: LANGUAGE,
    alwaysAvailable: true,
    Version: c ? currentVersion(repo, c) : node('Version', {}),
  };
  // The root group (1/5) has no parent group to link to.
  if (parentPath !== '/user/groups/1') children.ParentUserGroup = link('UserGroup', parentPath);
  Object.assign(children, {
    Subgroups: link('UserGroupList', `${path}/subgroups`),
    Users: link('UserList', `${path}/users`),
    Roles: link('RoleAssignmentList', `${path}/roles`),
  });
  return node('UserGroup', { href: path, id: g.id, remoteId: c?.remoteId ?? '' }, children);
}

export function userGroupRefListNode(
  repo: Repository,
  href: string,
  groups: readonly GroupFixture[],
  userId: number | null,
): Node {
  return node(
    'UserGroupRefList',
    { href },
    {
      UserGroup: groups.map((g) => {
        const path = groupPath(repo, g);
        // A user in several groups may be taken out of one (the visitor adds the unassign link).
        const unassign: Record<string, Node> =
          userId !== null && groups.length > 1
            ? {
                unassign: node(undefined, {
                  href: `/user/users/${userId}/groups/${path.replace('/user/groups/', '')}`,
                  method: 'DELETE',
                }),
              }
            : {};
        return node('UserGroup', { href: path }, unassign);
      }),
    },
  );
}

export function roleAssignmentNode(href: string, roleId: number): Node {
  return node('RoleAssignment', { href }, { Role: link('Role', `/user/roles/${roleId}`) });
}

export function roleAssignmentListNode(href: string, roleIds: readonly number[]): Node {
  return node(
    'RoleAssignmentList',
    { href },
    {
      RoleAssignment: roleIds.map((id) => roleAssignmentNode(`${href}/${id}`, id)),
    },
  );
}
