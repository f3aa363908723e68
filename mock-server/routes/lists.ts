/** Roles and sections (the kernel's RoleService::loadRoles / SectionService::loadSections): lists filtered to what the caller may read. */
import { ROLES, SECTIONS } from '../fixtures/policies';
import { node, notFound, resource, unauthorized } from '../core/results';
import type { Context, Result } from '../core/types';
import { roleView, sectionView } from './views';

const canViewSection = (ctx: Context, id: number): boolean =>
  ctx.state.repo.can(ctx.caller.userId, 'section', 'view', { sectionId: id });

export function loadSections(ctx: Context): Result {
  const visible = SECTIONS.filter((s) => canViewSection(ctx, s.id));
  return resource(200, 'SectionList', node('SectionList', { href: ctx.path }, { Section: visible.map(sectionView) }));
}

export function loadSection(ctx: Context): Result {
  const s = SECTIONS.find((x) => x.id === Number(ctx.params.id));
  if (!s) return notFound('Section', ctx.params.id ?? '');
  if (!canViewSection(ctx, s.id)) return unauthorized('view', 'section', { sectionId: s.id });
  return resource(200, 'Section', sectionView(s));
}

export function loadRoles(ctx: Context): Result {
  const mayRead = ctx.state.repo.can(ctx.caller.userId, 'role', 'read');
  const visible = mayRead ? ROLES : [];
  return resource(200, 'RoleList', node('RoleList', { href: ctx.path }, { Role: visible.map(roleView) }));
}

export function loadRole(ctx: Context): Result {
  const r = ROLES.find((x) => x.id === Number(ctx.params.id));
  if (!r) return notFound('Role', ctx.params.id ?? '');
  if (!ctx.state.repo.can(ctx.caller.userId, 'role', 'read')) return unauthorized('read', 'role', { roleId: r.id });
  return resource(200, 'Role', roleView(r));
}
