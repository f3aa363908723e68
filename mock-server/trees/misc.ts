/**
 * The smaller resources, as their REST visitors write them (ezplatform-rest 1.3
 * `ValueObjectVisitor/`): Section, Role, Policy (with its limitations), ObjectStateGroup and
 * ObjectState, ContentObjectStates, UrlAlias, UrlWildcard, TrashItem.
 */
import { crc32 } from 'node:zlib';
import type { Policy, RoleFixture, SectionFixture } from '../fixtures/policies';
import type { Repository } from '../fixtures/repository';
import type {
  GlobalAliasFixture,
  ObjectStateFixture,
  ObjectStateGroupFixture,
  TrashFixture,
  UrlWildcardFixture,
} from '../fixtures/site';
import { link, node } from '../core/results';
import type { Node } from '../core/types';
import { contentNode } from './content';
import { LANGUAGE } from './fields';

const names = (text: string): Node =>
  node(undefined, {}, { value: [node(undefined, { languageCode: LANGUAGE }, { '#text': text })] });

export function sectionNode(s: SectionFixture): Node {
  return node(
    'Section',
    { href: `/content/sections/${s.id}` },
    { sectionId: s.id, identifier: s.identifier, name: s.name },
  );
}

export function roleNode(r: RoleFixture): Node {
  return node(
    'Role',
    { href: `/user/roles/${r.id}` },
    {
      identifier: r.identifier,
      Policies: link('PolicyList', `/user/roles/${r.id}/policies`),
    },
  );
}

/**
 * A limitation's values go into `ref` elements' `href` as they are, not as links
 * (`ValueObjectVisitor::visitLimitation`): section ids, and a SiteAccess as the CRC32 of its name
 * (`site` is 1766001124). So these hrefs are not under the API prefix, and nothing follows them.
 */
const ref = (value: string | number): Node => ({ media: 'ref', attrs: { href: String(value) } });

function limitations(p: Policy): Record<string, Node> {
  const lim = p.limitation;
  if (lim === undefined) return {};
  const entries: Node[] = [];
  if (lim.Section)
    entries.push(
      node(undefined, { identifier: 'Section' }, { values: node(undefined, {}, { ref: lim.Section.map(ref) }) }),
    );
  if (lim.SiteAccess) {
    const values = lim.SiteAccess.map((sa) => ref(crc32(sa)));
    entries.push(node(undefined, { identifier: 'SiteAccess' }, { values: node(undefined, {}, { ref: values }) }));
  }
  return { limitations: node(undefined, {}, { limitation: entries }) };
}

export function policyNode(roleId: number, p: Policy): Node {
  return node(
    'Policy',
    { href: `/user/roles/${roleId}/policies/${p.id}` },
    {
      id: p.id,
      module: p.module,
      function: p.fn,
      ...limitations(p),
    },
  );
}

export function policyListNode(href: string, roleId: number, policies: readonly Policy[]): Node {
  return node('PolicyList', { href }, { Policy: policies.map((p) => policyNode(roleId, p)) });
}

export function objectStateGroupNode(g: ObjectStateGroupFixture): Node {
  return node(
    'ObjectStateGroup',
    { href: `/content/objectstategroups/${g.id}` },
    {
      id: g.id,
      identifier: g.identifier,
      defaultLanguageCode: LANGUAGE,
      languageCodes: LANGUAGE,
      ObjectStates: link('ObjectStateList', `/content/objectstategroups/${g.id}/objectstates`),
      names: names(g.name),
      descriptions: names(''),
    },
  );
}

export function objectStateNode(g: ObjectStateGroupFixture, s: ObjectStateFixture): Node {
  return node(
    'ObjectState',
    { href: `/content/objectstategroups/${g.id}/objectstates/${s.id}` },
    {
      id: s.id,
      identifier: s.identifier,
      priority: s.priority,
      ObjectStateGroup: link('ObjectStateGroup', `/content/objectstategroups/${g.id}`),
      defaultLanguageCode: LANGUAGE,
      languageCodes: LANGUAGE,
      names: names(s.name),
      descriptions: names(''),
    },
  );
}

/** Every content item is in the default state of each group (clean data). */
export function contentObjectStatesNode(groups: readonly ObjectStateGroupFixture[]): Node {
  return node(
    'ContentObjectStates',
    {},
    {
      ObjectState: groups.flatMap((g) =>
        g.states[0] ? [link('ObjectState', `/content/objectstategroups/${g.id}/objectstates/${g.states[0].id}`)] : [],
      ),
    },
  );
}

export interface AliasView {
  id: string;
  type: 'LOCATION' | 'RESOURCE';
  path: string;
  locationPath: string | null;
  resource: string;
}

export function urlAliasNode(a: AliasView): Node {
  const location: Record<string, Node> =
    a.locationPath === null ? {} : { location: link('Location', `/content/locations/${a.locationPath}`) };
  return node(
    'UrlAlias',
    { href: `/content/urlaliases/${a.id}`, id: a.id, type: a.type },
    {
      ...location,
      resource: a.resource,
      path: a.path,
      languageCodes: node(undefined, {}, { value: [LANGUAGE] }),
      alwaysAvailable: true,
      isHistory: false,
      forward: false,
      custom: a.type === 'RESOURCE',
    },
  );
}

export const globalAliasView = (g: GlobalAliasFixture): AliasView => ({
  id: g.id,
  type: 'RESOURCE',
  path: g.path,
  locationPath: null,
  resource: g.resource,
});

export function urlWildcardNode(w: UrlWildcardFixture): Node {
  return node(
    'UrlWildcard',
    { href: `/content/urlwildcards/${w.id}`, id: w.id },
    {
      sourceUrl: `/${w.source}`,
      destinationUrl: `/${w.destination}`,
      forward: w.forward,
    },
  );
}

export function trashItemNode(repo: Repository, t: TrashFixture): Node {
  const parts = t.pathString.replace(/^\/|\/$/g, '').split('/');
  const c = repo.content.get(t.contentId);
  return node(
    'TrashItem',
    { href: `/content/trash/${t.id}` },
    {
      id: t.id,
      priority: 0,
      hidden: false,
      invisible: false,
      ParentLocation: link('Location', `/content/locations/${parts.slice(0, -1).join('/')}`),
      pathString: t.pathString,
      depth: parts.length - 1,
      childCount: 0,
      remoteId: `trash${t.id}`,
      Content: link('Content', `/content/objects/${t.contentId}`),
      sortField: 'PATH',
      sortOrder: 'ASC',
      ...(c
        ? {
            ContentInfo: node(
              'ContentInfo',
              { href: `/content/objects/${c.id}` },
              { Content: contentNode(repo, c, false) },
            ),
          }
        : {}),
    },
  );
}
