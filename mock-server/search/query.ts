/**
 * A ViewInput (version 1.1, ezplatform-rest 1.3 `Input/Parser/ViewInputOneDotOne.php` and
 * `Query.php`): ContentQuery or LocationQuery with Filter / Query criteria, limit, offset and
 * sort clauses, run over the repository and filtered by what the caller may read.
 */
import type { Repository } from '../fixtures/repository';
import { NotFound, ParseError, parseCriteria, type Candidate } from './criteria';

export interface ViewQuery {
  identifier: string;
  kind: 'content' | 'location';
  filter: ((c: Candidate) => boolean) | null;
  limit: number;
  offset: number;
  sort: Array<{ by: string; ascending: boolean }>;
}

const SORTS: Readonly<Record<string, (c: Candidate) => string | number>> = {
  ContentId: (c) => c.content.id,
  ContentName: (c) => c.content.name.toLowerCase(),
  DatePublished: (c) => c.content.published,
  DateModified: (c) => c.content.modified,
  SectionIdentifier: (c) => c.content.sectionId,
  LocationPriority: (c) => c.location.priority,
  LocationDepth: (c) => c.location.pathString.split('/').length,
  LocationPath: (c) => c.location.pathString,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed query, or the upstream sentence of what is wrong (a NotFound for an unknown content type). */
export function parseViewInput(input: unknown, unknownType: (media: string) => string): ViewQuery {
  if (!isRecord(input) || !('identifier' in input))
    throw new ParseError('Missing <identifier> attribute for <ViewInput>.');
  const content = input.ContentQuery;
  const location = input.LocationQuery;
  const q = isRecord(content) ? content : isRecord(location) ? location : null;
  if (q === null) throw new ParseError('Missing <ContentQuery> or <LocationQuery> attribute for <ViewInput>.');
  const filters = [parseCriteria(q.Filter), parseCriteria(q.Query)].filter((f) => f !== null);
  const sort: ViewQuery['sort'] = [];
  if (isRecord(q.SortClauses)) {
    for (const [by, value] of Object.entries(q.SortClauses)) {
      for (const direction of Array.isArray(value) ? value : [value]) {
        if (SORTS[by] === undefined) throw new ParseError(unknownType(`internal.sortclause.${by}`));
        if (direction !== 'ascending' && direction !== 'descending')
          throw new ParseError(`Invalid direction format in the <${by}> Sort Clause`);
        sort.push({ by, ascending: direction === 'ascending' });
      }
    }
  }
  return {
    identifier: String(input.identifier),
    kind: isRecord(content) ? 'content' : 'location',
    filter: filters.length === 0 ? null : (c) => filters.every((f) => f(c)),
    limit: q.limit === undefined ? 25 : Math.max(0, Math.trunc(Number(q.limit)) || 0),
    offset: q.offset === undefined ? 0 : Math.max(0, Math.trunc(Number(q.offset)) || 0),
    sort,
  };
}

export interface SearchOutcome {
  total: number;
  hits: Candidate[];
}

/** Every candidate the caller may read that matches, sorted, then the page [offset, offset+limit). */
export function runQuery(repo: Repository, userId: number, q: ViewQuery): SearchOutcome {
  const candidates: Candidate[] = [];
  for (const content of repo.content.values()) {
    if (!repo.canRead(userId, content)) continue;
    const locations =
      q.kind === 'content' ? [repo.locations.get(content.mainLocationId)] : repo.locationsOf(content.id);
    for (const location of locations) {
      if (location === undefined) continue;
      const c = { content, location };
      if (q.filter === null || q.filter(c)) candidates.push(c);
    }
  }
  candidates.sort((a, b) => {
    for (const s of q.sort) {
      const key = SORTS[s.by];
      if (key === undefined) continue;
      const [x, y] = [key(a), key(b)];
      if (x !== y) return (x < y ? -1 : 1) * (s.ascending ? 1 : -1);
    }
    return a.content.id - b.content.id;
  });
  return { total: candidates.length, hits: candidates.slice(q.offset, q.offset + q.limit) };
}

export { NotFound, ParseError };
