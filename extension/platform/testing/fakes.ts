/**
 * Small in-memory stand-ins for the extension APIs, injected through the `Apis` bundle in unit
 * tests. They model just enough behaviour to be honest: the cookie jar matches by URL host (not
 * port, like browsers), DNR keeps rules by id, storage copies values like structured clone.
 */
import type { Apis, CookieInfo, CookieSetDetails, CookiesApi, DnrApi, DnrRule, PageCsrf, StorageArea } from '../apis';

export function memoryStorage(): StorageArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys) {
      const out: Record<string, unknown> = {};
      const wanted = keys === null || keys === undefined ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      for (const k of wanted) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

export interface FakeCookies extends CookiesApi {
  jar: CookieInfo[];
  /** what a page or server would do: put a cookie in the jar without the extension */
  put(host: string, name: string, value: string): void;
}

export function fakeCookies(): FakeCookies {
  const jar: CookieInfo[] = [];
  const matches = (c: CookieInfo, url: string): boolean => {
    const host = new URL(url).hostname;
    const d = c.domain.replace(/^\./, '');
    return c.hostOnly ? host === d : host === d || host.endsWith(`.${d}`);
  };
  const put = (details: CookieSetDetails): void => {
    const host = new URL(details.url).hostname;
    const domain = details.domain ?? host;
    const i = jar.findIndex(
      (c) => c.name === details.name && c.domain.replace(/^\./, '') === domain.replace(/^\./, ''),
    );
    if (i >= 0) jar.splice(i, 1);
    jar.push({
      name: details.name,
      value: details.value,
      domain,
      hostOnly: details.domain === undefined,
      path: details.path ?? '/',
      secure: details.secure ?? false,
      httpOnly: details.httpOnly ?? false,
      sameSite: details.sameSite ?? 'unspecified',
      session: details.expirationDate === undefined,
      ...(details.expirationDate === undefined ? {} : { expirationDate: details.expirationDate }),
      storeId: '0',
    });
  };
  return {
    jar,
    put: (host, name, value) => put({ url: `http://${host}/`, name, value }),
    async getAll({ url, name }) {
      return jar.filter((c) => matches(c, url) && (name === undefined || c.name === name)).map((c) => ({ ...c }));
    },
    async set(details) {
      put(details);
      return null;
    },
    async remove({ url, name }) {
      const i = jar.findIndex((c) => c.name === name && matches(c, url));
      if (i >= 0) jar.splice(i, 1);
      return null;
    },
  };
}

export function fakeDnr(): DnrApi & { rules: Map<number, DnrRule> } {
  const rules = new Map<number, DnrRule>();
  return {
    rules,
    async updateSessionRules({ removeRuleIds = [], addRules = [] }) {
      for (const id of removeRuleIds) rules.delete(id);
      for (const r of addRules) {
        if (rules.has(r.id)) throw new Error(`Rule with id ${r.id} does not have a unique ID.`);
        rules.set(r.id, structuredClone(r));
      }
    },
    async getSessionRules() {
      return [...rules.values()].map((r) => structuredClone(r));
    },
  };
}

export interface FakeApis extends Apis {
  session: ReturnType<typeof memoryStorage>;
  local: ReturnType<typeof memoryStorage>;
  cookies: FakeCookies;
  dnr: ReturnType<typeof fakeDnr>;
  /** tab id -> URL; a missing tab makes tabs.get reject like the browser does */
  tabUrls: Map<number, string>;
  pageCsrf: PageCsrf;
  granted: Set<string>;
}

/**
 * `fetch` is the real one by default (tests run the HTTP modules against the real mock server),
 * but a node fetch has no cookie jar: `credentials: 'include'` is emulated by adding the fake
 * jar's cookies for the URL, as the browser would, and Set-Cookie is NOT stored (the extension
 * stores cookies itself via cookies.set, see sessions.ts).
 */
/** The extension's host in unit tests (test-kit's Ctx.ownHost). */
export const FAKE_OWN_HOST = 'unit-test-extension-id';

export function fakeApis(overrides: Partial<Pick<Apis, 'fetch' | 'now'>> = {}): FakeApis {
  const cookies = fakeCookies();
  const apis: FakeApis = {
    session: memoryStorage(),
    local: memoryStorage(),
    cookies,
    dnr: fakeDnr(),
    tabUrls: new Map(),
    pageCsrf: { token: null, source: null },
    granted: new Set(['127.0.0.1', 'localhost']),
    tabs: {
      get: async (tabId) => {
        const url = apis.tabUrls.get(tabId);
        if (url === undefined) throw new Error(`No tab with id: ${tabId}.`);
        return { id: tabId, url };
      },
    },
    scripting: {
      readPageCsrf: async () => apis.pageCsrf,
      // The page's own fetch: with the jar's cookies, as the page would send them.
      fetchInPage: async (_tabId, req) => {
        const res = await apis.fetch(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body ?? undefined,
          credentials: 'include',
        });
        const headers: [string, string][] = [];
        res.headers.forEach((v, k) => headers.push([k, v]));
        return { status: res.status, statusText: res.statusText, headers, body: await res.text(), error: null };
      },
    },
    permissions: { hasHostPermission: async (origin) => apis.granted.has(new URL(origin).hostname) },
    fetch: async (input, init) => {
      const url = String(input);
      const headers = new Headers(init?.headers);
      if (init?.credentials === 'include') {
        const jar = await cookies.getAll({ url });
        if (jar.length) headers.set('Cookie', jar.map((c) => `${c.name}=${c.value}`).join('; '));
      }
      // The worker's own requests get what a session rule for them sets (the replay's Cookie
      // rule), as the browser's declarativeNetRequest would.
      for (const r of apis.dnr.rules.values()) {
        if (!r.condition.initiatorDomains?.includes(FAKE_OWN_HOST)) continue;
        if (!new RegExp(r.condition.regexFilter).test(url)) continue;
        for (const h of r.action.requestHeaders) {
          if (h.operation === 'set' && h.value !== undefined) headers.set(h.header, h.value);
          else headers.delete(h.header);
        }
      }
      return fetch(url, { ...init, headers });
    },
    now: () => Date.now(),
    ...overrides,
  };
  return apis;
}
