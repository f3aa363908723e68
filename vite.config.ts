/// <reference types="vitest/config" />
/**
 * One config for both browsers: TARGET=chrome|firefox picks dist/<target> and the derived
 * manifest. Under vitest (process.env.VITEST) the crx plugin is not loaded and
 * webextension-polyfill is aliased to an in-memory fake.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import { crx } from '@crxjs/vite-plugin';
import type { ManifestV3Export } from '@crxjs/vite-plugin';
import { manifestFor, parseTarget } from './extension/build/manifest.ts';
import type { SourceManifest } from './extension/build/manifest.ts';
import { FLAVOURS } from './shared/ez/flavours.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const IGNORED = ['**/node_modules/**', 'dist/**', 'e2e/**', '.e2e-profiles/**'];
const ONCE = ['mock-server/test/cli.test.ts', 'mock-server/test/ibexa-flavour.test.ts'];
const target = parseTarget(process.env.TARGET);
const underTest = Boolean(process.env.VITEST);

function plugins(): PluginOption[] {
  if (underTest) return [react()];
  const source = JSON.parse(readFileSync(`${root}manifest.json`, 'utf8')) as SourceManifest;
  const manifest = manifestFor(source, target) as unknown as ManifestV3Export;
  return [react(), crx({ manifest, browser: target })];
}

export default defineConfig({
  root,
  plugins: plugins(),
  define: { __EXT_TARGET__: JSON.stringify(target) },
  build: {
    outDir: `dist/${target}`,
    emptyOutDir: true,
    // Extension pages load from the package, no need to target old browsers or inline tiny assets.
    target: 'es2022',
    sourcemap: false,
    // Extension pages load from the package on disk, so splitting buys no download time; the
    // gzipped size is a bench figure instead (npm run bench). Under vitest (NODE_ENV=test, React's
    // development build) the panel chunk passes Vite's 500 kB web-page warning.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // crxjs follows manifest entries only; the panel page is opened by devtools.ts, so list it.
      input: {
        panel: `${root}panel/index.html`,
        devtools: `${root}extension/devtools/devtools.html`,
      },
    },
  },
  test: {
    environment: 'node',
    alias: {
      'webextension-polyfill': `${root}extension/platform/testing/fake-browser.ts`,
    },
    // The mock's HTTP tests run once per flavour (mock-server/test/flavour.ts); everything else once.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['**/*.test.ts', '**/*.test.tsx'],
          exclude: [...IGNORED, 'mock-server/test/**'],
        },
      },
      // Tests that start their own servers in a given flavour, or processes: once.
      { extends: true, test: { name: 'mock-once', include: ONCE } },
      ...FLAVOURS.map((f) => ({
        extends: true as const,
        test: {
          name: `mock-${f.id}`,
          include: ['mock-server/test/**/*.test.ts'],
          exclude: [...IGNORED, ...ONCE],
          env: { MOCK_FLAVOUR: f.id },
        },
      })),
    ],
  },
});
