/** `npm start` as a process: the demo URL on a line of its own, Ctrl-C/SIGTERM frees the port, a taken port is explained. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const start = (args: string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', resolve)));

/** The whole stdout once `Press Ctrl-C` is printed. */
function untilReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('Press Ctrl-C to stop.')) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`exited ${String(code)}: ${out}`)));
  });
}

/** Whether something can listen on the port now (the old server is gone). */
const portFree = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('npm start', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'prints the demo URL on its own line; %s frees the port within 2 s',
    async (signal) => {
      const child = start(['--port', '0']);
      const out = await untilReady(child);
      const lines = out.split('\n');
      const url = lines.find((l) => /^http:\/\/127\.0\.0\.1:\d+\/$/.test(l));
      expect(url, out).toBeDefined();
      expect(out).toContain('Press Ctrl-C to stop.');
      const port = Number(new URL(url ?? '').port);
      // a browser tab keeps a connection open: that must not hold the port
      const res = await fetch(`${url}`, { headers: { Connection: 'keep-alive' } });
      expect(res.status).toBe(200);
      const stopped = Date.now();
      child.kill(signal);
      expect(await exitOf(child)).toBe(0);
      expect(await portFree(port)).toBe(true);
      expect(Date.now() - stopped).toBeLessThan(2000);
    },
    30_000,
  );

  it('a port in use: says so, suggests npm start -- --port N, exits 1', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as { port: number }).port;
    const child = start(['--port', String(port)]);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(err).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(err).toContain(`npm start -- --port ${port + 1}`);
    taken.close();
  }, 30_000);
});
