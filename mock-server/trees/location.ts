/**
 * Locations as the REST visitors write them (ezplatform-rest 1.3 `ValueObjectVisitor/RestLocation.php`,
 * `LocationList.php`): the Location with its ContentInfo embedded, and lists of Location links.
 */
import type { LocationFixture } from '../fixtures/content';
import type { Repository } from '../fixtures/repository';
import { link, node } from '../core/results';
import type { Node } from '../core/types';
import { contentNode } from './content';
import { locationPath } from './paths';

export const locationLink = (l: LocationFixture): Node => link('Location', `/content/locations/${locationPath(l)}`);

export function locationNode(repo: Repository, l: LocationFixture): Node {
  const path = locationPath(l);
  const parts = path.split('/');
  const c = repo.content.get(l.contentId);
  const children: Record<string, Node | string | number | boolean> = {
    id: l.id,
    priority: l.priority,
    hidden: false,
    invisible: false,
    explicitlyHidden: false,
  };
  // The tree root (1) has no parent: the visitor writes the element without a link.
  children.ParentLocation =
    path === '1' ? node('Location', {}) : link('Location', `/content/locations/${parts.slice(0, -1).join('/')}`);
  Object.assign(children, {
    pathString: l.pathString,
    depth: parts.length - 1,
    childCount: repo.children(l).length,
    remoteId: l.remoteId,
    Children: link('LocationList', `/content/locations/${path}/children`),
    // The tree root (1) holds no content item: no link to a content 0 that cannot be loaded.
    ...(c === undefined ? {} : { Content: link('Content', `/content/objects/${l.contentId}`) }),
    sortField: 'PATH',
    sortOrder: 'ASC',
    UrlAliases: link('UrlAliasRefList', `/content/locations/${path}/urlaliases`),
  });
  if (c !== undefined) {
    children.ContentInfo = node(
      'ContentInfo',
      { href: `/content/objects/${c.id}` },
      {
        Content: contentNode(repo, c, false),
      },
    );
  }
  return node('Location', { href: `/content/locations/${path}` }, children);
}

export function locationListNode(href: string, locations: readonly LocationFixture[]): Node {
  return node('LocationList', { href }, { Location: locations.map(locationLink) });
}
