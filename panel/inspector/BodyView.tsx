/**
 * A body, readable: JSON and XML as one collapsible, searchable, coloured tree (virtualised:
 * a 5 MB body opens as fast as a small one), or raw with colour; copy either. Every `_href` /
 * `href` the API may be asked for is a link; one that leaves the API origin is plain text.
 * No body text is ever HTML: every value is a React text child.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { followTarget, type FollowTarget } from '../../shared/ez/follow';
import type { ParsedBody, TreeNode } from './tree/build';
import { defaultExpanded, searchTree, summary, visibleRows, type TreeRow } from './tree/flatten';
import { jsonTokens, prettyJson, xmlTokens, type Token } from './tree/tokens';
import { copyText } from './clipboard';

const TREE_ROW = 18;

interface Props {
  text: string;
  parsed: ParsedBody;
  /** the API origin links must stay on; null: follow nothing */
  apiOrigin: string | null;
  onFollow: (t: FollowTarget) => void;
  testId?: string;
}

export function BodyView({ text, parsed, apiOrigin, onFollow, testId = 'body-view' }: Props) {
  const [mode, setMode] = useState<'tree' | 'raw'>(parsed.format === 'text' ? 'raw' : 'tree');
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (): void => {
    const out = mode === 'tree' && parsed.format === 'json' ? prettyJson(parsed.value) : text;
    void copyText(out).then((ok) => setCopied(ok ? 'Copied' : 'Copy failed: select the raw text instead'));
  };
  return (
    <div className="body-view" data-testid={testId} data-format={parsed.format}>
      <div className="body-tools">
        {parsed.format !== 'text' && (
          <span className="segmented" role="group" aria-label="View">
            <button
              type="button"
              aria-pressed={mode === 'tree'}
              data-testid="body-tree"
              onClick={() => setMode('tree')}
            >
              {parsed.format === 'json' ? 'JSON' : 'XML'}
            </button>
            <button type="button" aria-pressed={mode === 'raw'} data-testid="body-raw" onClick={() => setMode('raw')}>
              Raw
            </button>
          </span>
        )}
        <input
          type="search"
          className="body-search"
          data-testid="body-search"
          placeholder="Find in body"
          aria-label="Find in body"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="small" data-testid="body-copy" onClick={copy}>
          Copy
        </button>
        {copied !== null && (
          <span className="muted" role="status">
            {copied}
          </span>
        )}
      </div>
      {parsed.format === 'text' && parsed.error !== null && (
        <p className="body-note muted">{parsed.error}; shown as text.</p>
      )}
      {mode === 'tree' && parsed.format !== 'text' ? (
        <Tree
          root={parsed.root}
          nodes={parsed.nodes}
          query={query.toLowerCase()}
          format={parsed.format}
          apiOrigin={apiOrigin}
          onFollow={onFollow}
        />
      ) : (
        <Raw text={text} format={parsed.format} query={query} />
      )}
    </div>
  );
}

function Tree(props: {
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

/** The text as it came, coloured by our own lexer, every token a text child. */
function Raw({ text, format, query }: { text: string; format: ParsedBody['format']; query: string }) {
  const tokens: Token[] = useMemo(
    () => (format === 'json' ? jsonTokens(text) : format === 'xml' ? xmlTokens(text) : [{ kind: 'text', text }]),
    [text, format],
  );
  const q = query.toLowerCase();
  const hits = useMemo(() => (q === '' ? 0 : text.toLowerCase().split(q).length - 1), [text, q]);
  return (
    <>
      {q !== '' && (
        <p className="body-note muted" role="status">
          {hits === 0 ? 'No match' : `${hits} ${hits === 1 ? 'match' : 'matches'}`}
        </p>
      )}
      <pre className="raw" data-testid="body-raw-text">
        {tokens.map((t, i) => (
          <span key={i} className={`tok-${t.kind}`}>
            {t.text}
          </span>
        ))}
      </pre>
    </>
  );
}
