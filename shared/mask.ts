/**
 * How a secret looks until the user reveals it: as many characters as the value, so revealing it
 * moves nothing on screen, and the first four kept when it is long enough to tell two apart
 * without giving it away. The worker masks cookie values before they leave it; the panel masks
 * the session values it holds the same way.
 */
export function maskSecret(secret: string): string {
  if (secret.length <= 8) return '•'.repeat(secret.length);
  return `${secret.slice(0, 4)}${'•'.repeat(secret.length - 4)}`;
}
