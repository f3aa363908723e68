/**
 * CSRF tokens as Symfony >= 5.3 makes them (symfony/symfony `Security/Csrf/CsrfTokenManager.php`
 * `randomize()`, used by ezplatform-rest 1.3 `src/lib/Server/Security/CsrfTokenManager.php`): one raw 43-character secret per session;
 * every getToken() returns a new masking `<hex>.<key>.<value XOR key>`, and all of them are
 * valid. An undotted value is compared directly.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const b64url = (b: Buffer): string => b.toString('base64url');

export function newCsrfSecret(): string {
  return b64url(randomBytes(32));
}

function xor(value: Buffer, key: Buffer): Buffer {
  const out = Buffer.allocUnsafe(value.length);
  for (let i = 0; i < value.length; i++) out[i] = (value[i] ?? 0) ^ (key[i % key.length] ?? 0);
  return out;
}

/** CsrfTokenManager::randomize() */
export function maskCsrfToken(secret: string): string {
  const key = randomBytes(32);
  const masked = xor(Buffer.from(secret, 'utf8'), key);
  const prefix = createHash('md5')
    .update(key)
    .digest('hex')
    .slice(0, 1 + ((key[0] ?? 0) % 32));
  return `${prefix}.${b64url(key)}.${b64url(masked)}`;
}

/** CsrfTokenManager::derandomize() */
function unmask(token: string): string {
  const parts = token.split('.');
  if (parts.length !== 3) return token;
  const key = Buffer.from(parts[1] ?? '', 'base64url');
  if (key.length === 0) return token;
  return xor(Buffer.from(parts[2] ?? '', 'base64url'), key).toString('latin1');
}

/** isTokenValid: hash_equals(stored, unmask(sent)); no stored secret means invalid. */
export function isCsrfTokenValid(secret: string | null, sent: string | undefined): boolean {
  if (secret === null || sent === undefined || sent === '') return false;
  const a = Buffer.from(secret, 'latin1');
  const b = Buffer.from(unmask(sent), 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
