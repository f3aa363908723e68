/** The raw view of a body: the text as it came, coloured by our own lexer (every token a text child, never markup). */
import { useMemo } from 'react';
import type { ParsedBody } from './tree/build';
import { jsonTokens, xmlTokens, type Token } from './tree/tokens';

/** The text as it came, coloured by our own lexer, every token a text child. */
export function RawView({ text, format, query }: { text: string; format: ParsedBody['format']; query: string }) {
  const tokens: Token[] = useMemo(
    () => (format === 'json' ? jsonTokens(text) : format === 'xml' ? xmlTokens(text) : [{ kind: 'text', text }]),
    [text, format],
  );
  const q = query.toLowerCase();
  const hits = useMemo(() => (q === '' ? 0 : text.toLowerCase().split(q).length - 1), [text, q]);
  return (
    <>
      {q !== '' && (
        <p className="body-note muted" role="status">
          {hits === 0 ? 'No match' : `${hits} ${hits === 1 ? 'match' : 'matches'}`}
        </p>
      )}
      <pre className="raw" data-testid="body-raw-text">
        {tokens.map((t, i) => (
          <span key={i} className={`tok-${t.kind}`}>
            {t.text}
          </span>
        ))}
      </pre>
    </>
  );
}
