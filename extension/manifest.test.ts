/**
 * Reads BOTH emitted manifests (builds first when dist is missing, so `vitest run` works on a
 * fresh checkout before `npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTarget } from '../scripts/build';
import { GECKO_ID } from './build/manifest';

const root = fileURLToPath(new URL('..', import.meta.url));
type Manifest = Record<string, unknown> & {
  background?: { service_worker?: string; scripts?: string[] };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  devtools_page?: string;
  content_security_policy?: { extension_pages?: string };
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[] } };
  };
};
const read = (target: string): Manifest =>
  JSON.parse(readFileSync(`${root}dist/${target}/manifest.json`, 'utf8')) as Manifest;

beforeAll(() => {
  for (const target of ['chrome', 'firefox'] as const) {
    if (!existsSync(`${root}dist/${target}/manifest.json`) && !buildTarget(target))
      throw new Error(`build for ${target} failed`);
  }
}, 180_000);

describe.each(['chrome', 'firefox'])('dist/%s/manifest.json', (target) => {
  it('is MV3 with the least permissions that work', () => {
    const m = read(target);
    expect(m.manifest_version).toBe(3);
    expect(m.name).toBe('eZ REST DevTools');
    expect(m.permissions?.sort()).toEqual([
      'cookies',
      'declarativeNetRequestWithHostAccess',
      'scripting',
      'storage',
      'tabs',
      'webRequest',
      // onAuthRequired in MV3: cancels the Basic challenge of refused credentials (no sign-in prompt)
      'webRequestAuthProvider',
    ]);
    expect(m.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(m.optional_host_permissions).toEqual(['*://*/*']);
  });

  it('points at files that exist: devtools page, panel page, background', () => {
    const m = read(target);
    const dir = `${root}dist/${target}/`;
    expect(existsSync(`${dir}${m.devtools_page}`)).toBe(true);
    expect(existsSync(`${dir}panel/index.html`)).toBe(true);
    const bg = m.background?.service_worker ?? m.background?.scripts?.[0];
    expect(bg && existsSync(`${dir}${bg}`)).toBe(true);
  });

  it('has its icon in every size the stores ask for, each a PNG of that size', () => {
    const icons = (read(target) as { icons?: Record<string, string> }).icons ?? {};
    expect(Object.keys(icons).sort((a, b) => Number(a) - Number(b))).toEqual(['16', '32', '48', '128']);
    for (const [size, file] of Object.entries(icons)) {
      const png = readFileSync(`${root}dist/${target}/${file}`);
      // PNG signature, then the IHDR chunk: width and height as 32-bit big-endian at bytes 16 and 20
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
    }
  });

  it('keeps http requests http (no upgrade-insecure-requests)', () => {
    expect(read(target).content_security_policy?.extension_pages ?? '').not.toMatch(/upgrade-insecure-requests/);
  });
});

describe('browser-specific keys', () => {
  it('chrome: a module service worker, no gecko settings', () => {
    const m = read('chrome');
    expect(m.background).toMatchObject({ service_worker: expect.any(String), type: 'module' });
    expect(m.background?.scripts).toBeUndefined();
    expect(m.browser_specific_settings).toBeUndefined();
  });

  it('firefox: background scripts, gecko id, min version, data_collection_permissions', () => {
    const m = read('firefox');
    expect(m.background?.service_worker).toBeUndefined();
    expect(m.background?.scripts).toHaveLength(1);
    const gecko = m.browser_specific_settings?.gecko;
    expect(gecko?.id).toBe(GECKO_ID);
    expect(Number(gecko?.strict_min_version?.split('.')[0])).toBeGreaterThanOrEqual(140);
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});
