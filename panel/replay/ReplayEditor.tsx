/** The request as it will go: method (eZ's verbs too, or via X-HTTP-Method-Override), URL, headers, body, and who sends it. */
import type { SavedIdentityView } from '../../shared/domain/replay';
import { headerValue } from '../../shared/capture/headers';
import { checkInput } from '../../shared/ez/inputs';
import { ActionButton } from '../ui';
import { METHODS, parseHeaders, type ReplayDraft } from './draft';

interface Props {
  draft: ReplayDraft;
  onChange: (d: ReplayDraft) => void;
  onSend: () => void;
  onProbe: () => void;
  sending: boolean;
  /** methods the server's Allow header named (OPTIONS probe) */
  allowed: string[] | null;
  identities: SavedIdentityView[];
  canAsCaptured: boolean;
}

export function ReplayEditor({
  draft: d,
  onChange,
  onSend,
  onProbe,
  sending,
  allowed,
  identities,
  canAsCaptured,
}: Props) {
  const set = (patch: Partial<ReplayDraft>): void => onChange({ ...d, ...patch });
  const { headers, problems } = parseHeaders(d.headers);
  const check = checkInput(headerValue(headers, 'content-type'), d.body);
  const methods = allowed ?? METHODS;
  return (
    <form
      className="replay-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSend();
      }}
    >
      <div className="replay-line">
        <input
          className="method"
          data-testid="replay-method"
          aria-label="Method"
          list="replay-methods"
          spellCheck={false}
          value={d.method}
          onChange={(e) => set({ method: e.target.value.toUpperCase() })}
        />
        <datalist id="replay-methods">
          {methods.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
        <input
          className="url"
          data-testid="replay-url"
          aria-label="URL"
          spellCheck={false}
          value={d.url}
          onChange={(e) => set({ url: e.target.value })}
        />
        <button
          type="button"
          className="small"
          data-testid="replay-options"
          onClick={onProbe}
          title="Ask the server which methods this URL takes (OPTIONS, Allow)"
        >
          Allow?
        </button>
      </div>
      {allowed !== null && <p className="muted">The server allows: {allowed.join(', ') || '(no Allow header)'}</p>}
      <label className="tool-check" title="For clients and proxies that only pass GET and POST">
        <input
          type="checkbox"
          data-testid="replay-override"
          checked={d.override}
          onChange={(e) => set({ override: e.target.checked })}
        />
        Send as POST with X-HTTP-Method-Override
      </label>
      <label className="field">
        <span>Headers (Cookie, Authorization and X-CSRF-Token come from the identity)</span>
        <textarea
          data-testid="replay-headers"
          rows={3}
          spellCheck={false}
          value={d.headers}
          onChange={(e) => set({ headers: e.target.value })}
        />
      </label>
      {problems.length > 0 && <p className="warning-text">{problems.join('; ')}</p>}
      <label className="field">
        <span>Body</span>
        <textarea
          data-testid="replay-body"
          rows={5}
          spellCheck={false}
          value={d.body}
          onChange={(e) => set({ body: e.target.value })}
        />
      </label>
      {check !== null && (
        <p className="warning-text" data-testid="replay-check">
          {check}
        </p>
      )}
      <div className="replay-line">
        <label className="tool-check">
          As
          <select
            data-testid="replay-identity"
            value={d.identity}
            onChange={(e) => set({ identity: e.target.value })}
            disabled={d.fromPage}
          >
            {canAsCaptured && <option value="as-captured">as captured</option>}
            <option value="page-session">the page's session</option>
            <option value="panel-session">the panel's session</option>
            {identities.map((i) => (
              <option key={i.name} value={i.name}>
                {i.name} ({i.kind === 'basic' ? 'Basic' : 'session'}, {i.user})
              </option>
            ))}
            <option value="anonymous">anonymous</option>
          </select>
        </label>
        <label
          className="tool-check"
          title="Add the identity's CSRF token to unsafe methods; untick to see what the server says without it"
        >
          <input
            type="checkbox"
            data-testid="replay-csrf"
            checked={d.csrf}
            onChange={(e) => set({ csrf: e.target.checked })}
          />
          CSRF token
        </label>
        <label
          className="tool-check"
          title="Send it from inside the page (its cookies, its service worker) instead of from the extension"
        >
          <input
            type="checkbox"
            data-testid="replay-from-page"
            checked={d.fromPage}
            onChange={(e) => set({ fromPage: e.target.checked })}
          />
          From the page
        </label>
        <span className="spacer" />
        <ActionButton
          testId="replay-send"
          type="submit"
          className="primary"
          busy={sending}
          disabled={d.url.trim() === '' || d.method.trim() === ''}
        >
          Send
        </ActionButton>
      </div>
    </form>
  );
}
