/**
 * One benchmark target, run in its own process so it does not share an event loop (or a core)
 * with the load generator. Forked by run.ts with an IPC channel; both targets start the same way
 * so their numbers are comparable:
 *   child.ts mock       -> createMockServer on a free port
 *   child.ts baseline   -> a bare node:http server answering the body it is sent over IPC (draining
 *                          request bodies, or with `minimal` only writing the bytes)
 * The child answers `{ ready: url }` or `{ failed: message }`, then `{ cpuMicros }` to each CPU
 * query (CPU per request does not depend on how busy the rest of the machine is, req/s does),
 * and exits when the parent goes away.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMockServer } from '../server';
import type { ChildReply, StartBaseline } from './ipc';
import { isCpuQuery, isStartBaseline } from './ipc';

type Stop = () => Promise<void>;

function reply(message: ChildReply): void {
  process.send?.(message);
}

async function startMock(): Promise<{ url: string; stop: Stop }> {
  const server = await createMockServer({ port: 0, host: '127.0.0.1' });
  return { url: server.url, stop: () => server.close() };
}

function startBaseline(spec: StartBaseline): Promise<{ url: string; stop: Stop }> {
  const body = Buffer.from(spec.bodyBase64, 'base64');
  const headers = { 'Content-Type': spec.contentType, 'Content-Length': String(body.length) };
  const server = spec.minimal
    ? // The least a node:http server can do for a GET: write the fixed bytes, nothing else.
      createServer((_req, res) => {
        res.writeHead(200, headers);
        res.end(body);
      })
    : createServer((req, res) => {
        // Drain any request body so keep-alive connections stay usable, then answer the fixed bytes.
        req.resume();
        req.on('end', () => {
          res.writeHead(200, headers);
          res.end(body);
        });
      });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

async function main(): Promise<void> {
  const kind = process.argv[2];
  if (!process.send) throw new Error('bench child must be forked with an IPC channel (run `npm run bench`)');
  let started: { url: string; stop: Stop };
  if (kind === 'mock') {
    started = await startMock();
  } else if (kind === 'baseline') {
    const spec = await new Promise<StartBaseline>((resolve, reject) => {
      process.once('message', (m: unknown) =>
        isStartBaseline(m) ? resolve(m) : reject(new Error('unexpected IPC message')),
      );
    });
    started = await startBaseline(spec);
  } else {
    throw new Error(`unknown bench target '${String(kind)}' (expected mock or baseline)`);
  }
  // A normal exit (not a kill) so `--cpu-prof` gets to write its profile.
  const shutdown = (): void => {
    void started.stop().finally(() => process.exit(0));
  };
  process.once('disconnect', shutdown);
  process.once('SIGTERM', shutdown);
  process.on('message', (m: unknown) => {
    if (!isCpuQuery(m)) return;
    const { user, system } = process.cpuUsage();
    reply({ cpuMicros: user + system });
  });
  reply({ ready: started.url });
}

main().catch((e: unknown) => {
  reply({ failed: e instanceof Error ? e.message : String(e) });
  process.exit(1);
});
