/** The two messages between run.ts and a forked child.ts, with guards for the receiving side. */

/** Parent -> baseline child: the exact bytes and type to answer with. */
export interface StartBaseline {
  bodyBase64: string;
  contentType: string;
  /** true: only write the fixed body (no draining of a request body): the fastest node:http can be */
  minimal: boolean;
}

/** Parent -> child: how much CPU time (user + system, µs) have you used so far? */
export interface CpuQuery {
  query: 'cpu';
}

/** Child -> parent: listening at `ready`, could not start, or the answer to a CpuQuery. */
export type ChildReply = { ready: string } | { failed: string } | { cpuMicros: number };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

export function isStartBaseline(m: unknown): m is StartBaseline {
  return (
    isObject(m) &&
    typeof m.bodyBase64 === 'string' &&
    typeof m.contentType === 'string' &&
    typeof m.minimal === 'boolean'
  );
}

export function isCpuQuery(m: unknown): m is CpuQuery {
  return isObject(m) && m.query === 'cpu';
}

export function isChildReply(m: unknown): m is ChildReply {
  return (
    isObject(m) && (typeof m.ready === 'string' || typeof m.failed === 'string' || typeof m.cpuMicros === 'number')
  );
}
