/**
 * THE contract between the panel (and devtools page) and the background worker.
 *
 * `REQUESTS` maps each request name to the guard of its params and its result type; `EVENTS`
 * maps each pushed event name to the guard of its payload. The TypeScript types both sides use
 * are derived from these maps, so a new message is one entry, renaming a field breaks the build
 * on both sides, and no message can exist without a guard. Nothing else may call
 * `runtime.sendMessage` / `port.postMessage` with a hand-built object: use the envelope builders.
 * The shapes the messages carry live in `shared/domain/`.
 */
import type { AuthState } from './domain/auth';
import type { CookieView } from './domain/auth';
import type { ObservedRequest } from './domain/capture';
import type { ExploreAnswer, SendIdentity } from './domain/send';
import type { ReplayAnswer, ReplayIdentity, SavedIdentityView } from './domain/replay';
import type { TabId } from './domain/ids';
import { asTabId } from './domain/ids';
import type { Result } from './domain/result';
import type { Check } from './guards';
import { arrayOf, boolean, brand, count, isRecord, nullable, oneOf, shape, string, text } from './guards';

// ---------------------------------------------------------------------------------------------
// Guards for the values messages carry
// ---------------------------------------------------------------------------------------------
const tabId = brand<TabId>(count);
/** Typed fields stay small: nobody types a megabyte into a login box. */
const field = text(4096);
const tabOnly = shape({ tabId });

/** A pushed state must carry a tab and a usable revision: the panel orders states by it. */
const authState = shape({ tabId, revision: count }) as unknown as Check<AuthState>;

/** The fields the panel relies on; the rest of a record is read defensively where it is shown. */
const observedRequest = shape({
  id: string,
  page: count,
  method: string,
  url: string,
  status: count,
}) as unknown as Check<ObservedRequest>;
/** URLs and header names the panel sends are bounded too (an 8 KiB URL is already absurd). */
const url = text(16_384);
const identity = (v: unknown): v is SendIdentity =>
  isRecord(v) &&
  (v.kind === 'jar' ||
    v.kind === 'anonymous' ||
    (v.kind === 'as-captured' && typeof v.id === 'string' && v.id.length < 200));

const headerPair = shape({ name: text(200), value: text(16_384) });
/** A replayed request: bounded like everything the panel sends (a body up to 10 MiB). */
const outgoing = shape({
  method: text(40),
  url,
  headers: arrayOf(headerPair, 200),
  body: nullable(text(10 * 1024 * 1024)),
});
const replayIdentity = (v: unknown): v is ReplayIdentity =>
  isRecord(v) &&
  (v.kind === 'anonymous' ||
    v.kind === 'page-session' ||
    v.kind === 'panel-session' ||
    (v.kind === 'as-captured' && typeof v.id === 'string' && v.id.length < 200) ||
    (v.kind === 'saved' && typeof v.name === 'string' && v.name.length <= 40));

// ---------------------------------------------------------------------------------------------
// The request map: name -> params guard (-> params type) and result type
// ---------------------------------------------------------------------------------------------
interface RequestSpec<P, R> {
  readonly params: Check<P>;
  /** phantom: carries the result type, never set */
  readonly result?: R;
}
const answers =
  <R>() =>
  <P>(params: Check<P>): RequestSpec<P, R> => ({ params });

export const REQUESTS = {
  /** Current state for a tab (detects the target on first use). */
  'state.get': answers<AuthState>()(tabOnly),
  /** Re-run detection of the API target from the tab's origin. */
  'target.detect': answers<AuthState>()(tabOnly),
  /** The user typed an API base (origin + prefix) and/or a SiteAccess. */
  'target.set': answers<AuthState>()(shape({ tabId, base: field, siteAccess: nullable(field) })),
  'session.login': answers<AuthState>()(shape({ tabId, login: field, password: field, siteAccess: nullable(field) })),
  'session.logout': answers<AuthState>()(tabOnly),
  'session.refresh': answers<AuthState>()(tabOnly),
  /** Ask the API again who it thinks you are. */
  'identity.check': answers<AuthState>()(tabOnly),
  /** The user closed the notice: it is gone for every panel of the tab. */
  'notice.dismiss': answers<AuthState>()(shape({ tabId, at: count })),
  'basic.apply': answers<AuthState>()(shape({ tabId, user: field, password: field, remember: boolean })),
  'basic.clear': answers<AuthState>()(tabOnly),
  'cookies.list': answers<CookieView[]>()(tabOnly),
  /** Explicit user action: show one cookie's value. */
  'cookies.reveal': answers<{ value: string }>()(shape({ tabId, name: string })),
  /** What the worker has seen of the tab's requests (even before DevTools was opened). */
  'capture.list': answers<{ page: number; dropped: number; entries: ObservedRequest[] }>()(tabOnly),
  'capture.clear': answers<{ cleared: true }>()(tabOnly),
  /** Explicit user action: the real value of a masked header of a captured request. */
  'capture.reveal': answers<{ value: string }>()(shape({ tabId, id: text(200), header: text(200) })),
  /** Follow a link: a GET to the tab's API origin, as an identity, answered with status, headers and body. */
  'explore.get': answers<ExploreAnswer>()(shape({ tabId, url, accept: text(500), identity })),
  /** Send a request again, as is or edited, as an identity (by the worker, or from the page). */
  'replay.send': answers<ReplayAnswer>()(
    shape({ tabId, request: outgoing, identity: replayIdentity, csrf: boolean, fromPage: boolean }),
  ),
  /** The saved identities of the tab's API origin (never their passwords). */
  'identity.list': answers<SavedIdentityView[]>()(tabOnly),
  'identity.save': answers<SavedIdentityView[]>()(
    shape({
      tabId,
      name: text(40),
      kind: oneOf(['session', 'basic'] as const),
      user: field,
      password: field,
      remember: boolean,
    }),
  ),
  'identity.remove': answers<SavedIdentityView[]>()(shape({ tabId, name: text(40) })),
} as const;

