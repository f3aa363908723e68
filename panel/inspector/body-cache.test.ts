import { describe, expect, it } from 'vitest';
import { BodyCache } from './body-cache';

/** a body costing `bytes` (text and its lower-cased copy, two bytes per code unit) */
const body = (bytes: number, ch = 'A'): string => ch.repeat(bytes / 4);

describe('BodyCache', () => {
  const rows: Array<{ name: string; budget: number; puts: Array<[string, number]>; gets?: string[]; kept: string[] }> =
    [
      {
        name: 'keeps what fits',
        budget: 1000,
        puts: [
          ['a', 400],
          ['b', 400],
        ],
        kept: ['a', 'b'],
      },
      {
        name: 'drops the least recently set',
        budget: 1000,
        puts: [
          ['a', 400],
          ['b', 400],
          ['c', 400],
        ],
        kept: ['b', 'c'],
      },
      {
        name: 'a get makes a body recent',
        budget: 1000,
        puts: [
          ['a', 400],
          ['b', 400],
        ],
        gets: ['a'],
        kept: ['a', 'c'],
      },
      {
        name: 'a body over the budget is not kept',
        budget: 1000,
        puts: [
          ['a', 400],
          ['big', 2000],
        ],
        kept: ['a'],
      },
      {
        name: 'setting an id again replaces it',
        budget: 1000,
        puts: [
          ['a', 400],
          ['a', 800],
        ],
        kept: ['a'],
      },
    ];
  for (const r of rows) {
    it(r.name, () => {
      const c = new BodyCache(r.budget);
      for (const [id, bytes] of r.puts) c.set(id, body(bytes));
      for (const id of r.gets ?? []) c.get(id);
      if (r.gets) c.set('c', body(400));
      const kept = ['a', 'b', 'c', 'big'].filter((id) => c.get(id) !== undefined);
      expect(kept).toEqual(r.kept);
      expect(c.bytes).toBeLessThanOrEqual(r.budget);
    });
  }

  it('hands back a body it cannot keep, and counts bytes exactly', () => {
    const c = new BodyCache(100);
    expect(c.set('x', body(400)).text).toHaveLength(100);
    expect(c.bytes).toBe(0);
    c.set('y', 'AbC');
    expect(c.bytes).toBe(12);
    expect(c.peekLower('y')).toBe('abc');
    c.delete('y');
    expect(c.bytes).toBe(0);
    expect(c.peekLower('y')).toBeNull();
  });

  it('peekLower does not change which body goes first', () => {
    const c = new BodyCache(1000);
    c.set('a', body(400));
    c.set('b', body(400));
    c.peekLower('a');
    c.set('c', body(400));
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')).toBeDefined();
  });
});
