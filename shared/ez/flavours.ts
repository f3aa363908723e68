/**
 * The two dialects of the REST API v2: eZ Platform 1.x-3.x (`/api/ezp/v2`, `vnd.ez.api`, cookie
 * `eZSESSID…`) and Ibexa DXP 4+ (`/api/ibexa/v2`, `vnd.ibexa.api`, cookie `IBX_SESSION_ID…`).
 * This is the one file that spells those names; everything else asks it.
 * Sources: ezsystems/ezplatform-rest 1.3 `src/bundle/Resources/config/default_settings.yml` l.6
 * and ibexa/rest 4.6 the same file (the prefixes); ezsystems/ezpublish-kernel 7.5
 * `eZ/Bundle/EzPublishCoreBundle/Resources/config/default_settings.yml` l.81-83 (the cookie name).
 */

export type Vendor = 'vnd.ez.api' | 'vnd.ibexa.api';
export type FlavourId = 'ezp3' | 'ibexa4';

export interface Flavour {
  readonly id: FlavourId;
  /** the product line, for sentences */
  readonly product: string;
  /** path prefix of the API, no trailing slash */
  readonly prefix: string;
  readonly vendor: Vendor;
  /** session cookie name = this + md5(SiteAccess name) */
  readonly sessionCookiePrefix: string;
}

export const EZP3: Flavour = {
  id: 'ezp3',
  product: 'eZ Platform 3.3',
  prefix: '/api/ezp/v2',
  vendor: 'vnd.ez.api',
  sessionCookiePrefix: 'eZSESSID',
};

export const IBEXA4: Flavour = {
  id: 'ibexa4',
  product: 'Ibexa DXP 4.6',
  prefix: '/api/ibexa/v2',
  vendor: 'vnd.ibexa.api',
  sessionCookiePrefix: 'IBX_SESSION_ID',
};

/** In the order a client should probe them: the older prefix first, as eZ 3.x sites are the ones without a choice. */
export const FLAVOURS: readonly Flavour[] = [EZP3, IBEXA4];

export const VENDORS: readonly Vendor[] = FLAVOURS.map((f) => f.vendor);

export function flavourById(id: string): Flavour | null {
  return FLAVOURS.find((f) => f.id === id) ?? null;
}

export function flavourOfVendor(vendor: Vendor): Flavour {
  return vendor === IBEXA4.vendor ? IBEXA4 : EZP3;
}

/** The flavour whose prefix the path is under (`/api/ibexa/v2/user/users/14` -> IBEXA4), or null. */
export function flavourOfPath(path: string): Flavour | null {
  return FLAVOURS.find((f) => path === f.prefix || path.startsWith(`${f.prefix}/`)) ?? null;
}

/** A typed API base names its vendor by its prefix; a custom prefix with "ibexa" in it is taken as Ibexa. */
export function vendorForPrefix(prefix: string): Vendor {
  return flavourOfPath(prefix)?.vendor ?? (prefix.includes('ibexa') ? IBEXA4.vendor : EZP3.vendor);
}

/** The default SiteAccess of a clean install (requests without X-Siteaccess). */
export const DEFAULT_SITE_ACCESS = 'site';
