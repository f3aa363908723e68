/**
 * The session cookie's Set-Cookie strings (PHP's native session, eZ 3.x skeleton cookie options;
 * the deletion: ezplatform-rest 1.3 `src/lib/Server/Security/RestLogoutHandler.php` -> Symfony `clearCookie`). The name=value pair goes through the `cookie`
 * package (it validates and encodes); the attributes are written in PHP's and Symfony's exact
 * spelling (`path=/; HttpOnly; SameSite=lax`, lowercase `httponly` on deletion, the dashed
 * `D, d-M-Y H:i:s GMT` date), which `cookie.serialize` would normalise away.
 */
import { parse, serialize } from 'cookie';

/** What PHP's native session writes when it starts a new session (eZ 3.x skeleton options). */
export function sessionCookie(name: string, id: string): string {
  return `${serialize(name, id)}; path=/; HttpOnly; SameSite=lax`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Symfony's clearCookie(): `deleted`, expired one year and one second ago, Max-Age=0. */
export function clearingCookie(name: string, nowMs: number): string {
  const d = new Date(nowMs - (365 * 24 * 3600 + 1) * 1000);
  const date = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())}-${MONTHS[d.getUTCMonth()]}-${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`;
  return `${serialize(name, 'deleted')}; expires=${date}; Max-Age=0; path=/; httponly`;
}

/** The value of one cookie in a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (header === undefined || !header.includes(name)) return null;
  const v = parse(header)[name];
  return v === undefined || v === '' ? null : v;
}
