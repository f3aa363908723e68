/**
 * The API origin's cookies. Rules this module enforces:
 * - it only ever reads/writes cookies through `{url: <origin>/}`, so other sites are out of reach;
 * - it deletes or overwrites a cookie only if the extension created it (tracked in the store as
 *   name+value) or during an explicit user action (login overwrites the visitor's cookie of the
 *   same name; logout then puts the visitor's one back).
 */
import type { CookieView } from '../../shared/domain';
import type { CookieInfo, CookiesApi } from '../platform/apis';
import type { CookieSnapshot, OwnedCookie, Store } from './store';
import { isSessionCookieName } from '../../shared/ez';
import { maskSecret } from '../../shared/mask';

export const originUrl = (origin: string): string => `${origin}/`;

/** Whether the extension created this cookie (only those it may delete without being asked). */
export const isOwned = (owned: readonly OwnedCookie[], c: Pick<CookieInfo, 'name' | 'value'>): boolean =>
  owned.some((o) => o.name === c.name && o.value === c.value);

export async function listCookies(cookies: CookiesApi, store: Store, origin: string): Promise<CookieView[]> {
  const [jar, owned] = await Promise.all([cookies.getAll({ url: originUrl(origin) }), store.getOwned(origin)]);
  return jar.map((c) => ({
    name: c.name,
    maskedValue: maskSecret(c.value),
    path: c.path,
    httpOnly: c.httpOnly,
    secure: c.secure,
    sameSite: c.sameSite,
    session: c.session,
    ownedByExtension: isOwned(owned, c),
  }));
}

export async function revealCookie(cookies: CookiesApi, origin: string, name: string): Promise<string | null> {
  const jar = await cookies.getAll({ url: originUrl(origin), name });
  return jar[0]?.value ?? null;
}

/** The visitor's session cookies for the origin (eZSESSID…/IBX_SESSION_ID…). */
export async function sessionCookies(cookies: CookiesApi, origin: string): Promise<CookieInfo[]> {
  return (await cookies.getAll({ url: originUrl(origin) })).filter((c) => isSessionCookieName(c.name));
}

const snapshot = (c: CookieInfo): CookieSnapshot => ({
  name: c.name,
  value: c.value,
  path: c.path,
  secure: c.secure,
  httpOnly: c.httpOnly,
  sameSite: c.sameSite,
  expirationDate: c.expirationDate,
  hostOnly: c.hostOnly,
  domain: c.domain,
});

/**
 * Put the panel's session cookie in the jar (user clicked "Log in"). Returns the visitor's cookie
 * it overwrote, if any, so logout can restore it. Attributes mirror what eZ 3.x sets (PHP's session cookie with the
 * skeleton's `cookie_samesite: lax`, `cookie_secure: auto`): host-only, path=/, HttpOnly, SameSite=Lax,
 * Secure on https.
 */
export async function setSessionCookie(
  cookies: CookiesApi,
  store: Store,
  origin: string,
  name: string,
  value: string,
): Promise<CookieSnapshot | null> {
  const owned = await store.getOwned(origin);
  const existing = (await cookies.getAll({ url: originUrl(origin), name }))[0];
  const replaced = existing && !isOwned(owned, existing) ? snapshot(existing) : null;
  await cookies.set({
    url: originUrl(origin),
    name,
    value,
    // Over a cookie the server set for a parent domain (eZ's session.cookie_domain), write to the
    // same domain and path so ours REPLACES it. A host-only one next to it would be a second cookie
    // of the same name: PHP reads the first one sent (the visitor's), so the panel's session would
    // look replaced at once, and ours would stay in the jar after logout, logging the page in as the
    // panel's user the moment the visitor's cookie went.
    path: existing && !existing.hostOnly ? existing.path : '/',
    ...(existing && !existing.hostOnly ? { domain: existing.domain } : {}),
    httpOnly: true,
    sameSite: 'lax',
    secure: origin.startsWith('https:'),
  });
  await store.putOwned(origin, [...owned.filter((o) => o.name !== name), { name, value }]);
  return replaced;
}

/**
 * Remove the panel's session cookie if it is still the one the extension set (the page may have
 * replaced it since: then it is the visitor's and stays), and restore the visitor's cookie the
 * login overwrote. Returns whether a cookie of ours was removed.
 */
export async function removeSessionCookie(
  cookies: CookiesApi,
  store: Store,
  origin: string,
  name: string,
  value: string,
  replaced: CookieSnapshot | null,
): Promise<boolean> {
  const owned = await store.getOwned(origin);
  const current = (await cookies.getAll({ url: originUrl(origin), name }))[0];
  let removed = false;
  if (current && current.value === value) {
    await cookies.remove({ url: originUrl(origin), name });
    removed = true;
  }
  await store.putOwned(
    origin,
    owned.filter((o) => !(o.name === name && o.value === value)),
  );
  if (replaced && (removed || !current)) {
    await cookies.set({
      url: originUrl(origin),
      name: replaced.name,
      value: replaced.value,
      path: replaced.path,
      httpOnly: replaced.httpOnly,
      secure: replaced.secure,
      sameSite: asSameSite(replaced.sameSite),
      ...(replaced.hostOnly ? {} : { domain: replaced.domain }),
      ...(replaced.expirationDate === undefined ? {} : { expirationDate: replaced.expirationDate }),
    });
  }
  return removed;
}

function asSameSite(s: string): 'no_restriction' | 'lax' | 'strict' | undefined {
  return s === 'no_restriction' || s === 'lax' || s === 'strict' ? s : undefined;
}
