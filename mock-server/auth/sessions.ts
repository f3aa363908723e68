/**
 * The session store (the state a Symfony session holds for eZ's REST auth): per SiteAccess, id -> { user, CSRF secret, last use }. Ids are
 * opaque 26-character `[0-9a-v]` strings like PHP's defaults. A session idle longer than the
 * TTL is deleted on sight, so an expired session is exactly an unknown one.
 */
import { randomBytes } from 'node:crypto';

export type SessionId = string & { readonly __brand: 'SessionId' };

export interface SessionRecord {
  readonly id: SessionId;
  readonly siteAccess: string;
  /** null: the attribute bag is empty (fresh or logged out) */
  userId: number | null;
  /** the raw 43-character CSRF token value; null: no token stored */
  csrfSecret: string | null;
  lastSeen: number;
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';
/** Enough to survive a flood of logins while bounding memory. */
const MAX_SESSIONS = 100_000;

export function newSessionId(): SessionId {
  const bytes = randomBytes(26);
  let id = '';
  for (let i = 0; i < 26; i++) id += ALPHABET[(bytes[i] ?? 0) & 31];
  return id as SessionId;
}

export class SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  /** The live session for this cookie value, touched; null when unknown or expired. */
  get(siteAccess: string, id: string): SessionRecord | null {
    const key = siteAccess + '\0' + id;
    const rec = this.sessions.get(key);
    if (rec === undefined) return null;
    const t = this.now();
    if (t - rec.lastSeen > this.ttlMs) {
      this.sessions.delete(key);
      return null;
    }
    rec.lastSeen = t;
    return rec;
  }

  create(siteAccess: string): SessionRecord {
    if (this.sessions.size >= MAX_SESSIONS) this.evict();
    const rec: SessionRecord = { id: newSessionId(), siteAccess, userId: null, csrfSecret: null, lastSeen: this.now() };
    this.sessions.set(siteAccess + '\0' + rec.id, rec);
    return rec;
  }

  /** Session::clear(): the user and the CSRF token go, the id stays known (symfony/http-foundation 5.4 `Session::clear()` clears the attribute bag only). */
  clear(rec: SessionRecord): void {
    rec.userId = null;
    rec.csrfSecret = null;
  }

  get size(): number {
    return this.sessions.size;
  }

  private evict(): void {
    const t = this.now();
    for (const [k, r] of this.sessions) if (t - r.lastSeen > this.ttlMs) this.sessions.delete(k);
    // Still full: drop the oldest created (Map keeps insertion order).
    for (const k of this.sessions.keys()) {
      if (this.sessions.size < MAX_SESSIONS * 0.9) break;
      this.sessions.delete(k);
    }
  }
}
