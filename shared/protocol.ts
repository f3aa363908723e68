/**
 * THE contract between the panel (and devtools page) and the background worker.
 *
 * Every cross-context message is declared here once: `Requests` maps a request name to its
 * params and result, `Events` maps a pushed event name to its payload. Both sides derive their
 * types from these maps, so renaming a field breaks the build on both sides. Nothing else may
 * call `runtime.sendMessage` / `port.postMessage` with a hand-built object: use the envelope
 * builders and guards below.
 */

// ---------------------------------------------------------------------------------------------
// Branded ids: a tab id and a window id are both numbers; the brand stops them being mixed.
// ---------------------------------------------------------------------------------------------
export type TabId = number & { readonly __brand: 'TabId' };
export const asTabId = (n: number): TabId => n as TabId;

/** `scheme://host[:port]` exactly as `new URL(x).origin` gives it. */
export type Origin = string & { readonly __brand: 'Origin' };
export const asOrigin = (s: string): Origin => new URL(s).origin as Origin;

// ---------------------------------------------------------------------------------------------
// Domain shapes carried by messages
// ---------------------------------------------------------------------------------------------

/** Where the REST API lives for the inspected tab. */
export interface ApiTarget {
  /** e.g. `http://127.0.0.1:8080` */
  origin: Origin;
  /** path prefix, no trailing slash: `/api/ezp/v2` (eZ Platform) or `/api/ibexa/v2` (Ibexa 4+) */
  prefix: string;
  /** which media-type vendor the server speaks: `vnd.ez.api` or `vnd.ibexa.api` */
  vendor: 'vnd.ez.api' | 'vnd.ibexa.api';
  /** X-Siteaccess to send, or null for the server's default SiteAccess */
  siteAccess: string | null;
  /** how the target was found: detected from the page, or typed by the user */
  source: 'detected' | 'default' | 'user';
}

/** The Session resource the server returned (§4.5 of the reference), as kept by the worker. */
export interface SessionInfo {
  name: string; // cookie name, eZSESSID + md5(siteaccess)
  identifier: string; // cookie value
  href: string; // Session._href, the DELETE url (path, as the server wrote it)
  csrfToken: string;
  userHref: string; // Session.User._href
  createdAt: number; // epoch ms, when the panel logged in
}

export interface UserSummary {
  id: number;
  login: string;
  name: string;
  href: string;
}

/** How a request to the API is (or would be) authenticated. */
export type AuthVia = 'panel-session' | 'page-session' | 'basic' | 'none';

/** Who the API thinks you are, as last checked by loading the current user. */
export interface Identity {
  kind: 'user' | 'anonymous' | 'unknown';
  via: AuthVia;
  user: UserSummary | null;
  checkedAt: number; // epoch ms
  /** a sentence for the user when the check itself failed (server down, no permission ...) */
  problem: string | null;
}

/** The visitor's own browser session, detected from the cookie jar and the page. */
export interface PageSession {
  cookieName: string;
  /** where the CSRF token was found, or null: then unsafe methods will fail */
  csrfSource: 'meta' | 'localStorage' | null;
  hasCsrfToken: boolean;
}

/** A cookie of the API origin as the panel may show it: value masked until revealed. */
export interface CookieView {
  name: string;
  maskedValue: string;
  path: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite: string;
  session: boolean; // no expiry
  /** true when the panel's login created it (so the extension may delete it) */
  ownedByExtension: boolean;
}

export interface BasicView {
  user: string; // never the password
  applied: boolean;
  remember: boolean;
}

