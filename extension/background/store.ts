/**
 * All worker state lives in `storage.session` (memory, survives MV3 worker restarts, gone with the
 * browser) so a stopped worker loses nothing but its ports. Keys:
 *   tab:<tabId>                    TabRecord: page URL, API target, page session, identity, notice
 *   session:<origin>|<siteAccess>  StoredSession: the panel's login (Session body) + the cookie it replaced
 *   basic:<origin><prefix>         StoredBasic: Basic credentials and their DNR rule id
 *   owned:<origin>                 cookies the extension created (name+value), the only ones it may delete
 *   pagecsrf:<tabId>               the CSRF token read from the page (never sent to the panel)
 *   rev:<tabId>                    the tab's last revision (see putTab), kept when the record is dropped
 * Remembered Basic credentials (explicit opt-in) are mirrored in `storage.local` under `basic:...`.
 */
import type { ApiTarget, Identity, Notice, PageSession, SessionInfo } from '../../shared/domain';
import type { CookieInfo, StorageArea } from '../platform/apis';
import { createSerial } from './serial';

export interface TabRecord {
  pageUrl: string | null;
  target: ApiTarget | null;
  pageSession: PageSession | null;
  identity: Identity | null;
  /** the last identity check saw the server refuse the applied Basic credentials */
  basicRefused: boolean;
  notice: Notice | null;
  busy: boolean;
  /** the AuthState revision of this stored version; stamped by `putTab`, whatever the caller set */
  revision: number;
}

export const emptyTab = (pageUrl: string | null): TabRecord => ({
  pageUrl,
  target: null,
  pageSession: null,
  identity: null,
  basicRefused: false,
  notice: null,
  busy: false,
  revision: 0,
});

export type CookieSnapshot = Pick<
  CookieInfo,
  'name' | 'value' | 'path' | 'secure' | 'httpOnly' | 'sameSite' | 'expirationDate' | 'hostOnly' | 'domain'
>;

export interface StoredSession extends SessionInfo {
  /** the visitor's cookie of the same name that the login overwrote, restored on logout */
  replaced: CookieSnapshot | null;
}

export interface StoredBasic {
  origin: string;
  prefix: string;
  user: string;
  password: string;
  remember: boolean;
  ruleId: number;
}

export interface OwnedCookie {
  name: string;
  value: string;
}

const tabKey = (tabId: number): string => `tab:${tabId}`;
const sessionKey = (origin: string, siteAccess: string | null): string => `session:${origin}|${siteAccess ?? ''}`;
export const basicKey = (origin: string, prefix: string): string => `basic:${origin}${prefix}`;
const ownedKey = (origin: string): string => `owned:${origin}`;
const csrfKey = (tabId: number): string => `pagecsrf:${tabId}`;
const revKey = (tabId: number): string => `rev:${tabId}`;

export interface Store {
  getTab(tabId: number): Promise<TabRecord | null>;
  /** Store the record under the tab's next revision, and set `rec.revision` to it. */
  putTab(tabId: number, rec: TabRecord): Promise<void>;
  /** Forget the tab; answers the revision of that change (for the last state pushed to its panels). */
  dropTab(tabId: number): Promise<number>;
  allTabs(): Promise<Map<number, TabRecord>>;
  getSession(origin: string, siteAccess: string | null): Promise<StoredSession | null>;
  putSession(origin: string, siteAccess: string | null, s: StoredSession): Promise<void>;
  dropSession(origin: string, siteAccess: string | null): Promise<void>;
  getBasic(origin: string, prefix: string): Promise<StoredBasic | null>;
  putBasic(b: StoredBasic): Promise<void>;
  dropBasic(origin: string, prefix: string): Promise<void>;
  allBasics(): Promise<StoredBasic[]>;
  getOwned(origin: string): Promise<OwnedCookie[]>;
  putOwned(origin: string, list: OwnedCookie[]): Promise<void>;
  getPageCsrf(tabId: number): Promise<string | null>;
  putPageCsrf(tabId: number, token: string | null): Promise<void>;
}

export function createStore(session: StorageArea, local: StorageArea): Store {
  const get = async <T>(area: StorageArea, key: string): Promise<T | null> =>
    ((await area.get(key))[key] as T | undefined) ?? null;

  /*
   * Revisions come from a counter under its own key, `rev:<tabId>`, that dropTab leaves in place:
   * a record dropped (tab closed) or replaced (page moved to another origin) and then created again
   * continues from the last number, so a panel still open never sees the numbers go backwards. It
   * lives in storage.session, like the record, so a restarted worker continues it too; it costs
   * one number per inspected tab until the browser closes. Read-increment-write is async, so the
   * bumps of one tab run one after the other (concurrent handlers would otherwise read the same
   * number and store two different states under it).
   */
  const oneAtATime = createSerial<number>();
  const nextRevision = async (tabId: number): Promise<number> => ((await get<number>(session, revKey(tabId))) ?? 0) + 1;

  return {
    getTab: (tabId) => get<TabRecord>(session, tabKey(tabId)),
    putTab: (tabId, rec) =>
      oneAtATime(tabId, async () => {
        const revision = await nextRevision(tabId);
        // one set(): the record and the counter can never disagree after a worker dies mid-way
        await session.set({ [tabKey(tabId)]: { ...rec, revision }, [revKey(tabId)]: revision });
        rec.revision = revision;
      }),
    dropTab: (tabId) =>
      oneAtATime(tabId, async () => {
        const revision = await nextRevision(tabId);
        await session.set({ [revKey(tabId)]: revision });
        await session.remove([tabKey(tabId), csrfKey(tabId)]);
        return revision;
      }),
    async allTabs() {
      const all = await session.get(null);
      const out = new Map<number, TabRecord>();
      for (const [k, v] of Object.entries(all)) {
        const m = /^tab:(\d+)$/.exec(k);
        if (m) out.set(Number(m[1]), v as TabRecord);
      }
      return out;
    },
    getSession: (o, sa) => get<StoredSession>(session, sessionKey(o, sa)),
    putSession: (o, sa, s) => session.set({ [sessionKey(o, sa)]: s }),
    dropSession: (o, sa) => session.remove(sessionKey(o, sa)),
    async getBasic(o, p) {
      return (await get<StoredBasic>(session, basicKey(o, p))) ?? get<StoredBasic>(local, basicKey(o, p));
    },
    async putBasic(b) {
      const key = basicKey(b.origin, b.prefix);
      await session.set({ [key]: b });
      // Disk only on explicit opt-in; otherwise make sure an older remembered copy is gone.
      if (b.remember) await local.set({ [key]: b });
      else await local.remove(key);
    },
    async dropBasic(o, p) {
      await session.remove(basicKey(o, p));
      await local.remove(basicKey(o, p));
    },
    async allBasics() {
      const [s, l] = await Promise.all([session.get(null), local.get(null)]);
      const byKey = new Map<string, StoredBasic>();
      for (const [k, v] of [...Object.entries(l), ...Object.entries(s)]) {
        if (k.startsWith('basic:')) byKey.set(k, v as StoredBasic);
      }
      return [...byKey.values()];
    },
    getOwned: async (o) => (await get<OwnedCookie[]>(session, ownedKey(o))) ?? [],
    putOwned: (o, list) => (list.length ? session.set({ [ownedKey(o)]: list }) : session.remove(ownedKey(o))),
    getPageCsrf: (tabId) => get<string>(session, csrfKey(tabId)),
    putPageCsrf: (tabId, token) =>
      token === null ? session.remove(csrfKey(tabId)) : session.set({ [csrfKey(tabId)]: token }),
  };
}
