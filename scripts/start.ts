/**
 * `npm start`: build the extension for both browsers, then run the mock server with its demo page
 * and say how to load the extension. Flags after `--` go to the mock server
 * (`npm start -- --port 9000`); `--no-build` skips the build.
 *
 * The server runs in this process (no child to outlive it): SIGTERM or Ctrl-C closes it and frees
 * the port at once. During the build, the signal stops the build child first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, USAGE, isAddressInUse, parseArgs, portInUse } from '../mock-server/cli-args';
import { createMockServer, type MockServer } from '../mock-server/server';
import { EZP3 } from '../shared/ez/flavours';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const skipBuild = argv.includes('--no-build');
const opts = parseArgs(argv.filter((a) => a !== '--no-build'));

if (typeof opts === 'string') {
  console.error(
    `npm start: ${opts}\n${USAGE.replace('npm run mock --', 'npm start --')}\n  --no-build            start the server without building the extension first`,
  );
  process.exit(2);
}
if ('help' in opts) {
  console.log(
    `${USAGE.replace('npm run mock --', 'npm start --')}\n  --no-build            start the server without building the extension first`,
  );
  process.exit(0);
}

let building: ChildProcess | null = null;
let server: MockServer | null = null;
let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  building?.kill('SIGTERM');
  if (server === null) process.exit(130);
  // A keep-alive connection (a browser tab) must not hold the port: close() ends them too.
  void server.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 1500).unref();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// npm runs this through `sh -c`, and dash does not pass a SIGTERM on: when the shell (or npm) is
// stopped, this process is re-parented. Noticing that stops the server too, instead of leaving it
// holding the port with nobody to stop it.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop();
}, 250).unref();

function build(): Promise<number> {
  return new Promise((resolve) => {
    building = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
    building.on('exit', (code) => {
      building = null;
      resolve(code ?? 1);
    });
  });
}

if (!skipBuild && (await build()) !== 0 && !stopping) {
  console.error('The extension build failed (see above); starting the mock server anyway.');
}
if (stopping) process.exit(130);

try {
  server = await createMockServer(opts);
} catch (e) {
  const host = opts.host ?? DEFAULTS.host;
  const port = opts.port ?? DEFAULTS.port;
  console.error(
    isAddressInUse(e) ? portInUse(host, port, 'npm start') : `Could not start the mock server: ${String(e)}`,
  );
  process.exit(1);
}

const dist = (target: string): string => path.join(root, 'dist', target);
console.log(`
Load the extension:
  Chrome/Chromium: chrome://extensions -> Developer mode -> Load unpacked -> ${dist('chrome')}
  Firefox:         about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> ${dist('firefox')}/manifest.json
Then open the demo page, open DevTools and pick the "eZ REST" panel (log in as admin / publish).

eZ REST mock (${(opts.flavour ?? EZP3).product} at ${(opts.flavour ?? EZP3).prefix}, auth: ${opts.auth ?? DEFAULTS.auth}) listening on ${server.url}
Demo page:
${server.url}/

Press Ctrl-C to stop.`);
