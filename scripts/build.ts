/**
 * `npm run build`: both browser builds, one after the other, from the one vite config
 * (TARGET picks dist/chrome or dist/firefox). Exits non-zero on the first failure.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BuildTarget } from '../extension/build/manifest';

const root = fileURLToPath(new URL('..', import.meta.url));
const targets: BuildTarget[] = ['chrome', 'firefox'];

export function buildTarget(target: BuildTarget): boolean {
  // A child process per target: vite and the crx plugin keep module-level state per config.
  const r = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TARGET: target, VITEST: '', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return r.status === 0;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  for (const target of targets) {
    console.log(`building dist/${target}`);
    if (!buildTarget(target)) {
      console.error(`build for ${target} failed`);
      process.exit(1);
    }
  }
}
