/**
 * `npm run package`: the two store uploads, from a fresh build.
 *   artifacts/ez-rest-devtools-chrome-<version>.zip   dist/chrome, manifest.json at the root
 *                                                     (the Chrome Web Store's layout)
 *   artifacts/ez-rest-devtools-firefox-<version>.zip  dist/firefox, made by `web-ext build`
 * Both are zipped by web-ext (it only packs a folder; the Chrome one is not a Firefox add-on).
 * Each archive is checked after it is written: its manifest at the root, the version right, no
 * source maps. `--no-build` packs dist/ as it is.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { buildTarget } from './build';

const root = fileURLToPath(new URL('..', import.meta.url));
const version = (JSON.parse(readFileSync(`${root}manifest.json`, 'utf8')) as { version: string }).version;
const targets = ['chrome', 'firefox'] as const;

function webExtBuild(target: (typeof targets)[number]): string {
  const filename = `ez-rest-devtools-${target}-${version}.zip`;
  const r = spawnSync(
    process.execPath,
    [
      `${root}node_modules/web-ext/bin/web-ext.js`,
      'build',
      '--source-dir',
      `${root}dist/${target}`,
      '--artifacts-dir',
      `${root}artifacts`,
      '--filename',
      filename,
      '--overwrite-dest',
      '--no-config-discovery',
    ],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) throw new Error(`web-ext build for ${target} failed`);
  return `${root}artifacts/${filename}`;
}

async function check(file: string, target: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const manifest = zip.file('manifest.json');
  if (manifest === null) throw new Error(`${file} has no manifest.json at its root`);
  const m = JSON.parse(await manifest.async('string')) as { version?: string; manifest_version?: number };
  if (m.version !== version) throw new Error(`${file}: manifest version ${m.version} is not ${version}`);
  if (m.manifest_version !== 3) throw new Error(`${file}: not Manifest V3`);
  const maps = Object.keys(zip.files).filter((n) => n.endsWith('.map'));
  if (maps.length > 0) throw new Error(`${file} holds source maps: ${maps.join(', ')}`);
  console.log(
    `${target}: ${file.replace(root, '')} (${(statSync(file).size / 1024).toFixed(0)} KB, ${Object.keys(zip.files).length} entries)`,
  );
}

if (!process.argv.includes('--no-build')) {
  for (const t of targets) {
    console.log(`building dist/${t}`);
    if (!buildTarget(t)) {
      console.error(`build for ${t} failed`);
      process.exit(1);
    }
  }
}
try {
  for (const t of targets) await check(webExtBuild(t), t);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
