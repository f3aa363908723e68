/**
 * The search criteria of a ViewInput, parsed the way ezplatform-rest 1.3 parses them
 * (`Input/Parser/Criterion/*.php`, `Criterion::dispatchCriterion`): each one a predicate over a
 * content item and one of its locations. Parse errors are the upstream sentences.
 */
import type { ContentFixture, LocationFixture } from '../fixtures/content';
import { contentTypeByIdentifier } from '../fixtures/content-types';
import { SECTIONS } from '../fixtures/policies';
import { fullText } from '../trees/fields';

/** What a criterion looks at: a content item, and the location the hit is about (its main one for a ContentQuery). */
export interface Candidate {
  readonly content: ContentFixture;
  readonly location: LocationFixture;
}

export type Predicate = (c: Candidate) => boolean;

export class ParseError extends Error {}
/** ContentTypeService::loadContentTypeByIdentifier fails: a 404, not a 400. */
export class NotFound extends Error {
  constructor(
    readonly what: string,
    readonly identifier: string,
  ) {
    super(`${what} ${identifier}`);
  }
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : String(v ?? '').split(',')).map((s) => s.trim()).filter((s) => s !== '');
const ids = (v: unknown): number[] => list(v).map(Number);
const parentId = (l: LocationFixture): number => Number(l.pathString.split('/').filter(Boolean).slice(-2, -1)[0]);

type Builder = (value: unknown, parse: (name: string, value: unknown) => Predicate) => Predicate;

const BUILDERS: Readonly<Record<string, Builder>> = {
  ContentTypeIdentifierCriterion: (v) => {
    const types = list(v).map((identifier) => {
      const t = contentTypeByIdentifier(identifier);
      if (t === undefined) throw new NotFound('ContentType', identifier);
      return t.id;
    });
    return (c) => types.includes(c.content.contentTypeId);
  },
  ContentTypeIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.content.contentTypeId)
    )(ids(v)),
  ContentIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.content.id)
    )(ids(v)),
  ContentRemoteIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.content.remoteId)
    )(list(v)),
  LocationIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.location.id)
    )(ids(v)),
  LocationRemoteIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.location.remoteId)
    )(list(v)),
  ParentLocationIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(parentId(c.location))
    )(ids(v)),
  SubtreeCriterion: (v) =>
    (
      (paths) => (c: Candidate) =>
        paths.some((p) => c.location.pathString.startsWith(p))
    )(list(v)),
  SectionIdCriterion: (v) =>
    (
      (set) => (c: Candidate) =>
        set.includes(c.content.sectionId)
    )(ids(v)),
  SectionIdentifierCriterion: (v) => {
    const wanted = list(v).map((identifier) => SECTIONS.find((s) => s.identifier === identifier)?.id ?? -1);
    return (c) => wanted.includes(c.content.sectionId);
  },
  // Substring, case-insensitive: the legacy search engine's behaviour, good enough here.
  FullTextCriterion: (v) =>
    (
      (needle) => (c: Candidate) =>
        fullText(c.content).includes(needle)
    )(String(v ?? '').toLowerCase()),
  AND: (v, parse) => {
    const all = entries(v, 'AND').map(([n, d]) => parse(n, d));
    return (c) => all.every((p) => p(c));
  },
  OR: (v, parse) => {
    const any = entries(v, 'OR').map(([n, d]) => parse(n, d));
    return (c) => any.some((p) => p(c));
  },
  NOT: (v, parse) => {
    const inner = entries(v, 'NOT');
    if (inner.length > 1) throw new ParseError('NOT element can only contain one subitem');
    const [first] = inner;
    if (first === undefined) throw new ParseError('Invalid <NOT> format');
    const p = parse(first[0], first[1]);
    return (c) => !p(c);
  },
};

/**
 * Inside AND / OR / NOT, `{ A: x, B: [y, z] }` is [[A, x], [B, y], [B, z]]: a list value makes one
 * criterion per item (LogicalOperator::getFlattenedCriteriaData), so `{AND: {T: [a, b]}}` asks for
 * both at once. At the top of Filter/Query a list stays the criterion's value.
 */
function entries(v: unknown, tag: string, flatten = true): Array<[string, unknown]> {
  if (typeof v !== 'object' || v === null) throw new ParseError(`Invalid <${tag}> format`);
  if (Array.isArray(v)) return v.flatMap((x) => entries(x, tag, flatten));
  return Object.entries(v as Record<string, unknown>).flatMap(([name, data]) =>
    flatten && Array.isArray(data)
      ? data.map((d): [string, unknown] => [name, d])
      : [[name, data] as [string, unknown]],
  );
}

export function parseCriterion(name: string, value: unknown): Predicate {
  const build = BUILDERS[name];
  if (build === undefined) throw new ParseError(`Invalid Criterion id <${name}> in <AND>`);
  return build(value, parseCriterion);
}

/** A Filter or Query element: several criteria are ANDed (Query::processCriteriaArray). */
export function parseCriteria(v: unknown): Predicate | null {
  if (typeof v !== 'object' || v === null) return null;
  const all = entries(v, 'AND', false).map(([n, d]) => parseCriterion(n, d));
  if (all.length === 0) return null;
  return (c) => all.every((p) => p(c));
}
