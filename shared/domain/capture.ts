/**
 * A captured request, whichever context saw it: the worker (webRequest, metadata only), DevTools
 * (HAR entries, with bodies on request), an imported HAR file, or a replay. The panel merges the
 * sources into one list (shared/capture/merge.ts).
 */

export interface HeaderPair {
  name: string;
  value: string;
}

export type CaptureSource = 'worker' | 'devtools' | 'import' | 'replay';

/** What authentication a request carried, read off the headers the browser really sent. */
export interface AuthCarried {
  /** what the server will judge the request by first: an Authorization scheme beats a cookie */
  scheme: 'basic' | 'bearer' | 'session' | 'none';
  /** the user name of a Basic header */
  basicUser: string | null;
  /** the eZ session cookies it sent, each with its SiteAccess when the name is a known one */
  sessionCookies: { name: string; siteAccess: string | null }[];
  /** the X-Siteaccess it asked for (null: the server's default) */
  siteAccess: string | null;
  /** an X-CSRF-Token header was sent */
  csrfToken: boolean;
}

/** What the worker saw of one request of a tab (no bodies: webRequest gives none). */
export interface ObservedRequest {
  /** unique per browser session: `<tabId>:<webRequest requestId>` */
  id: string;
  /** counts the tab's top-level navigations: the page the request belongs to */
  page: number;
  startedAt: number;
  /** when the answer (or the failure) came; null while pending */
  endedAt: number | null;
  method: string;
  url: string;
  /** webRequest's resource type: `xmlhttprequest` for fetch/XHR, `main_frame` for a navigation */
  type: string;
  /** 0 until answered, and for a request that failed */
  status: number;
  statusLine: string;
  /** the network error, when it failed (net::ERR_CONNECTION_REFUSED …) */
  error: string | null;
  /** as sent, secret values masked (the worker keeps the real ones) */
  requestHeaders: HeaderPair[];
  responseHeaders: HeaderPair[];
  auth: AuthCarried;
  fromCache: boolean;
}
