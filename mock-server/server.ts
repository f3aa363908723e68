/**
 * createMockServer(options) -> { url, close }: the eZ REST API v2 auth surface on node:http.
 * No argv and no process.exit, so tests start it in-process on port 0. Every request goes
 * through one guarded handler: an exception becomes a logged 500 ErrorMessage, never a crash.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EZP3, type Flavour } from '../shared/ez/flavours';
import { formatForAccept } from '../shared/ez/media-types';
import { BasicCache, type AuthProfile } from './auth/firewall';
import { SessionStore } from './auth/sessions';
import { Repository } from './fixtures/repository';
import { handleApi } from './http/api';
import { declaredTooLarge, expectsContinue, MAX_BODY_BYTES } from './http/body';
import { clientErrorHandler } from './http/client-errors';
import { serveStatic } from './http/static';
import { WHOAMI_PATH, demoWhoami } from './http/demo-whoami';
import { writeResult } from './http/writer';
import { errorMessage, plain, serverError } from './core/results';
import type { ServerState } from './core/types';

export interface MockServerOptions {
  /** default 8080; 0 picks a free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default 'hybrid' */
  auth?: AuthProfile;
  /** which product the server speaks (shared/ez/flavours.ts), default eZ Platform 3.3 */
  flavour?: Flavour;
  /** idle session lifetime in seconds, default 1440 (PHP's gc_maxlifetime) */
  sessionTtl?: number;
  /** clock in epoch milliseconds, for tests */
  now?: () => number;
  /** the folder served at `/`, default mock-server/public */
  publicDir?: string;
  /** called with each request's method and URL as it arrives (tests watch what a client asked) */
  onRequest?: (method: string, url: string) => void;
  /** the HS256 key for `POST /user/token/jwt`, default 32 random bytes; tests pass one to check signatures */
  jwtSecret?: Buffer;
}

export interface MockServer {
  /** `http://HOST:PORT` with the real port */
  url: string;
  close(): Promise<void>;
}

export const MAX_URL_LENGTH = 8192;
/** Paths the REST layer claims (ezsystems/ezplatform-rest 1.3 `src/bundle/EventListener/RequestListener.php` REST_PREFIX_PATTERN): they get REST-shaped errors. */
const REST_PATH = /^\/api\/[A-Za-z0-9_]+\/v\d+(\.\d+)?\//;

export async function createMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const profile = options.auth ?? 'hybrid';
  if (!['session', 'basic', 'hybrid'].includes(profile)) throw new Error(`unknown auth profile: ${String(profile)}`);
  const ttl = options.sessionTtl ?? 1440;
  if (!Number.isFinite(ttl) || ttl <= 0) throw new Error(`sessionTtl must be a positive number of seconds, got ${ttl}`);
  if (options.jwtSecret !== undefined && options.jwtSecret.length === 0) throw new Error('jwtSecret must not be empty');
  const now = options.now ?? Date.now;
  const flavour = options.flavour ?? EZP3;
  const state: ServerState = {
    flavour,
    store: new SessionStore(ttl * 1000, now),
    repo: new Repository(),
    jwtSecret: options.jwtSecret ?? randomBytes(32),
    now,
  };
  const deps = { state, profile, basic: new BasicCache() };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = req.url ?? '/';
    options.onRequest?.(req.method ?? 'GET', url);
    const q = url.indexOf('?');
    const pathInfo = q < 0 ? url : url.slice(0, q);
    const isRest = REST_PATH.test(pathInfo);
    if (url.length > MAX_URL_LENGTH) {
      const format = formatForAccept(req.headers.accept, flavour.vendor) ?? 'xml';
      const r = isRest
        ? errorMessage(414, `The request URL is longer than ${MAX_URL_LENGTH} characters.`)
        : plain(414, 'URI Too Long');
      return writeResult(res, r, { format, flavour, close: true });
    }
    // Under the prefix the size check waits until after the firewall and CSRF (CsrfListener runs at
    // kernel.request: a request failing CSRF is refused before its body matters, so 401, not 413).
    if (isRest) return handleApi(req, res, pathInfo, q < 0 ? '' : url.slice(q + 1), deps);
    if (declaredTooLarge(req, MAX_BODY_BYTES))
      return writeResult(res, plain(413, 'Payload Too Large'), { format: 'xml', flavour, close: true });
    if (pathInfo === WHOAMI_PATH) return writeResult(res, demoWhoami(req, state), { format: 'xml', flavour });
    // The static files never read a body: a client still waiting to send one is closed on.
    serveStatic(req.method ?? 'GET', pathInfo, flavour, options.publicDir)
      .then((r) => writeResult(res, r, { format: 'xml', flavour, close: expectsContinue(req) }))
      .catch((e: unknown) => fail(res, e, 'xml', flavour));
  };

  const guarded = (req: IncomingMessage, res: ServerResponse): void => {
    try {
      handle(req, res);
    } catch (e) {
      fail(res, e, formatForAccept(req.headers.accept, flavour.vendor) ?? 'xml', flavour);
    }
  };
  const server = createServer({ requestTimeout: 30_000 }, guarded);
  // `Expect: 100-continue`: Node would say "100 Continue" before any check. Handled here, the
  // interim answer goes out only when the body is about to be read (http/api.ts), so a request
  // refused by the firewall or CSRF gets its 401 without the client sending the body at all.
  server.on('checkContinue', guarded);
  server.on('clientError', clientErrorHandler(flavour));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // close() waits for keep-alive sockets; the contract is that close() ends them.
        server.closeAllConnections();
      }),
  };
}

function fail(res: ServerResponse, e: unknown, format: 'json' | 'xml', flavour: Flavour): void {
  console.error('[mock-server] request failed:', e);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  try {
    writeResult(res, serverError(), { format, flavour });
  } catch {
    res.destroy();
  }
}
