/**
 * `npm run mock -- --port N [--host H] [--auth session|basic|hybrid] [--session-ttl SECONDS]`
 * Prints one `listening on http://HOST:PORT` line when ready; SIGINT/SIGTERM close it cleanly.
 */
import { parseArgs, USAGE } from './cli-args';
import { createMockServer } from './server';

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`mock-server: ${opts}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const server = await createMockServer(opts);
  console.log(`eZ REST mock (auth: ${opts.auth ?? 'hybrid'}) listening on ${server.url}`);
  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    server.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('mock-server: close failed', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`mock-server: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
