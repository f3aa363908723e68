/**
 * Derives each browser's manifest from the one source `manifest.json`, so the two builds cannot
 * drift (Vue devtools shipped a Firefox build missing permissions that way).
 */
export type BuildTarget = 'chrome' | 'firefox';

export const GECKO_ID = 'ez-rest-devtools@ez-rest-devtools.dev';
/**
 * 140 is the first Firefox (and an ESR) that knows `data_collection_permissions`; it also has
 * everything else used here (MV3 optional_host_permissions, DNR session rules, storage.session).
 * The firefox-esr on the build machine (153) is above it.
 */
export const GECKO_MIN_VERSION = '140.0';

/** A loose manifest shape: only the keys this module rewrites are typed. */
export interface SourceManifest {
  manifest_version: number;
  name: string;
  version: string;
  background?: { service_worker?: string; scripts?: string[]; type?: 'module' };
  content_security_policy?: { extension_pages?: string };
  [key: string]: unknown;
}

export function parseTarget(value: string | undefined): BuildTarget {
  if (value === undefined || value === '' || value === 'chrome') return 'chrome';
  if (value === 'firefox') return 'firefox';
  throw new Error(`TARGET must be "chrome" or "firefox", got "${value}"`);
}

export function manifestFor(source: SourceManifest, target: BuildTarget): SourceManifest {
  const m: SourceManifest = structuredClone(source);
  if (target === 'chrome') return m;

  const worker = m.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is missing');
  // Firefox MV3 has no service workers for extensions (event pages instead):
  // https://bugzilla.mozilla.org/show_bug.cgi?id=1573659
  m.background = { scripts: [worker], type: 'module' };
  m.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Required for new add-ons since 2025; this extension collects nothing.
      data_collection_permissions: { required: ['none'] },
    },
    // Android got data_collection_permissions in 142; without this web-ext lint warns.
    gecko_android: { strict_min_version: '142.0' },
  };
  // Firefox's default MV3 CSP adds `upgrade-insecure-requests`, which would turn the worker's
  // fetch of http://localhost:8080 into https. An explicit CSP without it keeps http as typed.
  // https://bugzilla.mozilla.org/show_bug.cgi?id=1797086
  m.content_security_policy = { extension_pages: "script-src 'self'; object-src 'self'" };
  return m;
}
