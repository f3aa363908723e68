/**
 * Copy as cURL, fetch or HTTPie: redacted by default (shared/http/redact.ts, the same rules as
 * the HAR export), with a visible switch to include the secrets. A value the worker masked before
 * it left (a `•` in it) is asked of the worker when secrets are wanted: it still holds it.
 */
import { useEffect, useRef, useState } from 'react';
import type { HeaderPair } from '../../shared/domain/capture';
import { SECRET_HEADERS } from '../../shared/capture/headers';
import { redactRequest } from '../../shared/http/redact';
import type { PlainRequest } from '../../shared/http/request';
import { SNIPPET_FORMATS, snippet, type SnippetFormat } from '../../shared/http/snippets';
import { copyText } from '../inspector/clipboard';

interface Props {
  request: PlainRequest;
  /** the worker's real value of a masked header, or null when nobody holds it */
  reveal: ((name: string) => Promise<string | null>) | null;
}

const LABELS: Record<SnippetFormat, string> = { curl: 'cURL (bash)', fetch: 'fetch (JavaScript)', httpie: 'HTTPie' };

export function SnippetBox({ request, reveal }: Props) {
  const [format, setFormat] = useState<SnippetFormat>('curl');
  const [secrets, setSecrets] = useState(false);
  const [headers, setHeaders] = useState<HeaderPair[]>(request.headers);
  const [note, setNote] = useState<string | null>(null);
  // Callers pass fresh objects each render: the effect keys on what they hold, not on identity.
  const revealRef = useRef(reveal);
  revealRef.current = reveal;
  const key = JSON.stringify(request);
  useEffect(() => {
    const reveal = revealRef.current;
    let live = true;
    if (!secrets) {
      setHeaders(request.headers);
      return;
    }
    void Promise.all(
      request.headers.map(async (h) => {
        if (!SECRET_HEADERS.has(h.name.toLowerCase()) || !h.value.includes('•')) return h;
        const real = reveal === null ? null : await reveal(h.name);
        return real === null ? h : { name: h.name, value: real };
      }),
    ).then((hs) => {
      if (!live) return;
      setHeaders(hs);
      setNote(
        hs.some((h) => h.value.includes('•'))
          ? 'Some secrets were masked before the panel saw them and nobody holds them any more: they stay masked.'
          : null,
      );
    });
    return () => {
      live = false;
    };
    // `key` stands for `request`
  }, [secrets, key]);
  const full = { ...request, headers };
  const text = snippet(format, secrets ? full : redactRequest(full));
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <section className="snippet-box" aria-label="Copy as">
      <div className="body-tools">
        <select
          data-testid="copy-format"
          aria-label="Copy as"
          value={format}
          onChange={(e) => setFormat(e.target.value as SnippetFormat)}
        >
          {SNIPPET_FORMATS.map((f) => (
            <option key={f} value={f}>
              {LABELS[f]}
            </option>
          ))}
        </select>
        <label
          className="tool-check"
          title="Session cookie, Authorization, X-CSRF-Token, passwords and tokens in bodies are REDACTED unless ticked"
        >
          <input
            type="checkbox"
            data-testid="include-secrets"
            checked={secrets}
            onChange={(e) => setSecrets(e.target.checked)}
          />
          Include secrets
        </label>
        <button
          type="button"
          className="small"
          data-testid="snippet-copy"
          onClick={() => void copyText(text).then((ok) => setCopied(ok ? 'Copied' : 'Copy failed: select the text'))}
        >
          Copy
        </button>
        {copied !== null && (
          <span className="muted" role="status">
            {copied}
          </span>
        )}
      </div>
      {secrets && <p className="warning-text">Secrets included: whoever gets this text can act as this user.</p>}
      {note !== null && <p className="muted">{note}</p>}
      <pre className="raw snippet" data-testid="snippet">
        {text}
      </pre>
    </section>
  );
}
