/** A base64 body (HAR `encoding: "base64"`) as UTF-8 text; null when it is not base64 at all. */
export function decodeBase64(b64: string): string | null {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}
