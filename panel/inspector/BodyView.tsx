/**
 * A body, readable: JSON and XML as one collapsible, searchable, coloured tree (virtualised:
 * a 5 MB body opens as fast as a small one), or raw with colour; copy either. Every `_href` /
 * `href` the API may be asked for is a link; one that leaves the API origin is plain text.
 * No body text is ever HTML: every value is a React text child.
 */
import { useState } from 'react';
import type { FollowTarget } from '../../shared/ez/follow';
import type { ParsedBody } from './tree/build';
import { prettyJson } from './tree/tokens';
import { TreeView } from './TreeView';
import { RawView } from './RawView';
import { copyText } from './clipboard';

interface Props {
  text: string;
  parsed: ParsedBody;
  /** the API origin links must stay on; null: follow nothing */
  apiOrigin: string | null;
  onFollow: (t: FollowTarget) => void;
  testId?: string;
}

export function BodyView({ text, parsed, apiOrigin, onFollow, testId = 'body-view' }: Props) {
  const [mode, setMode] = useState<'tree' | 'raw'>(parsed.format === 'text' ? 'raw' : 'tree');
  const [query, setQuery] = useState('');
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (): void => {
    const out = mode === 'tree' && parsed.format === 'json' ? prettyJson(parsed.value) : text;
    void copyText(out).then((ok) => setCopied(ok ? 'Copied' : 'Copy failed: select the raw text instead'));
  };
  return (
    <div className="body-view" data-testid={testId} data-format={parsed.format}>
      <div className="body-tools">
        {parsed.format !== 'text' && (
          <span className="segmented" role="group" aria-label="View">
            <button
              type="button"
              aria-pressed={mode === 'tree'}
              data-testid="body-tree"
              onClick={() => setMode('tree')}
            >
              {parsed.format === 'json' ? 'JSON' : 'XML'}
            </button>
            <button type="button" aria-pressed={mode === 'raw'} data-testid="body-raw" onClick={() => setMode('raw')}>
              Raw
            </button>
          </span>
        )}
        <input
          type="search"
          className="body-search"
          data-testid="body-search"
          placeholder="Find in body"
          aria-label="Find in body"
          spellCheck={false}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" className="small" data-testid="body-copy" onClick={copy}>
          Copy
        </button>
        {copied !== null && (
          <span className="muted" role="status">
            {copied}
          </span>
        )}
      </div>
      {parsed.format === 'text' && parsed.error !== null && (
        <p className="body-note muted">{parsed.error}; shown as text.</p>
      )}
      {mode === 'tree' && parsed.format !== 'text' ? (
        <TreeView
          root={parsed.root}
          nodes={parsed.nodes}
          query={query.toLowerCase()}
          format={parsed.format}
          apiOrigin={apiOrigin}
          onFollow={onFollow}
        />
      ) : (
        <RawView text={text} format={parsed.format} query={query} />
      )}
    </div>
  );
}
