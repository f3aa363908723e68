/**
 * Flag parsing for cli.ts (and scripts/start.ts), apart so tests can import it without starting a
 * server. `node:util` parseArgs does the splitting (`--port 9000` and `--port=9000`); the values
 * are checked here, each mistake in a sentence that names the flag.
 */
import { parseArgs as parseFlags } from 'node:util';
import { EZP3, FLAVOURS, IBEXA4, flavourById } from '../shared/ez/flavours';
import type { AuthProfile } from './auth/firewall';
import type { MockServerOptions } from './server';

export const DEFAULTS = { port: 8080, host: '127.0.0.1', auth: 'hybrid', sessionTtl: 1440, flavour: 'ezp3' } as const;

export const USAGE = `usage: npm run mock -- [--port N] [--host H] [--flavour ezp3|ibexa4] [--auth session|basic|hybrid] [--session-ttl SECONDS]

  --port N              port to listen on, 0 picks a free one (default ${DEFAULTS.port})
  --host H              address to listen on (default ${DEFAULTS.host})
  --flavour NAME        which product the API speaks (default ${DEFAULTS.flavour}):
                          ezp3     ${EZP3.product}: ${EZP3.prefix}, ${EZP3.vendor}, cookie ${EZP3.sessionCookiePrefix}…
                          ibexa4   ${IBEXA4.product}: ${IBEXA4.prefix}, ${IBEXA4.vendor}, cookie ${IBEXA4.sessionCookiePrefix}…,
                                   GET /user/sessions/current and /user/current, re-login without CSRF
  --auth PROFILE        which firewall the API runs behind (default ${DEFAULTS.auth}):
                          session  eZ 3.x skeleton: cookie sessions with CSRF, Authorization ignored
                          basic    stateless HTTP Basic on the whole API, no anonymous access,
                                   the session routes answer 500
                          hybrid   Authorization: Basic follows the basic rules, Bearer <jwt> is
                                   stateless, everything else follows the session rules
  --session-ttl SECONDS idle lifetime of a session (default ${DEFAULTS.sessionTtl}, PHP's gc_maxlifetime)
  -h, --help            print this and exit

Users (password "publish"): admin (id 14, everything), editor (id 50, no content/remove).
The demo page is served at /.`;

export type Parsed = MockServerOptions | { help: true } | string;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  flavour: { type: 'string' },
  auth: { type: 'string' },
  'session-ttl': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options for createMockServer, `{ help: true }`, or the mistake in words. */
export function parseArgs(argv: readonly string[]): Parsed {
  let values: { [K in keyof typeof OPTIONS]?: string | boolean };
  try {
    ({ values } = parseFlags({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    return flagError(e);
  }
  if (values.help === true) return { help: true };
  const opts: MockServerOptions = {};
  const { port, host, auth, flavour } = values;
  const ttl = values['session-ttl'];
  if (typeof port === 'string') {
    const n = Number(port);
    if (!/^\d+$/.test(port) || n > 65535) return `--port needs a number 0-65535, got '${port}'`;
    opts.port = n;
  }
  if (typeof host === 'string') {
    if (host === '') return '--host needs a host name or address';
    opts.host = host;
  }
  if (typeof flavour === 'string') {
    const f = flavourById(flavour);
    if (f === null) return `--flavour must be ${FLAVOURS.map((x) => x.id).join(' or ')}, got '${flavour}'`;
    opts.flavour = f;
  }
  if (typeof auth === 'string') {
    if (auth !== 'session' && auth !== 'basic' && auth !== 'hybrid') {
      return `--auth must be session, basic or hybrid, got '${auth}'`;
    }
    opts.auth = auth as AuthProfile;
  }
  if (typeof ttl === 'string') {
    const n = Number(ttl);
    if (!/^\d+$/.test(ttl) || n <= 0) return `--session-ttl needs a positive number of seconds, got '${ttl}'`;
    opts.sessionTtl = n;
  }
  return opts;
}

/** node:util's errors, in the words this CLI always used. */
function flagError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag '${flag}'`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument '${/'([^']*)'/.exec(message)?.[1] ?? ''}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `missing value for ${flag.split(' ')[0]}`;
  return message;
}

/** The sentence for a port that is taken, with the command that picks another one. */
export function portInUse(host: string, port: number, command: string): string {
  return `Port ${port} on ${host} is already in use (another mock server or app?). Stop it, or pick another port: ${command} -- --port ${port + 1}`;
}

export const isAddressInUse = (e: unknown): boolean => (e as { code?: string }).code === 'EADDRINUSE';
