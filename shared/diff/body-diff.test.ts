import { describe, expect, it } from 'vitest';
import { diffBodies, diffHeaders } from './body-diff';

const item = (id: number, name = `Item ${id}`) => ({ _href: `/api/ezp/v2/content/objects/${id}`, _id: id, name });
const list = (items: unknown[]) => ({ ContentList: { '_media-type': 'x', ContentInfo: items } });

describe('diffBodies', () => {
  it('the same answer: no change, everything unchanged', () => {
    const a = { User: { login: 'admin', email: 'a@x' } };
    expect(diffBodies(a, structuredClone(a))).toEqual({ changes: [], unchanged: 2 });
  });

  it('a 200 User against a 401 ErrorMessage: one removed, one added', () => {
    const d = diffBodies({ User: { login: 'admin' } }, { ErrorMessage: { errorCode: 401 } });
    expect(d.changes.map((c) => [c.kind, c.path])).toEqual([
      ['removed', 'User'],
      ['added', 'ErrorMessage'],
    ]);
  });

  it('list items matched by identity: one item gone from 5,000 is one change', () => {
    const big = Array.from({ length: 5000 }, (_, i) => item(i));
    const fewer = big.filter((x) => x._id !== 1234);
    const d = diffBodies(list(big), list(fewer));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ kind: 'removed', path: 'ContentList.ContentInfo[_id=1234]' });
  });

  it('a changed field inside a matched item, and an added item, are named by the item', () => {
    const d = diffBodies(list([item(1), item(2)]), list([item(1, 'Renamed'), item(2), item(3)]));
    expect(d.changes).toEqual([
      { path: 'ContentList.ContentInfo[_id=1].name', kind: 'changed', before: 'Item 1', after: 'Renamed' },
      { path: 'ContentList.ContentInfo[_id=3]', kind: 'added', after: item(3) },
    ]);
  });

  it('items without identity fall back to position', () => {
    const d = diffBodies({ a: [1, 2, 3] }, { a: [1, 5, 3] });
    expect(d.changes.map((c) => c.kind).sort()).toEqual(['added', 'removed']);
  });
});

describe('diffHeaders', () => {
  it('by name, case-insensitively, without the noise of Date and Set-Cookie', () => {
    const d = diffHeaders(
      [
        { name: 'Content-Type', value: 'application/vnd.ez.api.User+json' },
        { name: 'Date', value: '1' },
        { name: 'ETag', value: '"1"' },
      ],
      [
        { name: 'content-type', value: 'application/vnd.ez.api.ErrorMessage+json' },
        { name: 'Date', value: '2' },
        { name: 'WWW-Authenticate', value: 'Basic' },
      ],
    );
    expect(d).toEqual([
      {
        path: 'content-type',
        kind: 'changed',
        before: 'application/vnd.ez.api.User+json',
        after: 'application/vnd.ez.api.ErrorMessage+json',
      },
      { path: 'etag', kind: 'removed', before: '"1"' },
      { path: 'www-authenticate', kind: 'added', after: 'Basic' },
    ]);
  });
});
