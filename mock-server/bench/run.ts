/**
 * `npm run bench`: how fast is the mock compared with the fastest possible node:http answer?
 *
 * Targets and load generator live in different processes (2 cores: one for the server, one for
 * autocannon). Scenarios run interleaved in BENCH_ROUNDS rounds (default 2) of BENCH_SECONDS
 * each (default 4) at 50 connections, after a 1 s uncounted warm-up in the first round; each
 * scenario keeps its best round. Interleaving and best-of-N keep a burst of other work on the
 * machine from landing on one scenario only; server CPU per request is reported as well, since
 * it hardly depends on what else runs.
 * It is a measurement, not a test: it exits 0 whatever the figures, and non-zero only when a
 * target cannot be started or does not answer the probes.
 * BENCH_ONLY=b,d runs only those mock scenarios (the two baselines always run: (a) drains a
 * request body like any real handler must, (m) only writes the bytes);
 * BENCH_PROFILE=mock|baseline|all adds `--cpu-prof` (see targets.ts).
 */
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { EZP3 } from '../../shared/ez/flavours';
import { printSearch, printTable, printTargets, type Row } from './report';
import {
  CONNECTIONS,
  LOGIN_HEADERS,
  LOGIN_PATH,
  ROOT_HEADERS,
  ROOT_PATH,
  anonymousRoot,
  loginBody,
  loginRefreshLogout,
  readSession,
  searchViews,
  sessionCookie,
  user14WithBasic,
  user14WithCookie,
} from './scenarios';
import { startTarget, type Target } from './targets';

const SECONDS = positiveNumber(process.env.BENCH_SECONDS, 4);
const ROUNDS = Math.round(positiveNumber(process.env.BENCH_ROUNDS, 2));
const WARMUP_SECONDS = 1;
const ONLY = new Set((process.env.BENCH_ONLY ?? 'b,c,d,e,f').split(',').map((s) => s.trim().toLowerCase()));

function positiveNumber(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return raw !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}

interface Scenario {
  key: string;
  name: string;
  target: Target;
  options: autocannon.Options;
  note?: (r: autocannon.Result) => string;
}

async function runOnce(s: Scenario, warmUp: boolean): Promise<{ r: autocannon.Result; cpuPerReq: number }> {
  if (warmUp) await autocannon({ ...s.options, duration: WARMUP_SECONDS });
  const before = await s.target.cpuMicros();
  const r = await autocannon({ ...s.options, duration: SECONDS });
  const cpuPerReq = ((await s.target.cpuMicros()) - before) / Math.max(1, r.requests.total);
  console.error(
    `  ${s.name}: ${r.requests.average.toFixed(0)} req/s, p99 ${r.latency.p99} ms, ${cpuPerReq.toFixed(0)} µs CPU/req`,
  );
  return { r, cpuPerReq };
}

/** Every scenario once per round, in order; each keeps its best round. */
async function measureAll(scenarios: readonly Scenario[]): Promise<Row[]> {
  const rows = scenarios.map((s): Row => ({
    key: s.key,
    name: s.name,
    rps: 0,
    p99: Infinity,
    cpuPerReq: Infinity,
    rounds: [],
    errors: 0,
    non2xx: 0,
    note: '',
  }));
  for (let round = 1; round <= ROUNDS; round++) {
    console.error(`round ${round}/${ROUNDS}`);
    for (const [i, s] of scenarios.entries()) {
      const row = rows[i];
      if (row === undefined) continue;
      const { r, cpuPerReq } = await runOnce(s, round === 1);
      row.rounds.push(r.requests.average);
      row.errors += r.errors;
      row.non2xx += r.non2xx;
      row.cpuPerReq = Math.min(row.cpuPerReq, cpuPerReq);
      if (r.requests.average > row.rps) {
        row.rps = r.requests.average;
        row.p99 = r.latency.p99;
        row.note = s.note?.(r) ?? '';
      }
    }
  }
  return rows;
}

/** The root body the mock answers, so the baseline can answer the same bytes. */
async function probeRoot(url: string): Promise<{ body: Buffer; contentType: string }> {
  const res = await fetch(url + ROOT_PATH, { headers: ROOT_HEADERS });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`GET ${ROOT_PATH} answered ${res.status}, expected 200`);
  return { body, contentType: res.headers.get('content-type') ?? 'application/octet-stream' };
}

