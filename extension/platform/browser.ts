/**
 * The one import of webextension-polyfill in the project, and the build-time target.
 *
 * Chrome exposes `chrome.*` (promise-returning in MV3, but `runtime.onMessage` cannot answer with
 * a promise); Firefox exposes `browser.*`. The polyfill gives both the Firefox shape, so the rest
 * of the code is written once. Under vitest the package is aliased to an in-memory fake
 * (see vite.config.ts `test.alias`).
 */
import polyfill from 'webextension-polyfill';
import type { Browser } from 'webextension-polyfill';

export type { Browser };
export const browser: Browser = polyfill;

export type Target = 'chrome' | 'firefox';

/**
 * Which browser this bundle was built for. Set by vite `define` from the TARGET env at build time:
 * never sniff the user agent (Firefox forks and Chromium forks lie about it).
 */
declare const __EXT_TARGET__: string | undefined;
export const TARGET: Target =
  typeof __EXT_TARGET__ !== 'undefined' && __EXT_TARGET__ === 'firefox' ? 'firefox' : 'chrome';
