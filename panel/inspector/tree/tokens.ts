/**
 * Syntax colour for the raw view, by a small lexer of our own: the tokens are rendered as text in
 * spans (never as HTML), so no highlighter output is ever trusted as markup. Past `COLOUR_LIMIT`
 * characters the rest is one plain token: colouring megabytes would cost more than it shows.
 */
export type TokenKind = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'tag' | 'attr' | 'text';
export interface Token {
  kind: TokenKind;
  text: string;
}

export const COLOUR_LIMIT = 256 * 1024;

const JSON_RE =
  /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)|([{}[\],:])|(\s+)|(.)/gy;
const XML_RE =
  /(<\/?[A-Za-z_][\w.:-]*|\/?>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)|(\s+)|([A-Za-z_][\w.:-]*)(?=\s*=)|(=)|("[^"]*"|'[^']*')|([^<>="'\s]+)|(.)/gy;

function lex(text: string, re: RegExp, kindOf: (m: RegExpExecArray) => TokenKind): Token[] {
  const head = text.slice(0, COLOUR_LIMIT);
  const out: Token[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (re.lastIndex < head.length && (m = re.exec(head)) !== null) {
    const kind = kindOf(m);
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === kind) last.text += m[0];
    else out.push({ kind, text: m[0] });
  }
  if (text.length > head.length) out.push({ kind: 'text', text: text.slice(head.length) });
  return out;
}

export function jsonTokens(text: string): Token[] {
  return lex(text, JSON_RE, (m) =>
    m[1] !== undefined
      ? m[2] !== undefined
        ? 'key'
        : 'string'
      : m[3] !== undefined
        ? 'number'
        : m[4] !== undefined
          ? 'literal'
          : m[5] !== undefined
            ? 'punct'
            : 'text',
  );
}

export function xmlTokens(text: string): Token[] {
  let inTag = false;
  return lex(text, XML_RE, (m) => {
    if (m[1] !== undefined) {
      inTag = m[1].startsWith('<') && !m[1].startsWith('<?') && !m[1].startsWith('<!');
      if (m[1].endsWith('>')) inTag = false;
      return 'tag';
    }
    if (!inTag) return 'text';
    if (m[3] !== undefined) return 'attr';
    if (m[4] !== undefined) return 'punct';
    if (m[5] !== undefined) return 'string';
    return 'text';
  });
}

/** Pretty JSON for the raw view's "pretty" mode and for copying; the text as it came otherwise. */
export function prettyJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
