/** `/user/users` and `/user/users/{id}` (ezsystems/ezplatform-rest 1.3 `src/lib/Server/Controller/User.php`): loading, filtering and updating users. */
import type { UserFixture } from '../fixtures/users';
import { ANONYMOUS_USER_ID, GROUPS } from '../fixtures/users';
import { lastId } from '../fixtures/repository';
import { inputString } from '../http/input';
import { errorMessage, link, node, noContent, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import { roleAssignmentListNode, userGroupRefListNode, userNode } from '../trees/users';
import { acceptsType, redirect } from './common';

/** Whether the caller may load this user: the main location's read check, or self (sudo). */
function mayLoad(ctx: Context, u: UserFixture): boolean {
  return u.id === ctx.caller.userId || ctx.state.repo.can(ctx.caller.userId, 'content', 'read', { sectionId: 2 });
}

function userResult(ctx: Context, u: UserFixture): Result {
  return resource(200, 'User', () => userNode(ctx.state.repo, u), {
    // the repository's id: two servers in one process share the writer's cache
    cacheKey: `user:${ctx.state.repo.id}:${u.id}:${ctx.state.repo.revision}`,
    acceptPatch: 'UserUpdate',
  });
}

function findUser(ctx: Context): UserFixture | Result {
  const id = Number(ctx.params.id);
  const u = ctx.state.repo.users.get(id);
  return u ?? notFound('User', ctx.params.id ?? '');
}

export function loadUser(ctx: Context): Result {
  const u = findUser(ctx);
  if ('kind' in u) return u;
  if (!mayLoad(ctx, u)) return unauthorized('read', 'content', { locationId: lastId(u.mainLocationPath) });
  return userResult(ctx, u);
}

/** loadUsers: one filter; an Unauthorized on any user empties the list; empty is 404. */
function filterUsers(ctx: Context): UserFixture[] | Result {
  const { repo } = ctx.state;
  const q = ctx.query;
  let found: UserFixture[] = [];
  if (q.has('roleId')) {
    const roleId = lastId(q.get('roleId') ?? '');
    found = [...repo.users.values()].filter((u) => repo.roleIdsOf(u.id).includes(roleId));
  } else if (q.has('remoteId')) {
    const u = [...repo.users.values()].find((x) => x.remoteId === q.get('remoteId'));
    if (!u) return notFound('Content', q.get('remoteId') ?? '');
    found = [u];
  } else if (q.has('login')) {
    const u = repo.userByLogin(q.get('login') ?? '');
    if (!u) return notFound('User', q.get('login') ?? '');
    found = [u];
  } else if (q.has('email')) {
    found = [...repo.users.values()].filter((u) => u.email === q.get('email'));
  }
  // buildRestUserObject loads the main location, which checks content/read: no self exemption here.
  if (found.length > 0 && !repo.can(ctx.caller.userId, 'content', 'read', { sectionId: 2 })) found = [];
  return found.length > 0 ? found : errorMessage(404, 'Could not find Users with the given filter');
}

export function loadUsers(ctx: Context): Result {
  const found = filterUsers(ctx);
  if (!Array.isArray(found)) return found as Result;
  const full = acceptsType(ctx, 'UserList');
  return resource(
    200,
    full ? 'UserList' : 'UserRefList',
    node(
      full ? 'UserList' : 'UserRefList',
      { href: ctx.path },
      {
        User: found.map((u) => (full ? userNode(ctx.state.repo, u) : link('User', `/user/users/${u.id}`))),
      },
    ),
  );
}

/** HEAD /user/users: verifyUsers, 200 when the filter finds someone. */
export function verifyUsers(ctx: Context): Result {
  const found = filterUsers(ctx);
  return Array.isArray(found) ? { kind: 'empty', status: 200 } : (found as Result);
}

export function updateUser(ctx: Context): Result {
  const u = findUser(ctx);
  if ('kind' in u) return u;
  const { repo, now } = ctx.state;
  if (!repo.can(ctx.caller.userId, 'content', 'edit', { sectionId: 2 })) {
    return unauthorized('edit', 'content', { userId: u.id });
  }
  const email = inputString(ctx.input, 'email');
  if (email !== undefined) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return errorMessage(406, `Argument 'email' is invalid: '${email}' is wrong value in class 'UserUpdateStruct'`);
    }
    u.email = email;
  }
  u.modified = new Date(now()).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  repo.revision++;
  return userResult(ctx, u);
}

export function deleteUser(ctx: Context): Result {
  const u = findUser(ctx);
  if ('kind' in u) return u;
  const { repo } = ctx.state;
  if (!repo.can(ctx.caller.userId, 'content', 'remove', { sectionId: 2 })) {
    return unauthorized('remove', 'content', { userId: u.id });
  }
  if (u.id === ANONYMOUS_USER_ID || u.id === ctx.caller.userId) {
    // A mock-only guard: without these two users the server could no longer answer anyone.
    return errorMessage(403, `The mock server keeps user ${u.id}: it is the anonymous or the current user`);
  }
  repo.deleteContent(u.id);
  return noContent();
}

/** A user whose content the caller may read (the groups, roles and drafts routes load it first). */
function readableUser(ctx: Context): UserFixture | Result {
  const u = findUser(ctx);
  if ('kind' in u) return u;
  return mayLoad(ctx, u) ? u : unauthorized('read', 'content', { locationId: lastId(u.mainLocationPath) });
}

export function loadGroupsOfUser(ctx: Context): Result {
  const u = readableUser(ctx);
  if ('kind' in u) return u;
  const groups = GROUPS.filter((g) => u.groups.includes(g.id));
  return resource(200, 'UserGroupRefList', userGroupRefListNode(ctx.state.repo, ctx.path, groups, u.id));
}

/** Assignments made to the user directly: none in clean data (roles come through the groups). */
export function loadRolesOfUser(ctx: Context): Result {
  const u = readableUser(ctx);
  if ('kind' in u) return u;
  if (!ctx.state.repo.can(ctx.caller.userId, 'role', 'read')) return unauthorized('read', 'role', { userId: u.id });
  return resource(200, 'RoleAssignmentList', roleAssignmentListNode(ctx.path, []));
}

export function loadDraftsOfUser(ctx: Context): Result {
  const u = readableUser(ctx);
  if ('kind' in u) return u;
  return resource(200, 'VersionList', node('VersionList', { href: ctx.path }, { VersionItem: [] }));
}

/** Ibexa 4.3+: `GET /user/current` redirects to the user the session or header authenticates. */
export function redirectCurrentUser(ctx: Context): Result {
  if (ctx.caller.userId === ANONYMOUS_USER_ID) return errorMessage(401, 'Not logged in.');
  return redirect(`/user/users/${ctx.caller.userId}`);
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const USER_ROUTES: readonly Route[] = [
  { name: 'users', pattern: '/user/users', methods: { HEAD: { handler: verifyUsers }, GET: { handler: loadUsers } } },
  {
    name: 'user',
    pattern: '/user/users/{id}',
    methods: {
      GET: { handler: loadUser },
      PATCH: { handler: updateUser, inputs: ['UserUpdate'] },
      DELETE: { handler: deleteUser },
    },
  },
  { name: 'userGroupsOfUser', pattern: '/user/users/{id}/groups', methods: get(loadGroupsOfUser) },
  { name: 'userRoles', pattern: '/user/users/{id}/roles', methods: get(loadRolesOfUser) },
  { name: 'userDrafts', pattern: '/user/users/{id}/drafts', methods: get(loadDraftsOfUser) },
  { name: 'currentUser', pattern: '/user/current', flavours: ['ibexa4'], methods: get(redirectCurrentUser) },
];
