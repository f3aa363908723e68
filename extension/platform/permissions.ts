/**
 * Host permissions. `permissions.request` only works while handling a user gesture, so
 * `requestHostPermission` must be called synchronously from the panel's click handler: no
 * `await` before it. Firefox is the strict one: the call must happen inside the handler itself,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/User_actions
 */
import { browser } from './browser';

/** `http://host:8080` -> `http://host/*` (match patterns carry no port: they match every port). */
export function originPattern(origin: string): string {
  const u = new URL(origin);
  return `${u.protocol}//${u.hostname}/*`;
}

export function requestHostPermission(origin: string): Promise<boolean> {
  try {
    return browser.permissions.request({ origins: [originPattern(origin)] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export async function hasHostPermission(origin: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(origin)] });
  } catch {
    return false;
  }
}
