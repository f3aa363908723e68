/**
 * Test helpers: an in-process server on port 0, a request function that returns what came over
 * the wire, a REST login, and raw socket requests for what fetch refuses to send.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { EZP3 } from '../../shared/ez/flavours';
import { mediaType } from '../../shared/ez/media-types';
import { sessionCookieName } from '../../shared/ez/session-cookies';
import { createMockServer, type MockServer, type MockServerOptions } from '../server';
import { FLAVOUR, fromFlavour, leaks, toFlavour } from './flavour';

export const API = EZP3.prefix;
export const JSON_ACCEPT = 'application/json';
export const SITE_COOKIE = sessionCookieName(EZP3, 'site') ?? '';
export const ADMIN_COOKIE = sessionCookieName(EZP3, 'admin') ?? '';

export interface Req {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  cookies: string[];
  /** the parsed JSON body, or undefined when it is not JSON */
  json: unknown;
}

/** A request in the tests' dialect, sent in the flavour under test (flavour.ts); the answer comes back in the tests' dialect. */
export async function send(base: string, req: Req): Promise<Res> {
  const headers = Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k, toFlavour(v)]));
  const body =
    typeof req.body === 'string' ? toFlavour(req.body) : req.body === undefined ? undefined : new Uint8Array(req.body);
  const r = await sendAsIs(base, {
    ...req,
    path: toFlavour(req.path),
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : Buffer.from(body) }),
  });
  const leaked = leaks(r.text + JSON.stringify([...r.headers.entries()]) + r.cookies.join('\n'));
  if (leaked.length > 0)
    throw new Error(`the ${FLAVOUR.id} answer to ${req.path} speaks the eZ dialect: ${leaked.join(', ')}\n${r.text}`);
  const text = fromFlavour(r.text);
  const translated = new Headers();
  r.headers.forEach((v, k) => translated.append(k, fromFlavour(v)));
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: translated, text, cookies: r.cookies.map(fromFlavour), json };
}

/** A request exactly as written, in no dialect but its own: for the flavour-specific tests. */
export async function sendAsIs(base: string, req: Req): Promise<Res> {
  const r = await fetch(base + req.path, {
    method: req.method ?? 'GET',
    headers: req.headers,
    body: typeof req.body === 'string' || req.body === undefined ? req.body : new Uint8Array(req.body),
    redirect: 'manual',
  });
  const text = await r.text();
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    json = undefined;
  }
  return { status: r.status, headers: r.headers, text, cookies: r.headers.getSetCookie(), json };
}

/** Reads a dotted path (`ErrorMessage.errorCode`) out of a parsed body. */
export function pick(v: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) => (typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined),
      v,
    );
}

/** Starts one server per test file; `srv.url` is valid inside tests. */
export function useServer(options: MockServerOptions = {}): { url: string; server: MockServer | null } {
  const holder: { url: string; server: MockServer | null } = { url: '', server: null };
  beforeAll(async () => {
    holder.server = await createMockServer({ port: 0, flavour: FLAVOUR, ...options });
    holder.url = holder.server.url;
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return holder;
}

export interface LoggedIn {
  name: string;
  id: string;
  token: string;
  href: string;
  cookie: string;
  status: number;
}

export async function login(
  base: string,
  user: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<LoggedIn> {
  const r = await send(base, {
    method: 'POST',
    path: `${API}/user/sessions`,
    headers: {
      Accept: mediaType('Session', 'json'),
      'Content-Type': mediaType('SessionInput', 'json'),
      ...extra,
    },
    body: JSON.stringify({ SessionInput: { login: user, password } }),
  });
  const s = pick(r.json, 'Session') as Record<string, string> | undefined;
  if (!s) throw new Error(`login failed: ${r.status} ${r.text}`);
  return {
    name: s.name ?? '',
    id: s.identifier ?? '',
    token: s.csrfToken ?? '',
    href: s._href ?? '',
    cookie: `${s.name}=${s.identifier}`,
    status: r.status,
  };
}

export const basic = (user: string, password: string): string =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Sends bytes on a fresh socket (in the flavour under test) and returns what the server wrote before closing. */
export async function raw(base: string, request: string | Buffer, timeoutMs = 3000): Promise<string> {
  const bytes =
    typeof request === 'string' ? toFlavour(request) : Buffer.from(toFlavour(request.toString('latin1')), 'latin1');
  return fromFlavour(await rawAsIs(base, bytes, timeoutMs));
}

function rawAsIs(base: string, request: string | Buffer, timeoutMs: number): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    }, timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', (e) => {
      clearTimeout(timer);
      if (chunks.length > 0) resolve(Buffer.concat(chunks).toString('latin1'));
      else reject(e);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    socket.write(request);
  });
}

export const statusOf = (rawResponse: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(rawResponse)?.[1] ?? 0);
