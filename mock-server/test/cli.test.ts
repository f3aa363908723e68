/** The CLI: one `listening on` line with the real port, answers, exits cleanly on SIGTERM. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EZP3, IBEXA4 } from '../../shared/ez/flavours';
import { parseArgs } from '../cli-args';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(buf.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`exited ${String(code)} before printing`)));
  });
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  new Promise((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('cli', () => {
  it('starts on a free port, answers, and exits 0 on SIGTERM', async () => {
    const child = start(['--port', '0', '--auth', 'session', '--session-ttl', '30']);
    const line = await firstLine(child);
    const url = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(line);
    expect(url).not.toBeNull();
    expect(Number(url?.[2])).toBeGreaterThan(0);
    const r = await fetch(`${url?.[1]}/api/ezp/v2/`, { headers: { Accept: 'application/json' } });
    expect(r.status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  }, 20_000);

  it('--flavour ibexa4 answers under /api/ibexa/v2 only', async () => {
    const child = start(['--port', '0', '--flavour', 'ibexa4']);
    const line = await firstLine(child);
    expect(line).toContain('Ibexa DXP 4.6 at /api/ibexa/v2');
    const url = /listening on (http:\/\/[\d.:]+)/.exec(line)?.[1] ?? '';
    const r = await fetch(`${url}/api/ibexa/v2/`, { headers: { Accept: 'application/vnd.ibexa.api.Root+json' } });
    expect(r.headers.get('content-type')).toBe('application/vnd.ibexa.api.Root+json');
    expect((await fetch(`${url}/api/ezp/v2/`, { headers: { Accept: 'application/json' } })).status).toBe(404);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  }, 20_000);

  it('a bad flag prints a message and exits 2', async () => {
    const child = start(['--port', 'abc']);
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(child)).toBe(2);
    expect(err).toContain('--port');
  }, 20_000);

  it.each([['--help'], ['-h']])(
    '%s prints every flag, profile and default, and exits 0',
    async (flag) => {
      const child = start([flag]);
      let out = '';
      child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
      expect(await exitOf(child)).toBe(0);
      for (const text of [
        '--port',
        '--host',
        '--auth',
        '--session-ttl',
        'session',
        'basic',
        'hybrid',
        '(default 8080)',
        '(default 127.0.0.1)',
        '(default hybrid)',
        '(default 1440',
      ]) {
        expect(out).toContain(text);
      }
    },
    20_000,
  );

  it('a port in use: a sentence suggesting another port, exit 1', async () => {
    const first = start(['--port', '0']);
    const port = Number(/:(\d+)/.exec(await firstLine(first))?.[1]);
    const second = start(['--port', String(port)]);
    let err = '';
    second.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    expect(await exitOf(second)).toBe(1);
    expect(err).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(err).toContain(`npm run mock -- --port ${port + 1}`);
    first.kill('SIGTERM');
    expect(await exitOf(first)).toBe(0);
  }, 20_000);

  it.each([
    [['--port', '0'], { port: 0 }],
    [['--port=9000', '--host', '0.0.0.0'], { port: 9000, host: '0.0.0.0' }],
    [['--auth', 'basic', '--session-ttl', '5'], { auth: 'basic', sessionTtl: 5 }],
    [['--auth', 'digest'], "--auth must be session, basic or hybrid, got 'digest'"],
    [['--session-ttl', '0'], "--session-ttl needs a positive number of seconds, got '0'"],
    [['--port', '70000'], "--port needs a number 0-65535, got '70000'"],
    [['--port'], 'missing value for --port'],
    [['--verbose', 'x'], "unknown flag '--verbose'"],
    [['stray'], "unexpected argument 'stray'"],
    [['--flavour', 'ibexa4'], { flavour: IBEXA4 }],
    [['--flavour=ezp3'], { flavour: EZP3 }],
    [['--flavour', 'ibexa5'], "--flavour must be ezp3 or ibexa4, got 'ibexa5'"],
    [['-h'], { help: true }],
    [['--help'], { help: true }],
  ] as Array<[string[], unknown]>)('parseArgs %j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });
});
