/**
 * The small structural slices of the extension APIs the background modules use. Modules take
 * these as arguments instead of importing `browser`, so unit tests inject in-memory fakes
 * (extension/platform/testing/fakes.ts) and never need a browser.
 */
/** The subset of a DNR rule this extension writes (Chrome's and Firefox's typings differ). */
export interface DnrRule {
  id: number;
  priority?: number;
  action: {
    type: 'modifyHeaders';
    requestHeaders: { header: string; operation: 'set' | 'remove'; value?: string }[];
  };
  condition: {
    regexFilter: string;
    isUrlFilterCaseSensitive?: boolean;
    resourceTypes: string[];
    /** the extension's own origin host: its requests set their Authorization themselves */
    excludedInitiatorDomains?: string[];
    /** only requests from these initiators (the replay's Cookie rule: the extension itself) */
    initiatorDomains?: string[];
    /** -1: requests from no tab (the extension's worker) */
    tabIds?: number[];
  };
}

export interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface CookieInfo {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  session: boolean;
  expirationDate?: number;
  storeId: string;
}

export interface CookieSetDetails {
  url: string;
  name: string;
  value: string;
  path?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'no_restriction' | 'lax' | 'strict';
  expirationDate?: number;
  domain?: string;
}

export interface CookieChange {
  removed: boolean;
  cookie: CookieInfo;
  cause: string;
}

export interface CookiesApi {
  /** always called with a `url`, so only cookies the browser would send to that URL come back */
  getAll(details: { url: string; name?: string }): Promise<CookieInfo[]>;
  set(details: CookieSetDetails): Promise<unknown>;
  remove(details: { url: string; name: string }): Promise<unknown>;
}

export interface DnrApi {
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  getSessionRules(): Promise<DnrRule[]>;
}

export interface TabInfo {
  id?: number;
  url?: string;
}

export interface TabsApi {
  get(tabId: number): Promise<TabInfo>;
}

/** What the page exposes for the REST client: see page-csrf.ts for where it looks. */
export interface PageCsrf {
  token: string | null;
  source: 'meta' | 'localStorage' | null;
}

export interface ScriptingApi {
  /** Reads the CSRF token the page exposes. Rejects when the page cannot be scripted. */
  readPageCsrf(tabId: number): Promise<PageCsrf>;
  /** Sends a request from inside the page (its origin, its cookies). Rejects when it cannot run there. */
  fetchInPage(tabId: number, req: PageFetchRequest): Promise<PageFetchAnswer>;
}

export interface PageFetchRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: string | null;
}

export interface PageFetchAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  error: string | null;
}

export interface PermissionsApi {
  hasHostPermission(origin: string): Promise<boolean>;
}

/** Everything the background needs from the browser, in one injectable bundle. */
export interface Apis {
  session: StorageArea;
  local: StorageArea;
  cookies: CookiesApi;
  dnr: DnrApi;
  tabs: TabsApi;
  scripting: ScriptingApi;
  permissions: PermissionsApi;
  /** the extension's own fetch (the worker's global), injectable for tests */
  fetch: typeof fetch;
  now(): number;
}
