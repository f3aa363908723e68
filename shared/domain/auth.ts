/** The auth side of a tab as the worker knows it and the panel shows it. */
import type { Vendor } from '../ez/flavours';
import type { Origin, TabId } from './ids';

/** Where the REST API lives for the inspected tab. */
export interface ApiTarget {
  /** e.g. `http://127.0.0.1:8080` */
  origin: Origin;
  /** path prefix, no trailing slash (one of shared/ez/flavours.ts, or typed by the user) */
  prefix: string;
  /** which media-type vendor the server speaks */
  vendor: Vendor;
  /** X-Siteaccess to send, or null for the server's default SiteAccess */
  siteAccess: string | null;
  /** how the target was found: detected from the page, a guess, or typed by the user */
  source: 'detected' | 'default' | 'user';
}

/** The Session resource the server returned on the panel's login, as kept by the worker. */
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

/**
 * Who the API thinks you are, as last checked by asking it. `unreachable`: the API did not answer
 * at all, so nothing is known (never shown as anonymous); `unknown`: it answered, but not who.
 */
export interface Identity {
  kind: 'user' | 'anonymous' | 'unknown' | 'unreachable';
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
  /** as many characters as the value (so revealing it does not move anything), first 4 shown */
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
  /** the last identity check saw the server refuse these credentials (401) */
  refused: boolean;
}

export interface Notice {
  level: 'info' | 'warning' | 'error';
  message: string;
  /** when the worker set it (epoch ms): tells a new notice from the same one pushed again */
  at: number;
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
  /** the outcome of the last action or background event, in words; replaced by the next one */
  notice: Notice | null;
  busy: boolean;
}
