/**
 * The rows of a tree that are on screen: a node's children show when it is expanded. While a
 * search is typed, the ancestors of every match open too (and the matches are marked), so a hit
 * deep in a collapsed branch is never hidden.
 */
import type { TreeNode } from './build';

export interface TreeRow {
  node: TreeNode;
  expanded: boolean;
  match: boolean;
}

/** Which nodes start open: everything when small, the first levels otherwise. */
export function defaultExpanded(root: TreeNode, nodes: number): Set<string> {
  const open = new Set<string>();
  const depth = nodes <= 300 ? Number.POSITIVE_INFINITY : 2;
  const walk = (n: TreeNode): void => {
    if (n.children.length === 0 || n.depth >= depth) return;
    open.add(n.id);
    n.children.forEach(walk);
  };
  walk(root);
  return open;
}

/** The ids of the nodes matching `query` (lower-cased) and of all their ancestors. */
export function searchTree(root: TreeNode, query: string): { matches: Set<string>; open: Set<string> } {
  const matches = new Set<string>();
  const open = new Set<string>();
  if (query === '') return { matches, open };
  /** answers whether the subtree holds a match; a node with a match below it opens */
  const walk = (n: TreeNode): boolean => {
    let below = false;
    for (const c of n.children) if (walk(c)) below = true;
    if (below) open.add(n.id);
    const hit = n.search.includes(query);
    if (hit) matches.add(n.id);
    return hit || below;
  };
  walk(root);
  return { matches, open };
}

/**
 * `skipRoot`: a JSON body's root object is only braces (eZ answers are `{"Type": {...}}`), so
 * its children are the first lines; the root always shows when it is a plain value.
 */
export function visibleRows(
  root: TreeNode,
  expanded: ReadonlySet<string>,
  search: { matches: Set<string>; open: Set<string> },
  skipRoot = false,
): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (n: TreeNode): void => {
    const isOpen = n.children.length > 0 && (expanded.has(n.id) || search.open.has(n.id));
    rows.push({ node: n, expanded: isOpen, match: search.matches.has(n.id) });
    if (isOpen) n.children.forEach(walk);
  };
  if (skipRoot && root.key === null && root.children.length > 0) root.children.forEach(walk);
  else walk(root);
  return rows;
}

/** The collapsed summary of a branch: `{3}`, `[12]`, `<Tag> 4 children`. */
export function summary(n: TreeNode): string {
  const c = n.children.length;
  if (n.kind === 'array') return `[${c}]`;
  if (n.kind === 'object') return `{${c}}`;
  return `${c} ${c === 1 ? 'child' : 'children'}`;
}
