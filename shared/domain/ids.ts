/**
 * Branded ids: a tab id and a window id are both numbers, an origin and a URL are both strings;
 * the brand stops them being mixed.
 */
export type TabId = number & { readonly __brand: 'TabId' };
export const asTabId = (n: number): TabId => n as TabId;

/** `scheme://host[:port]` exactly as `new URL(x).origin` gives it. */
export type Origin = string & { readonly __brand: 'Origin' };
export const asOrigin = (s: string): Origin => new URL(s).origin as Origin;
