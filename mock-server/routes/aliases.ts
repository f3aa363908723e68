/**
 * System URL aliases of locations: the names of the content items on the way from the root,
 * keyed `0-` + md5(text) as eZ's URL alias table keys them.
 */
import { createHash } from 'node:crypto';
import type { Context } from '../core/types';
import type { AliasView } from '../trees/misc';

export const aliasId = (text: string): string => `0-${createHash('md5').update(text).digest('hex')}`;

/** The location's system URL alias: its content names from the root, as eZ builds it. */
export function aliasOf(ctx: Context, path: string): AliasView | null {
  const { repo } = ctx.state;
  // The Home location (1/2) is the site root: its children's aliases start after it.
  const parts = path.split('/');
  const ids = parts.slice(parts[1] === '2' ? 2 : 1).map(Number);
  if (ids.length === 0) return null;
  const names = ids.map((id) => repo.content.get(repo.locations.get(id)?.contentId ?? -1)?.name ?? String(id));
  const text = `/${names.map((n) => n.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')).join('/')}`;
  return {
    id: aliasId(text),
    type: 'LOCATION',
    path: text,
    locationPath: path,
    resource: `eznode:${ids[ids.length - 1] ?? ''}`,
  };
}
