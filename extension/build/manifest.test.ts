import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor, parseTarget } from './manifest';
import type { SourceManifest } from './manifest';

const source = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8')) as SourceManifest;

describe('manifestFor', () => {
  it('chrome: the source manifest unchanged', () => {
    expect(manifestFor(source, 'chrome')).toEqual(source);
  });

  it('firefox: background scripts, gecko settings, a CSP without upgrade-insecure-requests', () => {
    const m = manifestFor(source, 'firefox');
    expect(m.background).toEqual({ scripts: ['extension/background/index.ts'], type: 'module' });
    expect(m.browser_specific_settings).toMatchObject({
      gecko: { id: GECKO_ID, data_collection_permissions: { required: ['none'] } },
    });
    expect(m.content_security_policy?.extension_pages).not.toMatch(/upgrade-insecure-requests/);
    expect(source.background?.service_worker).toBe('extension/background/index.ts'); // source untouched
  });

  it('refuses a manifest without a service worker to convert', () => {
    expect(() => manifestFor({ ...source, background: {} }, 'firefox')).toThrow(/service_worker is missing/);
  });

  it.each([
    [undefined, 'chrome'],
    ['', 'chrome'],
    ['chrome', 'chrome'],
    ['firefox', 'firefox'],
  ])('TARGET=%j -> %s', (v, t) => expect(parseTarget(v)).toBe(t));

  it('refuses an unknown TARGET', () => {
    expect(() => parseTarget('safari')).toThrow('TARGET must be "chrome" or "firefox", got "safari"');
  });
});
