/**
 * Starting a benchmark target (child.ts) in its own process and talking to it over IPC.
 * Both the mock and the baseline go through here, so they start exactly the same way.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isChildReply, type StartBaseline } from './ipc';

const START_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export type TargetKind = 'mock' | 'baseline';

export interface Target {
  readonly kind: TargetKind;
  /** `http://127.0.0.1:PORT`, no trailing slash */
  readonly url: string;
  /** the child's CPU time so far (user + system, all threads), in µs */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/** BENCH_PROFILE=mock|baseline|all: `--cpu-prof` for that target, profiles in /tmp/bench-prof/<kind>. */
function profileArgs(kind: TargetKind): string[] {
  const wanted = process.env.BENCH_PROFILE;
  return wanted === kind || wanted === 'all' ? ['--cpu-prof', `--cpu-prof-dir=/tmp/bench-prof/${kind}`] : [];
}

export function startTarget(kind: TargetKind, spec?: StartBaseline): Promise<Target> {
  const child = fork(CHILD, [kind], {
    execArgv: ['--import', 'tsx', ...profileArgs(kind)],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    // Disconnecting lets the child close its server and exit normally (so a profile is written).
    if (child.connected) child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };
  const cpuWaiters: ((micros: number) => void)[] = [];
  const cpuMicros = (): Promise<number> =>
    new Promise((resolve, reject) => {
      if (!child.connected) return reject(new Error(`${kind} server is gone`));
      cpuWaiters.push(resolve);
      child.send({ query: 'cpu' });
    });

  return new Promise<Target>((resolve, reject) => {
    const fail = (why: string): void => {
      child.kill('SIGKILL');
      reject(new Error(`${kind} server: ${why}`));
    };
    const timer = setTimeout(() => fail(`not listening after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once('error', (e) => fail(e.message));
    // After a successful start this rejects an already-settled promise: harmless.
    child.once('exit', (code, signal) => fail(`exited (${signal ?? `code ${String(code)}`}) before listening`));
    child.on('message', (m: unknown) => {
      if (!isChildReply(m)) return;
      if ('cpuMicros' in m) return cpuWaiters.shift()?.(m.cpuMicros);
      clearTimeout(timer);
      if ('ready' in m) resolve({ kind, url: m.ready.replace(/\/$/, ''), cpuMicros, stop });
      else fail(m.failed);
    });
    if (spec) child.send(spec);
  });
}
