/**
 * What each context loads from dist/: the panel page's and the background's JS with everything
 * they import (static imports followed through the built chunks), gzipped at level 9.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  name: string;
  files: number;
  gz: number;
  limitKb: number;
}

function closure(dist: string, entries: string[]): string[] {
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1] ?? '';
      walk(spec.startsWith('/') ? join(dist, spec) : join(dirname(file), spec));
    }
  };
  entries.forEach(walk);
  return [...seen].map((f) => relative(dist, f));
}

const gz = (dist: string, files: string[]): number =>
  files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);

export function bundleSizes(dist: string): BundleSize[] {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const html = readFileSync(join(dist, 'panel/index.html'), 'utf8');
  const panelEntries = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) =>
    join(dist, (m[1] ?? '').replace(/^\//, '')),
  );
  const worker = manifest.background?.service_worker;
  const panel = closure(dist, panelEntries);
  const background = worker === undefined ? [] : closure(dist, [join(dist, worker)]);
  return [
    { name: 'panel', files: panel.length, gz: gz(dist, panel), limitKb: 200 },
    { name: 'background', files: background.length, gz: gz(dist, background), limitKb: 40 },
  ];
}
