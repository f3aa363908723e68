/**
 * Roles, their policies, and sections (the kernel's RoleService and SectionService): lists
 * filtered to what the caller may read, single items with the permission 401.
 */
import { ROLES, SECTIONS } from '../fixtures/policies';
import { node, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result, Route } from '../core/types';
import { policyListNode, policyNode, roleNode, sectionNode } from '../trees/misc';

const canViewSection = (ctx: Context, id: number): boolean =>
  ctx.state.repo.can(ctx.caller.userId, 'section', 'view', { sectionId: id });
const mayReadRoles = (ctx: Context): boolean => ctx.state.repo.can(ctx.caller.userId, 'role', 'read');

function loadSections(ctx: Context): Result {
  const visible = SECTIONS.filter((s) => canViewSection(ctx, s.id));
  return resource(200, 'SectionList', node('SectionList', { href: ctx.path }, { Section: visible.map(sectionNode) }));
}

function loadSection(ctx: Context): Result {
  const s = SECTIONS.find((x) => x.id === Number(ctx.params.id));
  if (!s) return notFound('Section', ctx.params.id ?? '');
  if (!canViewSection(ctx, s.id)) return unauthorized('view', 'section', { sectionId: s.id });
  return resource(200, 'Section', sectionNode(s));
}

function loadRoles(ctx: Context): Result {
  const visible = mayReadRoles(ctx) ? ROLES : [];
  return resource(200, 'RoleList', node('RoleList', { href: ctx.path }, { Role: visible.map(roleNode) }));
}

function findRole(ctx: Context) {
  const r = ROLES.find((x) => x.id === Number(ctx.params.id));
  if (!r) return notFound('Role', ctx.params.id ?? '');
  if (!mayReadRoles(ctx)) return unauthorized('read', 'role', { roleId: r.id });
  return r;
}

function loadRole(ctx: Context): Result {
  const r = findRole(ctx);
  return 'kind' in r ? r : resource(200, 'Role', roleNode(r), { acceptPatch: 'RoleInput' });
}

function loadPolicies(ctx: Context): Result {
  const r = findRole(ctx);
  return 'kind' in r ? r : resource(200, 'PolicyList', policyListNode(ctx.path, r.id, r.policies));
}

function loadPolicy(ctx: Context): Result {
  const r = findRole(ctx);
  if ('kind' in r) return r;
  const p = r.policies.find((x) => String(x.id) === ctx.params.policyId);
  return p
    ? resource(200, 'Policy', policyNode(r.id, p), { acceptPatch: 'PolicyUpdate' })
    : notFound('Policy', ctx.params.policyId ?? '');
}

const get = (handler: Route['methods'][string]['handler']): Route['methods'] => ({ GET: { handler } });

export const ROLE_ROUTES: readonly Route[] = [
  { name: 'roles', pattern: '/user/roles', methods: get(loadRoles) },
  { name: 'role', pattern: '/user/roles/{id}', methods: get(loadRole) },
  { name: 'policies', pattern: '/user/roles/{id}/policies', methods: get(loadPolicies) },
  { name: 'policy', pattern: '/user/roles/{id}/policies/{policyId}', methods: get(loadPolicy) },
  { name: 'sections', pattern: '/content/sections', methods: get(loadSections) },
  { name: 'section', pattern: '/content/sections/{id}', methods: get(loadSection) },
];
