/** Flag parsing for cli.ts, apart so tests can import it without starting a server. */
import type { AuthProfile } from './auth/firewall';
import type { MockServerOptions } from './server';

export const USAGE =
  'usage: npm run mock -- [--port N] [--host H] [--auth session|basic|hybrid] [--session-ttl SECONDS]';

export function parseArgs(argv: readonly string[]): MockServerOptions | string {
  const opts: MockServerOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const eq = flag.indexOf('=');
    const name = eq > 0 ? flag.slice(0, eq) : flag;
    const value = eq > 0 ? flag.slice(eq + 1) : argv[++i];
    if (value === undefined) return `missing value for ${name}`;
    switch (name) {
      case '--port': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n > 65535) return `--port needs a number 0-65535, got '${value}'`;
        opts.port = n;
        break;
      }
      case '--host':
        if (value === '') return '--host needs a host name or address';
        opts.host = value;
        break;
      case '--auth':
        if (value !== 'session' && value !== 'basic' && value !== 'hybrid') {
          return `--auth must be session, basic or hybrid, got '${value}'`;
        }
        opts.auth = value as AuthProfile;
        break;
      case '--session-ttl': {
        const n = Number(value);
        if (!/^\d+$/.test(value) || n <= 0) return `--session-ttl needs a positive number of seconds, got '${value}'`;
        opts.sessionTtl = n;
        break;
      }
      default:
        return `unknown flag '${name}'`;
    }
  }
  return opts;
}
