/**
 * Session cookie names: `<prefix>` + md5(SiteAccess name), the prefix `eZSESSID` (eZ Platform) or
 * `IBX_SESSION_ID` (Ibexa 4+); a name that does not start with the prefix gets `<prefix>_`.
 * Source: ezsystems/ezpublish-kernel 7.5
 * `eZ/Bundle/EzPublishCoreBundle/EventListener/SessionSetDynamicNameListener.php` `getSessionName()`.
 * No md5 in the browser build, hence the table of the usual SiteAccess names (a test checks it
 * against node:crypto): it lets the panel say "session (site)" instead of a hash.
 */
import { FLAVOURS, type Flavour } from './flavours';

const MD5_OF_SITE_ACCESS: Readonly<Record<string, string>> = {
  site: '98defd6ee70dfb1dea416cecdf391f58',
  admin: '21232f297a57a5a743894a0e4a801fc3',
  site_admin: '96d2e1905b33c88482e64fe6d22bd66a',
  eng: '74e6a8b111ea7da1a7d0a596f4c35208',
  de: '5f02f0889301fd7be1ac972c11bf3e7d',
  fr: '82a9e4d26595c87ab6e442391d8c5bba',
  default: 'c21f969b5f03d33d43e04f8f136e7682',
};

export const KNOWN_SITE_ACCESSES: readonly string[] = Object.keys(MD5_OF_SITE_ACCESS);

/** The cookie name for a SiteAccess whose md5 is known, or null. */
export function sessionCookieName(flavour: Flavour, siteAccess: string): string | null {
  const md5 = MD5_OF_SITE_ACCESS[siteAccess];
  return md5 === undefined ? null : `${flavour.sessionCookiePrefix}${md5}`;
}

const PREFIXES = new RegExp(`^(${FLAVOURS.map((f) => f.sessionCookiePrefix).join('|')})`);

/** Whether a cookie name is an eZ Platform or Ibexa session cookie. */
export function isSessionCookieName(name: string): boolean {
  return PREFIXES.test(name);
}

/** Which SiteAccess a session cookie belongs to, when its hash is one of the known names. */
export function siteAccessOfCookie(name: string): string | null {
  const m = PREFIXES.exec(name);
  if (m === null) return null;
  const hash = name.slice((m[1] ?? '').length);
  for (const [sa, md5] of Object.entries(MD5_OF_SITE_ACCESS)) if (md5 === hash) return sa;
  return null;
}
