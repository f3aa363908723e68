/**
 * Replay (from a captured entry, or from an answer reached by links) and New request (from
 * nothing): the editor, then the answer beside the original with the diff, the answer's body,
 * and copy-as. Each send also becomes an entry of the list, marked as a replay.
 */
import { useMemo, useState } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import { headerValue } from '../../shared/capture/headers';
import type { AuthState } from '../../shared/domain';
import type { FollowTarget } from '../../shared/ez/follow';
import { BodyView } from '../inspector/BodyView';
import type { InspectorModel } from '../inspector/model';
import { parseBody } from '../inspector/tree/build';
import { ErrorCard } from '../inspector/ErrorCard';
import { parseErrorMessage } from '../../shared/ez/shapes';
import type { PanelApi } from '../usePanelState';
import { DiffView } from './DiffView';
import { blankDraft, draftFromEntry, toRequest, type ReplayDraft } from './draft';
import { NewRequestHelper } from './NewRequestHelper';
import { ReplayEditor } from './ReplayEditor';
import { SnippetBox } from './SnippetBox';
import { useReplay } from './useReplay';

interface Props {
  api: PanelApi;
  model: InspectorModel;
  state: AuthState | null;
  /** what is replayed; null for a new request */
  original: CapturedEntry | null;
  /** a new request starting at this URL (a followed link's), with this Accept */
  start?: { url: string; accept: string } | undefined;
  onClose: () => void;
  onFollow: (t: FollowTarget) => void;
}

export function ReplayPane({ api, model, state, original, start, onClose, onFollow }: Props) {
  const target = state?.target ?? null;
  const [draft, setDraft] = useState<ReplayDraft>(() =>
    original !== null
      ? draftFromEntry(original)
      : blankDraft(
          start?.url ?? (target ? `${target.origin}${target.prefix}/` : ''),
          start?.accept ?? 'application/json',
        ),
  );
  const { identities, run, sending, send, originalBody } = useReplay(api, model, original);
  const [allowed, setAllowed] = useState<string[] | null>(null);
  const probe = async (): Promise<void> => {
    const a = await api.call(
      'replay.send',
      {
        request: { method: 'OPTIONS', url: draft.url, headers: [], body: null },
        identity: { kind: 'anonymous' },
        csrf: false,
        fromPage: false,
      },
      { key: 'replay.options' },
    );
    if (a === null) return;
    const allow = headerValue(a.headers, 'allow');
    setAllowed(
      allow === null
        ? []
        : allow
            .split(',')
            .map((m) => m.trim().toUpperCase())
            .filter(Boolean),
    );
  };
  const a = run?.answer ?? null;
  const parsed = useMemo(() => (a === null ? null : parseBody(a.body, headerValue(a.headers, 'content-type'))), [a]);
  const error = parsed?.format === 'json' ? parseErrorMessage(parsed.value) : null;
  const sentRequest = useMemo(
    () => (a === null ? toRequest(draft) : { ...toRequest(draft), headers: a.requestHeaders }),
    [a, draft],
  );

  return (
    <section className="replay-pane" data-testid="replay-pane" aria-label={original ? 'Replay' : 'New request'}>
      <header className="pane-header">
        <h2>{original !== null ? 'Replay' : 'New request'}</h2>
        {original !== null && (
          <span className="muted pane-sub" title={original.url}>
            of {original.view.method} {original.view.path} ({original.status || 'failed'}, {original.view.badge.label})
          </span>
        )}
        <span className="spacer" />
        <button
          type="button"
          className="icon-button"
          data-testid="replay-close"
          aria-label="Close the replay"
          onClick={onClose}
        >
          ✕
        </button>
      </header>
      <div className="pane-body replay-body">
        {original === null && target !== null && (
          <NewRequestHelper api={api} target={target} draft={draft} onDraft={setDraft} />
        )}
        <ReplayEditor
          draft={draft}
          onChange={setDraft}
          onSend={() => void send(draft)}
          onProbe={() => void probe()}
          sending={sending}
          allowed={allowed}
          identities={identities}
          canAsCaptured={original?.workerId != null}
        />
        {a !== null && (
          <section className="replay-result" aria-label="Answer">
            <div className="replay-summary">
              <span
                className={`status-pill${a.status === 0 || a.status >= 400 ? ' failed' : ''}`}
                data-testid="replay-status"
              >
                {a.status === 0 ? 'failed' : a.status}
              </span>
              <span data-testid="replay-who">
                {a.status === 0 && a.error !== null
                  ? a.error
                  : `${a.statusText} · as ${a.identity}${a.from === 'page' ? ' · sent from the page' : ' · sent by the extension'}`}
                {a.csrf === 'added' && ' · CSRF token added'}
                {a.csrf === 'removed' && ' · without its CSRF token (on purpose)'}
                {a.csrf === 'unknown' && ' · no CSRF token known for this session'}
              </span>
            </div>
            {original !== null && (
              <DiffView
                before={{ status: original.status, headers: original.responseHeaders, body: originalBody }}
                after={{ status: a.status, headers: a.headers, body: a.body }}
              />
            )}
            {error !== null && <ErrorCard error={error} />}
            {parsed !== null && a.body !== '' && (
              <BodyView
                key={run?.entry.id}
                text={a.body}
                parsed={parsed}
                apiOrigin={target?.origin ?? null}
                onFollow={onFollow}
                testId="replay-body-view"
              />
            )}
          </section>
        )}
        <SnippetBox request={sentRequest} reveal={null} />
      </div>
    </section>
  );
}
