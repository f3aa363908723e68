/**
 * The built extension for the e2e run: where dist/ is, a check that a build is complete (in words
 * when it is not), and a private copy per test worker.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(ROOT, 'dist', 'firefox');

/**
 * Fail early and in words when the build is missing or incomplete, instead of a browser that
 * silently has no extension: the manifest and the files it names must all be there.
 */
export function requireBuild(dir: string): string {
  const hint = 'run `npm run build` before the e2e tests';
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: ${hint}.`);
  let manifest: { background?: { service_worker?: string; scripts?: string[] }; devtools_page?: string };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch (e) {
    throw new Error(`${manifestPath} is not valid JSON (${e instanceof Error ? e.message : String(e)}): ${hint}.`);
  }
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.devtools_page,
    'panel/index.html',
  ].filter((f): f is string => typeof f === 'string');
  for (const file of named) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} (named by the build) is missing: ${hint}.`);
  }
  return dir;
}

/**
 * A private copy of a build for one test worker. Other people rebuild dist/ while tests run
 * (vite empties the folder first); a browser loading the extension at that moment gets nothing
 * and the worker never starts. The copy is checked first, so a missing build still says so.
 */
export function snapshotBuild(dir: string): { dir: string; remove: () => void } {
  requireBuild(dir);
  const copy = mkdtempSync(join(tmpdir(), 'ez-rest-e2e-ext-'));
  cpSync(dir, copy, { recursive: true });
  requireBuild(copy);
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

/** A browser binary that must exist: a missing one is named, with the variable that picks another. */
export function requireBinary(path: string, variable: string): string {
  if (!existsSync(path)) throw new Error(`No browser at ${path}: install it (apt) or set ${variable}.`);
  return path;
}
