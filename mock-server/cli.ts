/**
 * `npm run mock -- [--port N] [--host H] [--flavour ezp3|ibexa4] [--auth session|basic|hybrid] [--session-ttl SECONDS]`
 * Prints one `listening on http://HOST:PORT` line when ready; SIGINT/SIGTERM close it cleanly.
 * Exit codes: 0 after a clean stop or --help, 1 when it cannot listen (port in use), 2 for a bad flag.
 */
import { DEFAULTS, USAGE, isAddressInUse, parseArgs, portInUse } from './cli-args';
import { EZP3 } from '../shared/ez/flavours';
import { createMockServer } from './server';

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  if (typeof opts === 'string') {
    console.error(`mock-server: ${opts}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if ('help' in opts) {
    console.log(USAGE);
    return;
  }
  let server;
  try {
    server = await createMockServer(opts);
  } catch (e) {
    const why = isAddressInUse(e)
      ? portInUse(opts.host ?? DEFAULTS.host, opts.port ?? DEFAULTS.port, 'npm run mock')
      : e instanceof Error
        ? e.message
        : String(e);
    console.error(`mock-server: ${why}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `eZ REST mock (${(opts.flavour ?? EZP3).product} at ${(opts.flavour ?? EZP3).prefix}, auth: ${opts.auth ?? DEFAULTS.auth}) listening on ${server.url}`,
  );
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

void main();
