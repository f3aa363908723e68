// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseBody } from './build';
import { defaultExpanded, searchTree, summary, visibleRows } from './flatten';

const root = JSON.stringify({
  Root: {
    '_media-type': 'application/vnd.ez.api.Root+json',
    content: { '_media-type': 'application/vnd.ez.api.ContentInfo+json', _href: '/api/ezp/v2/content/objects' },
    list: [{ _href: '/a' }, { _href: 'javascript:alert(1)' }],
  },
});

describe('parseBody', () => {
  it('JSON: a tree with links and their media types', () => {
    const b = parseBody(root, 'application/vnd.ez.api.Root+json');
    expect(b.format).toBe('json');
    if (b.format !== 'json') return;
    const content = b.root.children[0]?.children[1];
    expect(content?.key).toBe('content');
    expect(content?.children.find((c) => c.key === '_href')?.link).toEqual({
      href: '/api/ezp/v2/content/objects',
      mediaType: 'application/vnd.ez.api.ContentInfo+json',
    });
    expect(b.nodes).toBe(11);
  });

  it('XML: elements, attributes, text and href links', () => {
    const b = parseBody(
      '<?xml version="1.0"?><Root media-type="application/vnd.ez.api.Root+xml"><content media-type="application/vnd.ez.api.ContentInfo+xml" href="/api/ezp/v2/content/objects"/><name>Home &amp; away</name></Root>',
      'application/vnd.ez.api.Root+xml',
    );
    expect(b.format).toBe('xml');
    if (b.format !== 'xml') return;
    expect(b.root.key).toBe('Root');
    expect(b.root.children[0]?.link).toEqual({
      href: '/api/ezp/v2/content/objects',
      mediaType: 'application/vnd.ez.api.ContentInfo+xml',
    });
    expect(b.root.children[1]?.value).toBe('Home & away');
  });

  it.each([
    ['broken JSON', '{"a":', 'application/json', /Not valid JSON/],
    ['broken XML', '<a><b></a>', 'application/xml', /Not well-formed XML/],
    ['plain text', 'hello', 'text/plain', null],
    ['empty', '', 'application/json', null],
  ])('%s is text, with the reason when it claimed a format', (_n, text, ct, err) => {
    const b = parseBody(text, ct);
    expect(b.format).toBe('text');
    if (b.format === 'text') {
      if (err === null) expect(b.error).toBeNull();
      else expect(b.error).toMatch(err);
    }
  });

  it('markup in a body stays a string value', () => {
    const b = parseBody('{"x":"<img src=x onerror=alert(1)>"}', 'application/json');
    expect(b.format === 'json' && b.root.children[0]?.value).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('flattening', () => {
  const b = parseBody(root, 'application/json');
  if (b.format !== 'json') throw new Error('json expected');

  it('a small body opens fully; collapsing hides a branch', () => {
    const open = defaultExpanded(b.root, b.nodes);
    expect(visibleRows(b.root, open, searchTree(b.root, ''))).toHaveLength(11);
    open.delete('/Root/list');
    expect(visibleRows(b.root, open, searchTree(b.root, ''))).toHaveLength(7);
  });

  it('a search opens the ancestors of matches and marks them', () => {
    const s = searchTree(b.root, 'javascript');
    const rows = visibleRows(b.root, new Set(), s);
    expect(rows.filter((r) => r.match).map((r) => r.node.id)).toEqual(['/Root/list/1/_href']);
    expect(rows.map((r) => r.node.id)).toEqual([
      '',
      '/Root',
      '/Root/_media-type',
      '/Root/content',
      '/Root/list',
      '/Root/list/0',
      '/Root/list/1',
      '/Root/list/1/_href',
    ]);
  });

  it('summaries', () => {
    expect(summary(b.root)).toBe('{1}');
    expect(summary(b.root.children[0]!.children[2]!)).toBe('[2]');
  });
});

describe('treeValue (XML for the diff)', () => {
  it('elements by name, attributes as @name, repeats as lists, the root by its name', async () => {
    const { treeValue } = await import('./build');
    const b = parseBody(
      '<List href="/l"><Item href="/a" id="1">x</Item><Item href="/b"/><name>n</name></List>',
      'application/xml',
    );
    if (b.format !== 'xml') throw new Error('xml expected');
    expect(treeValue(b.root)).toEqual({
      List: { '@href': '/l', Item: [{ '@href': '/a', '@id': '1', '#text': 'x' }, { '@href': '/b' }], name: 'n' },
    });
  });
});
