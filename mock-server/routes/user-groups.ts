/**
 * User groups (ezplatform-rest 1.3 `Controller/User.php`, `Role.php`): the root redirect, a group
 * by its location path, its subgroups and users (ref lists, or full lists when the Accept asks),
 * and its role assignments. Groups live in the Users section: anonymous gets the read 401.
 */
import { GROUPS, type GroupFixture } from '../fixtures/users';
import { node, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import { locationPath } from '../trees/paths';
import { groupPath, roleAssignmentListNode, roleAssignmentNode, userGroupNode, userNode } from '../trees/users';
import { acceptsType, isResult, readableLocation, redirect } from './common';

/** The group at `{groupPath}`, if the caller may read its location. */
function findGroup(ctx: Context): GroupFixture | Result {
  const path = ctx.params.path ?? '';
  const l = readableLocation(ctx, path);
  if (isResult(l)) return l;
  const g = GROUPS.find((x) => x.locationId === l.id);
  return g ?? notFound('UserGroup', path);
}

const mayReadRoles = (ctx: Context): boolean => ctx.state.repo.can(ctx.caller.userId, 'role', 'read');

function loadRootGroup(): Result {
  return { ...redirect('/user/groups/1/5'), status: 301 };
}

/** Without a filter there is nothing to list (the controller builds an empty list). */
function loadGroups(ctx: Context): Result {
  const full = acceptsType(ctx, 'UserGroupList');
  const root = full ? 'UserGroupList' : 'UserGroupRefList';
  return resource(200, root, node(root, { href: ctx.path }, { UserGroup: [] }));
}

function loadGroup(ctx: Context): Result {
  const g = findGroup(ctx);
  if (isResult(g)) return g;
  return resource(200, 'UserGroup', userGroupNode(ctx.state.repo, g), { acceptPatch: 'UserGroupUpdate' });
}

function loadSubgroups(ctx: Context): Result {
  const g = findGroup(ctx);
  if (isResult(g)) return g;
  const { repo } = ctx.state;
  const parent = repo.locations.get(g.locationId);
  const subs = GROUPS.filter((x) => {
    const l = repo.locations.get(x.locationId);
    return (
      parent &&
      l &&
      l.pathString.startsWith(parent.pathString) &&
      l.pathString.split('/').length === parent.pathString.split('/').length + 1
    );
  });
  if (acceptsType(ctx, 'UserGroupList')) {
    return resource(
      200,
      'UserGroupList',
      node('UserGroupList', { href: ctx.path }, { UserGroup: subs.map((s) => userGroupNode(repo, s)) }),
    );
  }
  return resource(
    200,
    'UserGroupRefList',
    node(
      'UserGroupRefList',
      { href: ctx.path },
      {
        UserGroup: subs.map((s) => ({ media: 'UserGroup', href: groupPath(repo, s) })),
      },
    ),
  );
}

function loadGroupUsers(ctx: Context): Result {
  const g = findGroup(ctx);
  if (isResult(g)) return g;
  const { repo } = ctx.state;
  const users = [...repo.users.values()].filter((u) => u.groups.includes(g.id));
  if (acceptsType(ctx, 'UserList')) {
    return resource(
      200,
      'UserList',
      node('UserList', { href: ctx.path }, { User: users.map((u) => userNode(repo, u)) }),
    );
  }
  return resource(
    200,
    'UserRefList',
    node(
      'UserRefList',
      { href: ctx.path },
      {
        User: users.map((u) => ({ media: 'User', href: `/user/users/${u.id}` })),
      },
    ),
  );
}

function loadGroupRoles(ctx: Context): Result {
  const g = findGroup(ctx);
  if (isResult(g)) return g;
  if (!mayReadRoles(ctx)) return unauthorized('read', 'role', { userGroupId: g.id });
  return resource(200, 'RoleAssignmentList', roleAssignmentListNode(ctx.path, g.roles));
}

function loadGroupRole(ctx: Context): Result {
  const g = findGroup(ctx);
  if (isResult(g)) return g;
  if (!mayReadRoles(ctx)) return unauthorized('read', 'role', { userGroupId: g.id });
  const roleId = Number(ctx.params.roleId);
  if (!g.roles.includes(roleId))
    return notFound('RoleAssignment', `${locationPath({ pathString: ctx.params.path ?? '' })}/${roleId}`);
  return resource(200, 'RoleAssignment', roleAssignmentNode(ctx.path, roleId));
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const USER_GROUP_ROUTES: readonly Route[] = [
  { name: 'userGroups', pattern: '/user/groups', methods: get(loadGroups) },
  { name: 'rootUserGroup', pattern: '/user/groups/root', methods: get(loadRootGroup) },
  { name: 'userGroupSubgroups', pattern: '/user/groups/{path*}/subgroups', methods: get(loadSubgroups) },
  { name: 'userGroupUsers', pattern: '/user/groups/{path*}/users', methods: get(loadGroupUsers) },
  { name: 'userGroupRoles', pattern: '/user/groups/{path*}/roles', methods: get(loadGroupRoles) },
  { name: 'userGroupRole', pattern: '/user/groups/{path*}/roles/{roleId}', methods: get(loadGroupRole) },
  { name: 'userGroup', pattern: '/user/groups/{path*}', methods: get(loadGroup) },
];
