/**
 * `npm run bench:panel` (part of `npm run bench`): the inspector's figures, measured in real
 * Chromium, printed as a table. A measurement, not a test: it exits 0 whatever the figures.
 *  1. The real panel (scripts/bench/inspector/page.tsx) ingesting 10,000 and 100,000 synthetic
 *     eZ HAR entries through the NetworkHost path DevTools' log takes: time until the list is
 *     interactive, p95 of filter keystroke → updated list, scroll frame p95, JS heap after a GC.
 *  2. A real page making 10,000 REST calls against the mock with the real DevTools panel open:
 *     time from the last response to `request-count` showing 10,000.
 *  3. The panel's and the background's JS in dist/chrome, gzipped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { CHROMIUM_PATH } from '../../e2e/support/chromium';
import { bundleSizes } from './bundle';
import { realPanelCalls } from './real-panel';
import { serveDir } from './serve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
const QUERIES = ['users/14', 'status:4xx', '-method:GET type:contentinfo', 'auth:csrf-missing'];
const SIZES = (process.env.BENCH_PANEL_SIZES ?? '10000,100000').split(',').map(Number);
/** The same list with this many entries is the scroll baseline: what a frame costs here anyway. */
const BASELINE = 1000;

interface Row {
  figure: string;
  value: string;
  target: string;
  pass: boolean | null;
}

async function buildPage(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'ez-bench-panel-'));
  await build({
    configFile: false,
    root: `${root}scripts/bench/inspector`,
    logLevel: 'warn',
    plugins: [react()],
    define: { __EXT_TARGET__: JSON.stringify('chrome') },
    build: { outDir: out, emptyOutDir: true, target: 'es2022', minify: true },
  });
  return out;
}

async function ingest(rows: Row[]): Promise<void> {
  const dir = await buildPage();
  const server = await serveDir(dir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? CHROMIUM_PATH,
    headless: true,
    args: [...ARGS, '--js-flags=--expose-gc'],
  });
  try {
    let baseScroll = 0;
    for (const n of [BASELINE, ...SIZES]) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const cdp = await page.context().newCDPSession(page);
      await page.goto(`${server.url}/index.html?n=${n}`);
      const interactive = await page.evaluate(() => window.bench.interactive());
      // Scrolled first, as one meets a fresh list (after 63 filter passes over 100,000 entries
      // a major GC may land in the scroll frames instead).
      const scroll = await page.evaluate(() => window.bench.scroll(60));
      const filter = await page.evaluate((q) => window.bench.filter(q), QUERIES);
      if (n === BASELINE) {
        baseScroll = scroll.p95;
        rows.push({
          figure: `${BASELINE.toLocaleString('en')} entries (baseline): scroll frame p95 (max ${scroll.max.toFixed(1)} ms)`,
          value: `${scroll.p95.toFixed(1)} ms`,
          target: '',
          pass: null,
        });
        await page.close();
        continue;
      }
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
      const k = n.toLocaleString('en');
      const big = n >= 100_000;
      rows.push(
        {
          figure: `${k} entries: list interactive`,
          value: `${interactive.toFixed(0)} ms`,
          target: big ? '< 2000 ms' : '',
          pass: big ? interactive < 2000 : null,
        },
        {
          figure: `${k} entries: filter keystroke p95 (${filter.samples} keys, max ${filter.max.toFixed(1)} ms)`,
          value: `${filter.p95.toFixed(1)} ms`,
          target: big ? '< 50 ms' : '< 16 ms',
          pass: filter.p95 < (big ? 50 : 16),
        },
        {
          figure: `${k} entries: scroll frame p95 ${scroll.p95.toFixed(1)} ms (max ${scroll.max.toFixed(1)}), ratio to the baseline`,
          value: (scroll.p95 / Math.max(0.1, baseScroll)).toFixed(2),
          target: '< 1.5',
          pass: scroll.p95 / Math.max(0.1, baseScroll) < 1.5,
        },
        {
          figure: `${k} entries: JS heap after GC`,
          value: `${heap.toFixed(1)} MB`,
          target: big ? '< 200 MB' : '',
          pass: big ? heap < 200 : null,
        },
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.figure.length));
  console.log(`\n${'figure'.padEnd(w)}  ${'value'.padStart(10)}  ${'target'.padEnd(10)}  result`);
  for (const r of rows) {
    const result = r.pass === null ? '' : r.pass ? 'PASS' : 'FAIL';
    console.log(`${r.figure.padEnd(w)}  ${r.value.padStart(10)}  ${r.target.padEnd(10)}  ${result}`);
  }
}

const rows: Row[] = [];
await ingest(rows);
const real = await realPanelCalls(Number(process.env.BENCH_PANEL_CALLS ?? 10_000));
rows.push({
  figure: `real page, ${real.calls.toLocaleString('en')} calls, DevTools panel open: last response → count (${real.dropped} dropped, calls took ${real.callsMs} ms)`,
  value: `${real.lagMs} ms`,
  target: '< 1000 ms',
  pass: real.lagMs < 1000,
});
for (const b of bundleSizes(`${root}dist/chrome`))
  rows.push({
    figure: `bundle: ${b.name} JS, gzipped (${b.files} files)`,
    value: `${(b.gz / 1024).toFixed(1)} KB`,
    target: `< ${b.limitKb} KB`,
    pass: b.gz / 1024 < b.limitKb,
  });
print(rows);