/** Everything the panel renders for one tab. Pushed as `state.changed` whenever it changes. */
export interface AuthState {
  tabId: TabId;
  /**
   * Orders the states of one tab. The panel gets states on two channels that do not order
   * against each other (request answers and pushed `state.changed`), so it keeps the highest
   * revision it has seen and drops anything older; equal means the same stored change. The
   * worker bumps it on every stored change of the tab and never lets it go backwards, not even
   * across worker restarts or a tab record being recreated.
   */
  revision: number;
  /** the inspected page's URL, or null when the tab is gone */
  pageUrl: string | null;
  target: ApiTarget | null;
  /** whether the extension may talk to target.origin (optional host permission) */
  hostPermission: 'granted' | 'missing';
  panelSession: SessionInfo | null;
  pageSession: PageSession | null;
  basic: BasicView | null;
  identity: Identity | null;
  /** the last thing that went wrong, in words; cleared by the next successful action */
  notice: Notice | null;
  busy: boolean;
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Errors cross the boundary as values
// ---------------------------------------------------------------------------------------------
export type ErrorCode =
  | 'bad-request' // the message failed the guard
  | 'timeout' // no answer in time (the worker may have been restarting)
  | 'network' // the API server could not be reached
  | 'http' // the API answered with an error status
  | 'permission' // host permission missing or declined
  | 'no-tab' // the inspected tab is gone
  | 'no-target' // no API target known yet
  | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  /** a sentence a user can read, never a bare status code */
  message: string;
  status?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

// ---------------------------------------------------------------------------------------------
// The request map: name -> params -> result
// ---------------------------------------------------------------------------------------------
export interface Requests {
  /** Current state for a tab (detects the target on first use). */
  'state.get': { params: { tabId: TabId }; result: AuthState };
  /** Re-run detection of the API target from the tab's origin. */
  'target.detect': { params: { tabId: TabId }; result: AuthState };
  /** The user typed an API base (`http://host:port/api/ezp/v2`) and/or a SiteAccess. */
  'target.set': {
    params: { tabId: TabId; base: string; siteAccess: string | null };
    result: AuthState;
  };
  'session.login': {
    params: { tabId: TabId; login: string; password: string; siteAccess: string | null };
    result: AuthState;
  };
  'session.logout': { params: { tabId: TabId }; result: AuthState };
  'session.refresh': { params: { tabId: TabId }; result: AuthState };
  /** Load the current user again (who does the API think I am?). */
  'identity.check': { params: { tabId: TabId }; result: AuthState };
  'basic.apply': {
    params: { tabId: TabId; user: string; password: string; remember: boolean };
    result: AuthState;
  };
  'basic.clear': { params: { tabId: TabId }; result: AuthState };
  'cookies.list': { params: { tabId: TabId }; result: CookieView[] };
  /** Explicit user action: show one cookie's value. */
  'cookies.reveal': { params: { tabId: TabId; name: string }; result: { value: string } };
}

export type RequestName = keyof Requests;
export type ParamsOf<N extends RequestName> = Requests[N]['params'];
export type ResultOf<N extends RequestName> = Requests[N]['result'];

// ---------------------------------------------------------------------------------------------
// The pushed-event map: name -> payload
// ---------------------------------------------------------------------------------------------
export interface Events {
  'state.changed': AuthState;
}
export type EventName = keyof Events;

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

export interface EventEnvelope<N extends EventName = EventName> {
  tag: typeof PROTOCOL_TAG;
  kind: 'event';
  name: N;
  payload: Events[N];
}

/** Port name the panel uses to subscribe to events for one tab: `panel:<tabId>`. */
export const panelPortName = (tabId: TabId): string => `panel:${tabId}`;
export const parsePanelPortName = (name: string): TabId | null => {
  const m = /^panel:(\d+)$/.exec(name);
  return m ? asTabId(Number(m[1])) : null;
};

/** Default time a request may take before the caller gives up (login against a slow server). */
export const REQUEST_TIMEOUT_MS = 15_000;

export const REQUEST_NAMES: readonly RequestName[] = [
  'state.get',
  'target.detect',
  'target.set',
  'session.login',
  'session.logout',
  'session.refresh',
  'identity.check',
  'basic.apply',
  'basic.clear',
  'cookies.list',
  'cookies.reveal',
] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTabId = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): boolean => v === null || typeof v === 'string';
const isRevision = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Shape checks for each request's params. Keep in step with `Requests` (a test enforces it). */
export const PARAM_GUARDS: { [N in RequestName]: (p: Record<string, unknown>) => boolean } = {
  'state.get': (p) => isTabId(p.tabId),
  'target.detect': (p) => isTabId(p.tabId),
  'target.set': (p) => isTabId(p.tabId) && isString(p.base) && isNullableString(p.siteAccess),
  'session.login': (p) =>
    isTabId(p.tabId) && isString(p.login) && isString(p.password) && isNullableString(p.siteAccess),
  'session.logout': (p) => isTabId(p.tabId),
  'session.refresh': (p) => isTabId(p.tabId),
  'identity.check': (p) => isTabId(p.tabId),
  'basic.apply': (p) => isTabId(p.tabId) && isString(p.user) && isString(p.password) && typeof p.remember === 'boolean',
  'basic.clear': (p) => isTabId(p.tabId),
  'cookies.list': (p) => isTabId(p.tabId),
  'cookies.reveal': (p) => isTabId(p.tabId) && isString(p.name),
};

export function isRequestEnvelope(v: unknown): v is RequestEnvelope {
  if (!isObject(v) || v.tag !== PROTOCOL_TAG || v.kind !== 'request') return false;
  if (!isString(v.id) || !isString(v.name) || !isObject(v.params)) return false;
  const guard = (PARAM_GUARDS as Record<string, ((p: Record<string, unknown>) => boolean) | undefined>)[v.name];
  return guard !== undefined && guard(v.params);
}

export function isEventEnvelope(v: unknown): v is EventEnvelope {
  return (
    isObject(v) &&
    v.tag === PROTOCOL_TAG &&
    v.kind === 'event' &&
    v.name === 'state.changed' &&
    isObject(v.payload) &&
    isTabId(v.payload.tabId) &&
    // the panel orders states by it: a payload without one could never be placed
    isRevision(v.payload.revision)
  );
}

export function isResult(v: unknown): v is Result<unknown> {
  if (!isObject(v)) return false;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && isObject(v.error) && isString(v.error.code) && isString(v.error.message);
}

export function makeRequest<N extends RequestName>(name: N, params: ParamsOf<N>, id: string): RequestEnvelope<N> {
  return { tag: PROTOCOL_TAG, kind: 'request', id, name, params };
}

export function makeEvent<N extends EventName>(name: N, payload: Events[N]): EventEnvelope<N> {
  return { tag: PROTOCOL_TAG, kind: 'event', name, payload };
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, status?: number): Result<never> => ({
  ok: false,
  error: status === undefined ? { code, message } : { code, message, status },
});
