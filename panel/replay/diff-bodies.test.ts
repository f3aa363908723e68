// @vitest-environment happy-dom
/**
 * The replay diff over real eZ answers in both formats: XML is compared as the same structure as
 * JSON (attributes as `@name`), so a list item is matched by its `href` in XML as by `_href` in
 * JSON, and a changed value inside it is named by the item.
 */
import { describe, expect, it } from 'vitest';
import { diffBodies } from '../../shared/diff/body-diff';
import { bodyValue, type Side } from './DiffView';

const side = (body: string, type: string): Side => ({
  status: 200,
  headers: [{ name: 'Content-Type', value: type }],
  body,
});

const xmlList = (ids: number[], nameOf = (id: number) => `Item ${id}`): string =>
  `<?xml version="1.0" encoding="UTF-8"?><ContentList media-type="application/vnd.ez.api.ContentList+xml">${ids
    .map(
      (id) =>
        `<ContentInfo href="/api/ezp/v2/content/objects/${id}" media-type="application/vnd.ez.api.ContentInfo+xml"><Content><Name>${nameOf(id)}</Name></Content></ContentInfo>`,
    )
    .join('')}</ContentList>`;

const jsonList = (ids: number[], nameOf = (id: number) => `Item ${id}`): string =>
  JSON.stringify({
    ContentList: {
      _media_type: 'application/vnd.ez.api.ContentList+json',
      ContentInfo: ids.map((id) => ({ _href: `/api/ezp/v2/content/objects/${id}`, Content: { Name: nameOf(id) } })),
    },
  });

const XML = 'application/vnd.ez.api.ContentList+xml';
const JSON_TYPE = 'application/vnd.ez.api.ContentList+json';

describe.each([
  ['xml', xmlList, XML, '@href'],
  ['json', jsonList, JSON_TYPE, '_href'],
] as const)('replay diff of a %s list', (_f, list, type, key) => {
  const ids = Array.from({ length: 50 }, (_, i) => i + 1);

  it('one item gone from the middle is one removed item, named by its link', () => {
    const d = diffBodies(bodyValue(side(list(ids), type)), bodyValue(side(list(ids.filter((i) => i !== 25)), type)));
    expect(d.changes).toHaveLength(1);
    expect(d.changes[0]).toMatchObject({ kind: 'removed' });
    expect(d.changes[0]?.path).toContain(`[${key}=/api/ezp/v2/content/objects/25]`);
  });

  it('a renamed item is one changed value inside that item', () => {
    const renamed = list(ids, (id) => (id === 7 ? 'Renamed' : `Item ${id}`));
    const d = diffBodies(bodyValue(side(list(ids), type)), bodyValue(side(renamed, type)));
    expect(d.changes).toEqual([expect.objectContaining({ kind: 'changed', before: 'Item 7', after: 'Renamed' })]);
    expect(d.changes[0]?.path).toContain(`[${key}=/api/ezp/v2/content/objects/7]`);
    expect(d.unchanged).toBeGreaterThan(50);
  });
});

it('a body that is neither JSON nor XML is compared as text', () => {
  const d = diffBodies(bodyValue(side('plain one', 'text/plain')), bodyValue(side('plain two', 'text/plain')));
  expect(d.changes).toEqual([expect.objectContaining({ kind: 'changed', before: 'plain one', after: 'plain two' })]);
});
