/**
 * A response body as one tree for JSON and XML alike, so one flattened, virtualised view serves
 * both. Links (`_href` / `href` with their sibling media type) are found here, once. Nothing in
 * a body is ever markup: values stay strings and are rendered as text nodes.
 */
export type NodeKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'element' | 'text';

export interface TreeNode {
  /** the path from the root, unique in the tree: the key of expansion state */
  id: string;
  depth: number;
  /** the JSON key (or index), the XML element name; null for the root value and text nodes */
  key: string | null;
  kind: NodeKind;
  /** a leaf's value as text; an XML element's only text, when it has no element children */
  value: string | null;
  /** XML attributes */
  attrs: Array<{ name: string; value: string }>;
  /** the link this node is (JSON `_href`) or carries (XML `href` attribute) */
  link: { href: string; mediaType: string | null } | null;
  children: TreeNode[];
  /** lower-cased key, value and attributes, for search */
  search: string;
}

export type ParsedBody =
  | { format: 'json'; root: TreeNode; value: unknown; nodes: number }
  | { format: 'xml'; root: TreeNode; nodes: number }
  | { format: 'text'; error: string | null };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function node(id: string, depth: number, key: string | null, kind: NodeKind, value: string | null): TreeNode {
  return {
    id,
    depth,
    key,
    kind,
    value,
    attrs: [],
    link: null,
    children: [],
    search: `${key ?? ''} ${value ?? ''}`.toLowerCase(),
  };
}

export function jsonTree(value: unknown): { root: TreeNode; nodes: number } {
  let nodes = 0;
  const walk = (
    v: unknown,
    id: string,
    depth: number,
    key: string | null,
    siblings: Record<string, unknown> | null,
  ): TreeNode => {
    nodes++;
    if (Array.isArray(v)) {
      const n = node(id, depth, key, 'array', null);
      n.children = v.map((c, i) => walk(c, `${id}/${i}`, depth + 1, String(i), null));
      return n;
    }
    if (isObj(v)) {
      const n = node(id, depth, key, 'object', null);
      n.children = Object.keys(v).map((k) => walk(v[k], `${id}/${k.replace(/\//g, '~1')}`, depth + 1, k, v));
      return n;
    }
    const kind: NodeKind =
      v === null
        ? 'null'
        : typeof v === 'string'
          ? 'string'
          : typeof v === 'number'
            ? 'number'
            : typeof v === 'boolean'
              ? 'boolean'
              : 'string';
    const n = node(id, depth, key, kind, v === null ? 'null' : String(v));
    if ((key === '_href' || key === 'href') && typeof v === 'string' && siblings !== null) {
      const media = siblings['_media-type'] ?? siblings['media-type'];
      n.link = { href: v, mediaType: typeof media === 'string' ? media : null };
    }
    return n;
  };
  const root = walk(value, '', 0, null, null);
  return { root, nodes };
}

/** An XML document (DOMParser output) as the same tree. */
export function xmlTree(doc: Document): { root: TreeNode; nodes: number } {
  let nodes = 0;
  const walk = (el: Element, id: string, depth: number): TreeNode => {
    nodes++;
    const elements = Array.from(el.children);
    const text = elements.length === 0 ? (el.textContent ?? '') : null;
    const n = node(id, depth, el.tagName, 'element', text);
    n.attrs = Array.from(el.attributes, (a) => ({ name: a.name, value: a.value }));
    n.search += ` ${n.attrs.map((a) => `${a.name}=${a.value}`).join(' ')}`.toLowerCase();
    const href = el.getAttribute('href');
    if (href !== null) n.link = { href, mediaType: el.getAttribute('media-type') };
    n.children = elements.map((c, i) => walk(c, `${id}/${i}`, depth + 1));
    return n;
  };
  return { root: walk(doc.documentElement, '', 0), nodes };
}

/** Parse by what the text is, the Content-Type only breaking a tie: servers mislabel bodies. */
export function parseBody(text: string, contentType: string | null): ParsedBody {
  const trimmed = text.trimStart();
  const looksJson = trimmed.startsWith('{') || trimmed.startsWith('[') || /json/i.test(contentType ?? '');
  if (trimmed === '') return { format: 'text', error: null };
  if (looksJson && !trimmed.startsWith('<')) {
    try {
      const value: unknown = JSON.parse(text);
      return { format: 'json', value, ...jsonTree(value) };
    } catch (e) {
      return { format: 'text', error: `Not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  if (trimmed.startsWith('<') && typeof DOMParser !== 'undefined') {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const err = doc.getElementsByTagName('parsererror')[0];
    if (err !== undefined)
      return { format: 'text', error: `Not well-formed XML: ${(err.textContent ?? '').trim().slice(0, 300)}` };
    return { format: 'xml', ...xmlTree(doc) };
  }
  return { format: 'text', error: null };
}

/** An XML tree as a plain value, for the diff: elements by name, attributes under `@name`, repeated names as lists. */
export function treeValue(n: TreeNode): unknown {
  if (n.kind !== 'element') return n.value;
  const out: Record<string, unknown> = {};
  for (const a of n.attrs) out[`@${a.name}`] = a.value;
  if (n.children.length === 0) {
    if (n.attrs.length === 0) return n.value ?? '';
    if (n.value !== null && n.value !== '') out['#text'] = n.value;
    return out;
  }
  for (const c of n.children) {
    const k = c.key ?? '#';
    const v = treeValue(c);
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  // The root keeps its name, as a JSON answer's single key does.
  return n.depth === 0 ? { [n.key ?? 'root']: out } : out;
}
