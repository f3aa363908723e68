/**
 * A structural diff of two answers, for the replay view: jsondiffpatch matches the items of eZ's
 * lists by identity (`_id`, `_href`, `id`), not by position, so one item gone from a 5,000-item
 * list is one change, not 4,999. The delta is flattened into a list of changes with readable
 * paths; what did not change is only counted (the view collapses it).
 */
import { create, type Delta } from 'jsondiffpatch';
import type { HeaderPair } from '../domain/capture';

export interface Change {
  /** `User.email`, `ContentList.ContentInfo[id=57]`, `Version.Fields.field[2].fieldValue` */
  path: string;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  before?: unknown;
  after?: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** eZ objects carry `_href` (JSON) or an `href` attribute (XML, `@href` once a plain value), and often an id. */
function identity(o: unknown, index?: number): string {
  if (isObj(o)) {
    for (const k of ['_id', 'id', '@id', '_href', 'href', '@href', '_remoteId']) {
      const v = o[k];
      if (typeof v === 'string' || typeof v === 'number') return `${k}=${v}`;
    }
  }
  return `$$index:${index ?? 0}`;
}

const differ = create({ objectHash: identity, arrays: { detectMove: true, includeValueOnMove: false } });

const label = (item: unknown, index: number): string => {
  const id = identity(item, index);
  return id.startsWith('$$index:') ? `[${index}]` : `[${id}]`;
};

function flatten(delta: Delta, path: string, before: unknown, out: Change[]): void {
  if (delta === undefined) return;
  if (Array.isArray(delta)) {
    if (delta.length === 1) out.push({ path, kind: 'added', after: delta[0] });
    else if (delta.length === 2) out.push({ path, kind: 'changed', before: delta[0], after: delta[1] });
    else if (delta[2] === 0) out.push({ path, kind: 'removed', before: delta[0] });
    else if (delta[2] === 3) out.push({ path, kind: 'moved', before: delta[1] });
    return;
  }
  if (!isObj(delta)) return;
  if ((delta as Record<string, unknown>)._t === 'a') {
    const arr = Array.isArray(before) ? before : [];
    for (const [k, d] of Object.entries(delta)) {
      if (k === '_t') continue;
      const removed = k.startsWith('_');
      const i = Number(removed ? k.slice(1) : k);
      const item = removed ? arr[i] : Array.isArray(d) && d.length === 1 ? d[0] : arr[i];
      flatten(d as Delta, `${path}${label(item, i)}`, arr[i], out);
    }
    return;
  }
  for (const [k, d] of Object.entries(delta))
    flatten(d as Delta, path === '' ? k : `${path}.${k}`, isObj(before) ? before[k] : undefined, out);
}

function leaves(v: unknown): number {
  if (Array.isArray(v)) return v.reduce<number>((n, x) => n + leaves(x), 0);
  if (isObj(v)) return Object.values(v).reduce<number>((n, x) => n + leaves(x), 0);
  return 1;
}

export interface BodyDiff {
  changes: Change[];
  /** leaf values of the replay's body that did not change */
  unchanged: number;
}

export function diffBodies(before: unknown, after: unknown): BodyDiff {
  const delta = differ.diff(before, after);
  const changes: Change[] = [];
  flatten(delta, '', before, changes);
  return { changes, unchanged: Math.max(0, leaves(after) - changes.length) };
}

/** Headers that differ on every answer and say nothing about the replay. */
const NOISE = new Set(['date', 'age', 'expires', 'x-debug-token', 'x-debug-token-link', 'x-request-id', 'set-cookie']);

export function diffHeaders(before: readonly HeaderPair[], after: readonly HeaderPair[]): Change[] {
  const map = (hs: readonly HeaderPair[]) => {
    const m = new Map<string, string>();
    for (const h of hs) {
      const k = h.name.toLowerCase();
      m.set(k, m.has(k) ? `${m.get(k)}, ${h.value}` : h.value);
    }
    return m;
  };
  const a = map(before);
  const b = map(after);
  const out: Change[] = [];
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    if (NOISE.has(k)) continue;
    const x = a.get(k);
    const y = b.get(k);
    if (x === y) continue;
    out.push(
      x === undefined
        ? { path: k, kind: 'added', after: y }
        : y === undefined
          ? { path: k, kind: 'removed', before: x }
          : { path: k, kind: 'changed', before: x, after: y },
    );
  }
  return out;
}
