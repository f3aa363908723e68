/** The benchmark's printed result: the table, then one PASS/MISS line per target and GET. */

export const TARGET_RATIO = 0.7;
export const TARGET_P99_MS = 10;

/** One scenario's figures: the best round (highest req/s) and totals over all rounds. */
export interface Row {
  key: string;
  name: string;
  /** req/s of the best round */
  rps: number;
  /** p99 latency of the best round, ms */
  p99: number;
  /** lowest server CPU time per answered request over the rounds, µs (insensitive to other load) */
  cpuPerReq: number;
  /** req/s of every round, for the spread */
  rounds: number[];
  errors: number;
  non2xx: number;
  note: string;
}

const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
const spread = (r: Row): string => r.rounds.map((x) => x.toFixed(0)).join('/');

export function printTable(baseline: Row, rows: readonly Row[]): void {
  const head = `${pad('scenario', 40)}${lpad('req/s', 8)}${lpad('ratio', 7)}${lpad('µs CPU/req', 12)}${lpad('CPU ratio', 11)}${lpad('p99 ms', 8)}${lpad('err/non2xx', 12)}  rounds req/s; note`;
  console.log(`\n${head}\n${'-'.repeat(head.length + 8)}`);
  for (const r of [baseline, ...rows]) {
    const cols = [
      pad(r.name, 40),
      lpad(r.rps.toFixed(0), 8),
      lpad((r.rps / baseline.rps).toFixed(2), 7),
      lpad(r.cpuPerReq.toFixed(0), 12),
      lpad((baseline.cpuPerReq / r.cpuPerReq).toFixed(2), 11),
      lpad(r.p99.toFixed(1), 8),
      lpad(`${r.errors}/${r.non2xx}`, 12),
      `  ${spread(r)}${r.note ? `; ${r.note}` : ''}`,
    ];
    console.log(cols.join(''));
  }
  console.log(
    "ratio = req/s over the baseline's; CPU ratio = baseline µs/req over this row's (what the ratio would be with the server CPU-bound and nothing else running).",
  );
}

export function printTargets(baseline: Row, gets: readonly Row[]): void {
  console.log(`\nTargets against ${baseline.name}: each GET >= ${TARGET_RATIO} x its req/s, p99 < ${TARGET_P99_MS} ms`);
  for (const r of gets) {
    const ratio = r.rps / baseline.rps;
    const cpuRatio = baseline.cpuPerReq / r.cpuPerReq;
    console.log(
      `${ratio >= TARGET_RATIO ? 'PASS' : 'MISS'} throughput  ${r.name}: ${ratio.toFixed(2)} x baseline (CPU ratio ${cpuRatio.toFixed(2)})`,
    );
    console.log(
      `${r.p99 < TARGET_P99_MS ? 'PASS' : 'MISS'} p99 latency ${r.name}: ${r.p99.toFixed(1)} ms (baseline ${baseline.p99.toFixed(1)} ms)`,
    );
    if (r.errors > 0 || r.non2xx > 0) {
      console.log(
        `WARN ${r.name}: ${r.errors} errors, ${r.non2xx} non-2xx responses: the figures partly measure failures`,
      );
    }
  }
}

/** The search has no target of its own: its ratios to both baselines and its p99, as figures. */
export function printSearch(baseline: Row, minimal: Row, search: Row): void {
  console.log(
    `\n${search.name}: ${search.rps.toFixed(0)} req/s = ${(search.rps / baseline.rps).toFixed(2)} x (a), ${(search.rps / minimal.rps).toFixed(2)} x (m), p99 ${search.p99.toFixed(1)} ms${search.note ? `, ${search.note}` : ''}`,
  );
}