/** Logs admin in once; the cookie is what scenario (d) sends. */
async function login(url: string): Promise<string> {
  const res = await fetch(url + LOGIN_PATH, {
    method: 'POST',
    headers: LOGIN_HEADERS,
    body: loginBody('admin', 'publish'),
  });
  const text = await res.text();
  let doc: unknown = null;
  try {
    doc = JSON.parse(text);
  } catch {
    doc = null;
  }
  const session = readSession(doc);
  if (res.status !== 201 || !session) throw new Error(`login answered ${res.status} ${text.slice(0, 200)}`);
  return sessionCookie(session);
}

const hits = (r: autocannon.Result): string => `${Number(r.statusCodeStats?.['200']?.count ?? 0)} answered 200`;

const cycles = (r: autocannon.Result): string => {
  const logouts = Number(r.statusCodeStats?.['204']?.count ?? 0);
  return `${(logouts / r.duration).toFixed(0)} cycles/s (${logouts} logouts, ${r.resets} restarts)`;
};

async function main(): Promise<void> {
  // Other work on this machine skews req/s: say so next to the figures.
  const load = loadavg()[0] ?? 0;
  const started: Target[] = [];
  try {
    const mock = await startTarget('mock');
    started.push(mock);
    const root = await probeRoot(mock.url);
    const cookie = await login(mock.url);
    const spec = { bodyBase64: root.body.toString('base64'), contentType: root.contentType };
    const baseline = await startTarget('baseline', { ...spec, minimal: false });
    started.push(baseline);
    const minimal = await startTarget('baseline', { ...spec, minimal: true });
    started.push(minimal);
    console.error(`bench: ${CONNECTIONS} connections, ${ROUNDS} round(s) of ${SECONDS} s per scenario`);

    const all: Scenario[] = [
      {
        key: 'a',
        name: '(a) baseline node:http, same body',
        target: baseline,
        options: { url: baseline.url + ROOT_PATH, connections: CONNECTIONS },
      },
      {
        key: 'm',
        name: '(m) minimal node:http, writes the body',
        target: minimal,
        options: { url: minimal.url + ROOT_PATH, connections: CONNECTIONS },
      },
      { key: 'b', name: `(b) anonymous GET ${EZP3.prefix}/`, target: mock, options: anonymousRoot(mock.url) },
      { key: 'c', name: '(c) GET user 14, Basic admin', target: mock, options: user14WithBasic(mock.url) },
      { key: 'd', name: '(d) GET user 14, session cookie', target: mock, options: user14WithCookie(mock.url, cookie) },
      {
        key: 'e',
        name: '(e) login -> refresh -> logout',
        target: mock,
        options: loginRefreshLogout(mock.url),
        note: cycles,
      },
      { key: 'f', name: '(f) POST /views, article search', target: mock, options: searchViews(mock.url), note: hits },
    ];
    const [base, least, ...rows] = await measureAll(
      all.filter((s) => s.key === 'a' || s.key === 'm' || ONLY.has(s.key)),
    );
    if (base === undefined || least === undefined) throw new Error('the baselines did not run');

    const busy = load > cpus().length * 0.5 ? ' (busy machine: req/s and p99 are noisy, the CPU columns less so)' : '';
    console.log(`\n1-min load average at start: ${load.toFixed(2)} on ${cpus().length} cores${busy}`);
    console.log(
      `body size: mock root ${root.body.length} B, baseline ${root.body.length} B (same bytes, ${root.contentType})`,
    );
    printTable(base, [least, ...rows]);
    const gets = rows.filter((r) => ['b', 'c', 'd'].includes(r.key));
    printTargets(base, gets);
    printTargets(least, gets);
    const search = rows.find((r) => r.key === 'f');
    if (search) printSearch(base, least, search);
  } finally {
    await Promise.all(started.map((t) => t.stop()));
  }
}

main().catch((e: unknown) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
  // Children were stopped in main's finally; force the exit if a handle still holds the loop.
  setTimeout(() => process.exit(1), 6_000).unref();
});
