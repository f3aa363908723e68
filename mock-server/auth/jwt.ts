/**
 * HS256 JSON Web Tokens with node:crypto (ezplatform-rest 1.3 `src/lib/Server/Controller/JWT.php`): the payload lexik/jwt-authentication-bundle
 * writes (`iat`, `exp`, `roles`, `username`), signed with a per-server random secret.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const JWT_TTL_SECONDS = 3600;

const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const HEADER = enc({ typ: 'JWT', alg: 'HS256' });

export function signJwt(username: string, secret: Buffer, nowMs: number): string {
  const iat = Math.floor(nowMs / 1000);
  const body = `${HEADER}.${enc({ iat, exp: iat + JWT_TTL_SECONDS, roles: ['ROLE_USER'], username })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

export type JwtCheck =
  { ok: true; username: string } | { ok: false; reason: 'Invalid JWT Token' | 'Expired JWT Token' };

export function verifyJwt(token: string, secret: Buffer, nowMs: number): JwtCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'Invalid JWT Token' };
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const sig = Buffer.from(parts[2] ?? '', 'base64url');
  if (sig.length !== expected.length || !timingSafeEqual(sig, expected))
    return { ok: false, reason: 'Invalid JWT Token' };
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'Invalid JWT Token' };
  }
  if (typeof payload !== 'object' || payload === null) return { ok: false, reason: 'Invalid JWT Token' };
  const { exp, username } = payload as { exp?: unknown; username?: unknown };
  if (typeof exp !== 'number' || typeof username !== 'string') return { ok: false, reason: 'Invalid JWT Token' };
  if (exp * 1000 <= nowMs) return { ok: false, reason: 'Expired JWT Token' };
  return { ok: true, username };
}