type Specs = typeof REQUESTS;
export type RequestName = keyof Specs;
export type ParamsOf<N extends RequestName> = Specs[N] extends RequestSpec<infer P, unknown> ? P : never;
export type ResultOf<N extends RequestName> = Specs[N] extends RequestSpec<unknown, infer R> ? R : never;
export type Requests = { [N in RequestName]: { params: ParamsOf<N>; result: ResultOf<N> } };
export const REQUEST_NAMES = Object.keys(REQUESTS) as RequestName[];

// ---------------------------------------------------------------------------------------------
// The pushed-event map: name -> payload guard. Every payload names its tab.
// ---------------------------------------------------------------------------------------------
export const EVENTS = {
  'state.changed': authState,
  /** Requests of the tab the worker saw finish since the last push (batched). */
  'capture.entries': shape({ tabId, entries: arrayOf(observedRequest, 5000) }),
  /** The tab navigated: requests from now on belong to `page`. */
  'capture.navigated': shape({ tabId, page: count, url }),
} as const satisfies Record<string, Check<{ tabId: TabId }>>;

export type EventName = keyof typeof EVENTS;
export type Events = { [E in EventName]: (typeof EVENTS)[E] extends Check<infer T> ? T : never };
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
/** One pushed event, as a tagged union a listener can switch on. */
export type AnyEvent = { [E in EventName]: { name: E; payload: Events[E] } }[EventName];

// ---------------------------------------------------------------------------------------------
// Envelopes and guards. A message is trusted only after its guard passed.
// ---------------------------------------------------------------------------------------------
export const PROTOCOL_TAG = 'ez-rest-devtools/v1' as const;

export interface RequestEnvelope<N extends RequestName = RequestName> {
  tag: typeof PROTOCOL_TAG;
  kind: 'request';
  id: string;
  name: N;
  params: ParamsOf<N>;
}

export interface EventEnvelope<E extends EventName = EventName> {
  tag: typeof PROTOCOL_TAG;
  kind: 'event';
  name: E;
  payload: Events[E];
}

/** Port name the panel uses to subscribe to events for one tab: `panel:<tabId>`. */
export const panelPortName = (id: TabId): string => `panel:${id}`;
export const parsePanelPortName = (name: string): TabId | null => {
  const m = /^panel:(\d+)$/.exec(name);
  return m ? asTabId(Number(m[1])) : null;
};

/** Default time a request may take before the caller gives up (login against a slow server). */
export const REQUEST_TIMEOUT_MS = 15_000;

const isKnown = <M extends object>(map: M, name: unknown): name is keyof M =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(map, name);

export function isRequestEnvelope(v: unknown): v is RequestEnvelope {
  if (!isRecord(v) || v.tag !== PROTOCOL_TAG || v.kind !== 'request') return false;
  if (typeof v.id !== 'string' || !isRecord(v.params) || !isKnown(REQUESTS, v.name)) return false;
  return REQUESTS[v.name].params(v.params);
}

export function isEventEnvelope(v: unknown): v is EventEnvelope {
  if (!isRecord(v) || v.tag !== PROTOCOL_TAG || v.kind !== 'event' || !isKnown(EVENTS, v.name)) return false;
  return EVENTS[v.name](v.payload);
}

export function isResult(v: unknown): v is Result<unknown> {
  if (!isRecord(v)) return false;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && isRecord(v.error) && typeof v.error.code === 'string' && typeof v.error.message === 'string';
}

export function makeRequest<N extends RequestName>(name: N, params: ParamsOf<N>, id: string): RequestEnvelope<N> {
  return { tag: PROTOCOL_TAG, kind: 'request', id, name, params };
}

export function makeEvent<E extends EventName>(name: E, payload: Events[E]): EventEnvelope<E> {
  return { tag: PROTOCOL_TAG, kind: 'event', name, payload };
}
