/**
 * `npm start`: build the extension for both browsers, then run the mock server with its demo page
 * and say how to load the extension. Flags after `--` go to the mock server (`npm start -- --port 9000`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function run(cmd: string, cmdArgs: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

const built = await run(process.execPath, ['--import', 'tsx', 'scripts/build.ts']);
if (built !== 0) {
  console.error('The extension build failed (see above); starting the mock server anyway.');
}

const dist = (target: string) => path.join(root, 'dist', target);
console.log(`
Load the extension:
  Chrome/Chromium: chrome://extensions -> Developer mode -> Load unpacked -> ${dist('chrome')}
  Firefox:         about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> ${dist('firefox')}/manifest.json
Then open the demo page below, open devtools and pick the "eZ REST" panel.
`);

// The server prints its own `listening on http://HOST:PORT` line once it accepts requests.
const server = spawn(process.execPath, ['--import', 'tsx', 'mock-server/cli.ts', ...args], {
  cwd: root,
  stdio: 'inherit',
});
const stop = (signal: NodeJS.Signals) => server.kill(signal);
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
