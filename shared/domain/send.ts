/** A request the worker sends for the panel (following a link, and replays), and its answer. */
import type { HeaderPair } from './capture';

/**
 * Whom the request runs as. `jar`: the browser's cookies for the origin, as the page's own
 * requests carry them; `anonymous`: no cookie, no Authorization; `as-captured`: the Authorization
 * and cookies a captured request carried (the worker holds them).
 */
export type SendIdentity = { kind: 'jar' } | { kind: 'anonymous' } | { kind: 'as-captured'; id: string };

export interface ExploreAnswer {
  url: string;
  status: number;
  statusText: string;
  /** the answer's headers, secrets masked */
  headers: HeaderPair[];
  /** the request's headers as sent, secrets masked */
  requestHeaders: HeaderPair[];
  body: string;
  /** the body was longer than the worker hands over (5 MiB) */
  truncated: boolean;
  timeMs: number;
  /** the network failure or refusal, in words; status is 0 then */
  error: string | null;
}
