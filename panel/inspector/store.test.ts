import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../shared/testing/entries';
import { EntryStore } from './store';

const url = (p: string): string => `http://127.0.0.1:8080/api/ezp/v2${p}`;

describe('EntryStore', () => {
  it('keeps arrival order and finds entries by id', () => {
    const s = new EntryStore();
    const a = makeEntry({ url: url('/a') });
    const b = makeEntry({ url: url('/b') });
    s.add([a, b]);
    expect(s.all().map((e) => e.id)).toEqual([a.id, b.id]);
    expect(s.get(b.id)?.url).toBe(url('/b'));
    expect(s.version).toBe(1);
  });

  it('merges the worker and DevTools records of one request into the first one’s place', () => {
    const s = new EntryStore();
    const w = makeEntry({
      source: 'worker',
      url: url('/users/14'),
      startedAt: 1000,
      headers: { Cookie: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=x' },
    });
    const other = makeEntry({ url: url('/other'), startedAt: 1001 });
    const d = makeEntry({ source: 'devtools', url: url('/users/14'), startedAt: 1003 });
    s.add([w, other]);
    s.add([d]);
    expect(s.size).toBe(2);
    const merged = s.get(w.id);
    expect(merged?.sources).toEqual(['worker', 'devtools']);
    expect(merged?.body).toEqual({ where: 'devtools', key: d.id });
    expect(merged?.view.badge.kind).toBe('session');
    expect(s.get(d.id)).toBeUndefined();
  });

  it('drops the oldest over capacity, counts them, and still merges what remains', () => {
    const s = new EntryStore(3);
    const es = [1, 2, 3, 4, 5].map((i) => makeEntry({ source: 'worker', url: url(`/${i}`), startedAt: 1000 + i }));
    s.add(es);
    expect(s.all().map((e) => e.url)).toEqual([url('/3'), url('/4'), url('/5')]);
    expect(s.dropped).toBe(2);
    expect(s.get(es[0]!.id)).toBeUndefined();
    // a DevTools twin of a dropped entry is a new entry; of a kept one, a merge
    s.add([makeEntry({ url: url('/1'), startedAt: 1001 }), makeEntry({ url: url('/4'), startedAt: 1004 })]);
    expect(s.size).toBe(3);
    expect(s.dropped).toBe(3);
    expect(s.get(es[3]!.id)?.sources).toEqual(['worker', 'devtools']);
  });

  it('update replaces in place; retain keeps a subset; clear forgets everything', () => {
    const s = new EntryStore();
    const a = makeEntry({ url: url('/a'), startedAt: 10 });
    const b = makeEntry({ url: url('/b'), startedAt: 20 });
    s.add([a, b]);
    s.update(a.id, (e) => ({ ...e, status: 404 }));
    expect(s.get(a.id)?.status).toBe(404);
    s.update('nope', (e) => e);
    s.retain((e) => e.startedAt >= 15);
    expect(s.all().map((e) => e.id)).toEqual([b.id]);
    expect(s.get(a.id)).toBeUndefined();
    s.clear();
    expect(s.size).toBe(0);
    expect(s.dropped).toBe(0);
  });

  it('tells subscribers about every change', () => {
    const s = new EntryStore();
    let calls = 0;
    const off = s.subscribe(() => calls++);
    s.add([makeEntry()]);
    s.add([]);
    s.clear();
    off();
    s.add([makeEntry()]);
    expect(calls).toBe(2);
  });

  it('merges 10,000 twins (each found at its queue’s head)', () => {
    const s = new EntryStore(100_000);
    const worker = Array.from({ length: 10_000 }, (_, i) =>
      makeEntry({ source: 'worker', url: url(`/c/${i}`), startedAt: i }),
    );
    const devtools = Array.from({ length: 10_000 }, (_, i) => makeEntry({ url: url(`/c/${i}`), startedAt: i + 1 }));
    s.add(worker);
    s.add(devtools);
    expect(s.size).toBe(10_000);
    expect(s.all().every((e) => e.sources.length === 2)).toBe(true);
  });
});

describe('EntryStore onDrop', () => {
  it('hears of every entry that leaves, however it leaves', () => {
    const gone: string[] = [];
    const s = new EntryStore(2, (e) => gone.push(e.url));
    s.add(['/a', '/b', '/c'].map((p, i) => makeEntry({ url: url(p), startedAt: i })));
    s.retain((e) => !e.url.endsWith('/b'));
    s.clear();
    expect(gone).toEqual([url('/a'), url('/b'), url('/c')]);
  });
});

describe('EntryStore pairing', () => {
  it('a new DevTools record does not take an older worker record of the same URL that DevTools never saw', () => {
    const s = new EntryStore();
    const early = makeEntry({ source: 'worker', url: url('/user/users/14'), startedAt: 10_000 });
    s.add([early]);
    const d = makeEntry({ source: 'devtools', url: url('/user/users/14'), startedAt: 11_200 });
    s.add([d]);
    const w = makeEntry({ source: 'worker', url: url('/user/users/14'), startedAt: 11_199 });
    s.add([w]);
    expect(s.all().map((e) => [e.id, e.sources.join('+')])).toEqual([
      [early.id, 'worker'],
      [d.id, 'devtools+worker'],
    ]);
  });
});

describe('EntryStore capacity', () => {
  it('a lower limit drops the oldest now and counts them; a higher one keeps what is there', () => {
    const s = new EntryStore(5);
    s.add([1, 2, 3, 4, 5].map((i) => makeEntry({ url: url(`/${i}`), startedAt: i * 1000 })));
    s.setCapacity(2);
    expect(s.all().map((e) => e.url)).toEqual([url('/4'), url('/5')]);
    expect(s.dropped).toBe(3);
    s.setCapacity(10);
    s.setCapacity(0);
    s.setCapacity(Number.NaN);
    expect(s.capacity).toBe(10);
    expect(s.size).toBe(2);
  });
});
