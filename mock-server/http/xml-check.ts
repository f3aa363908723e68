/**
 * Well-formedness as libxml judges it before the REST input dispatcher reads anything
 * (ezplatform-rest 1.3 `Input/Handler/Xml.php` loads the body with DOMDocument): forbidden
 * characters (NUL and other C0 controls), an XML declaration anywhere but at the very start, a
 * second root, unclosed or mismatched tags, undefined entities, and an encoding libxml would not
 * know. saxes is a strict XML 1.0 parser; it reports the first problem with its position.
 */
import { SaxesParser } from 'saxes';

export interface XmlProblem {
  message: string;
  line: number;
  column: number;
}

/** Encodings libxml reads without iconv help, under the names clients write. */
const LATIN1 = /^(iso-?8859-1|latin-?1|l1)$/i;
const KNOWN = /^(utf-?8|us-ascii|ascii|iso-?8859-1|latin-?1|l1)$/i;

/** The body as text: Latin-1 when its declaration says so, else UTF-8 (without a byte order mark). */
export function decodeBytes(raw: Buffer): string {
  const head = raw.subarray(0, 200).toString('latin1');
  const encoding = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1] ?? 'utf-8';
  const text = raw.toString(LATIN1.test(encoding) ? 'latin1' : 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function checkWellFormed(text: string): XmlProblem | null {
  let first: XmlProblem | null = null;
  const parser = new SaxesParser({ position: true });
  parser.on('error', (e) => {
    if (first !== null) return;
    // saxes writes "line:column: message"
    const m = /^(\d+):(\d+): (.*)$/s.exec(e.message);
    first = m
      ? { line: Number(m[1]), column: Number(m[2]), message: m[3] ?? e.message }
      : { line: 1, column: 1, message: e.message };
  });
  parser.on('xmldecl', (decl) => {
    if (first === null && decl.encoding !== undefined && !KNOWN.test(decl.encoding)) {
      first = { line: 1, column: 1, message: `Unsupported encoding ${decl.encoding}` };
    }
  });
  try {
    parser.write(text).close();
  } catch (e) {
    first ??= { line: 1, column: 1, message: e instanceof Error ? e.message : String(e) };
  }
  return first;
}
