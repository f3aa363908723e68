import { describe, expect, it } from 'vitest';
import type { CaptureSource } from '../domain/capture';
import { authCarried } from './auth';
import { withView, type CapturedEntry } from './entry';
import { MATCH_WINDOW_MS, Matcher, mergeEntries } from './merge';

let n = 0;
function e(
  source: CaptureSource,
  url: string,
  startedAt: number,
  status = 200,
  headers: Record<string, string> = {},
): CapturedEntry {
  const requestHeaders = Object.entries(headers).map(([name, value]) => ({ name, value }));
  return withView({
    id: `e${n++}`,
    sources: [source],
    workerId: source === 'worker' ? `7:${n}` : null,
    page: source === 'worker' ? 3 : 0,
    startedAt,
    timeMs: 5,
    method: 'GET',
    url: `http://x${url}`,
    status,
    statusText: '',
    error: null,
    kind: 'fetch',
    requestHeaders,
    responseHeaders: [],
    requestBody: null,
    size: source === 'devtools' ? 123 : null,
    mimeType: null,
    body: source === 'devtools' ? { where: 'devtools', key: `k${n}` } : { where: 'none', why: 'DevTools was closed' },
    auth: authCarried(requestHeaders),
  });
}

/** Feed entries in order through a matcher: what ends up in the list. */
function ingest(entries: CapturedEntry[]): Array<{ id: string; sources: string[] }> {
  const m = new Matcher();
  const list: CapturedEntry[] = [];
  for (const x of entries) {
    const other = m.take(x);
    if (other === null) {
      list.push(x);
      m.wait(x);
    } else {
      const i = list.indexOf(other);
      list[i] = withView(mergeEntries(other, x));
    }
  }
  return list.map((x) => ({ id: x.id, sources: x.sources }));
}

describe('merging the worker and DevTools into one list', () => {
  it('the same request from both sources is one entry, in the place of the first seen', () => {
    n = 0;
    const w = e('worker', '/a', 1000);
    const d = e('devtools', '/a', 1003);
    expect(ingest([w, d])).toEqual([{ id: w.id, sources: ['worker', 'devtools'] }]);
    expect(ingest([d, e('worker', '/a', 999)])).toEqual([{ id: d.id, sources: ['devtools', 'worker'] }]);
  });

  it('different URL, status or a start too far apart are different requests', () => {
    expect(ingest([e('worker', '/a', 0), e('devtools', '/b', 0)])).toHaveLength(2);
    expect(ingest([e('worker', '/a', 0, 200), e('devtools', '/a', 0, 401)])).toHaveLength(2);
    expect(ingest([e('worker', '/a', 0), e('devtools', '/a', MATCH_WINDOW_MS + 1)])).toHaveLength(2);
  });

  it('many identical requests pair up one to one, nearest in time', () => {
    const workers = Array.from({ length: 50 }, (_v, i) => e('worker', '/same', i * 10));
    const devtools = Array.from({ length: 50 }, (_v, i) => e('devtools', '/same', i * 10 + 1));
    const list = ingest([...workers, ...devtools]);
    expect(list).toHaveLength(50);
    expect(list.every((x) => x.sources.length === 2)).toBe(true);
  });

  it('imports and replays never merge', () => {
    expect(ingest([e('worker', '/a', 0), e('import', '/a', 0), e('replay', '/a', 0)])).toHaveLength(3);
  });

  it('the merged entry keeps what each source knows best', () => {
    const w = e('worker', '/a', 10, 200, { Cookie: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=abc' });
    const d = e('devtools', '/a', 11, 200, { Accept: 'application/json' });
    const m = mergeEntries(d, w);
    expect(m.id).toBe(d.id);
    expect(m.workerId).toBe(w.workerId);
    expect(m.page).toBe(3);
    expect(m.size).toBe(123);
    expect(m.body.where).toBe('devtools');
    expect(m.auth.scheme).toBe('session'); // the worker saw the Cookie Chrome's HAR left out
    expect(m.requestHeaders.map((h) => h.name)).toEqual(['Accept', 'Cookie']);
  });

  it('at 100,000 entries ingesting stays fast (the queues do not grow with the list)', () => {
    const started = performance.now();
    const list: CapturedEntry[] = [];
    for (let i = 0; i < 50_000; i++) list.push(e('worker', `/u/${i % 8}`, i), e('devtools', `/u/${i % 8}`, i + 1));
    expect(ingest(list)).toHaveLength(50_000);
    // a budget, not a benchmark: quadratic matching would take minutes here
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
