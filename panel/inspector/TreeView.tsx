/**
 * A body as a tree (JSON and XML alike), virtualised: only the lines on screen exist. A search
 * opens the branches of its matches and scrolls to the first. `_href` / `href` values the API may
 * be asked for are links; every value is a text child, never markup.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { followTarget, type FollowTarget } from '../../shared/ez/follow';
import type { TreeNode } from './tree/build';
import { defaultExpanded, searchTree, summary, visibleRows, type TreeRow } from './tree/flatten';

const TREE_ROW = 18;

export function TreeView(props: {
  root: TreeNode;
  nodes: number;
  query: string;
  format: 'json' | 'xml';
  apiOrigin: string | null;
  onFollow: (t: FollowTarget) => void;
}) {
  const { root, nodes, query } = props;
  const [expanded, setExpanded] = useState(() => defaultExpanded(root, nodes));
  const search = useMemo(() => searchTree(root, query), [root, query]);
  const rows = useMemo(() => visibleRows(root, expanded, search, true), [root, expanded, search]);
  const scroller = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => TREE_ROW,
    overscan: 20,
    initialRect: { width: 600, height: 400 },
  });
  // A search brings its first match into view: in a long body it may be far below.
  useEffect(() => {
    if (query === '') return;
    const first = rows.findIndex((r) => r.match);
    if (first >= 0) v.scrollToIndex(first, { align: 'center' });
  }, [query, rows, v]);
  const toggle = (id: string): void =>
    setExpanded((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  return (
    <>
      {query !== '' && (
        <p className="body-note muted" role="status">
          {search.matches.size === 0
            ? 'No match'
            : `${search.matches.size} matching ${search.matches.size === 1 ? 'line' : 'lines'}`}
        </p>
      )}
      <div className="tree" ref={scroller} role="tree">
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const row = rows[item.index];
            return row === undefined ? null : (
              <TreeLine key={row.node.id} row={row} top={item.start} toggle={toggle} {...props} />
            );
          })}
        </div>
      </div>
    </>
  );
}

function TreeLine({
  row,
  top,
  toggle,
  format,
  apiOrigin,
  onFollow,
}: {
  row: TreeRow;
  top: number;
  toggle: (id: string) => void;
  format: 'json' | 'xml';
  apiOrigin: string | null;
  onFollow: (t: FollowTarget) => void;
}) {
  const n = row.node;
  const branch = n.children.length > 0;
  const link = n.link;
  const target =
    link !== null && apiOrigin !== null ? followTarget(link.href, link.mediaType, apiOrigin, format) : null;
  const linkEl =
    link === null ? null : target !== null ? (
      <a
        href={target.url}
        className="href-link"
        data-testid="href-link"
        title={`GET ${target.url} (Accept: ${target.accept})`}
        onClick={(e) => {
          e.preventDefault();
          onFollow(target);
        }}
      >
        {link.href}
      </a>
    ) : (
      <span className="value-string" title="Leaves the API origin: not followed">
        {link.href}
      </span>
    );
  return (
    <div
      className={`tree-row${row.match ? ' match' : ''}`}
      role="treeitem"
      aria-expanded={branch ? row.expanded : undefined}
      aria-level={n.depth + 1}
      style={{
        transform: `translateY(${top}px)`,
        paddingLeft: `${Math.max(0, n.depth - (format === 'json' ? 1 : 0)) * 14 + 4}px`,
      }}
    >
      {branch ? (
        <button
          type="button"
          className="twisty"
          aria-label={row.expanded ? 'Collapse' : 'Expand'}
          onClick={() => toggle(n.id)}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="twisty" />
      )}
      {format === 'xml' ? <XmlLine n={n} row={row} linkEl={linkEl} /> : <JsonLine n={n} row={row} linkEl={linkEl} />}
    </div>
  );
}

function JsonLine({ n, row, linkEl }: { n: TreeNode; row: TreeRow; linkEl: React.ReactNode }) {
  return (
    <>
      {n.key !== null && <span className="key">{n.key}</span>}
      {n.key !== null && <span className="punct">: </span>}
      {n.children.length > 0 || n.kind === 'object' || n.kind === 'array' ? (
        <span className="muted">
          {row.expanded ? (n.kind === 'array' ? `Array(${n.children.length})` : '') : summary(n)}
        </span>
      ) : (
        (linkEl ?? <span className={`value-${n.kind}`}>{n.kind === 'string' ? JSON.stringify(n.value) : n.value}</span>)
      )}
    </>
  );
}

function XmlLine({ n, row, linkEl }: { n: TreeNode; row: TreeRow; linkEl: React.ReactNode }) {
  return (
    <>
      <span className="x-tag">&lt;{n.key}</span>
      {n.attrs.map((a) =>
        a.name === 'href' && linkEl !== null ? (
          <span key={a.name}>
            {' '}
            <span className="attr">href</span>
            <span className="punct">=</span>"{linkEl}"
          </span>
        ) : (
          <span key={a.name}>
            {' '}
            <span className="attr">{a.name}</span>
            <span className="punct">=</span>
            <span className="value-string">"{a.value}"</span>
          </span>
        ),
      )}
      <span className="x-tag">&gt;</span>
      {n.value !== null && n.value !== '' && <span className="value-text">{n.value}</span>}
      {n.children.length > 0 && !row.expanded && <span className="muted"> {summary(n)}</span>}
    </>
  );
}
