/**
 * The detail pane of one entry (or of an answer reached by following links): headers as sent and
 * received, cookies, timing, the identity it ran as, and the body made readable, with an error
 * card for eZ's ErrorMessage and the reason of a 401. Back/forward walk the followed links.
 */
import { useMemo, useState } from 'react';
import type { AuthState } from '../../shared/domain';
import type { FollowTarget } from '../../shared/ez/follow';
import type { InspectorModel } from './model';
import type { DetailView, Explore } from './useExplore';
import { BodyPanel } from './BodyPanel';
import { CookiesTab } from './CookiesTab';
import { HeaderTable } from './HeaderTable';
import { formatMs } from './format';
import { describeView, type Described } from './describe-view';
import { SnippetBox } from '../replay/SnippetBox';
import { useGlobalKey } from '../useKeys';

type Tab = 'headers' | 'response' | 'request' | 'cookies' | 'timing' | 'copy';

interface Props {
  explore: Explore;
  model: InspectorModel;
  state: AuthState | null;
  reveal: (workerId: string, header: string) => Promise<string | null>;
  /** issue buttons of the detail (replay, copy as) */
  actions?: (view: DetailView) => React.ReactNode;
}

export function Detail({ explore, model, state, reveal, actions }: Props) {
  const view = explore.view;
  const [tab, setTab] = useState<Tab>('response');
  const d = useMemo(() => (view === null ? null : describeView(view)), [view]);
  // Esc closes the detail from anywhere but a text field (where it belongs to the field).
  useGlobalKey('Escape', () => explore.close());
  if (view === null || d === null) return null;
  const follow = (t: FollowTarget): void => {
    explore.follow(t.url, t.accept);
    setTab('response');
  };
  const tabs: Array<[Tab, string]> = [
    ['headers', 'Headers'],
    ['response', 'Response'],
    ...(d.requestBody !== null ? ([['request', 'Payload']] as Array<[Tab, string]>) : []),
    ['cookies', 'Cookies'],
    ['timing', 'Timing'],
    ['copy', 'Copy as'],
  ];
  const shown = tabs.some(([t]) => t === tab) ? tab : 'response';
  const workerId = view.kind === 'entry' ? view.entry.workerId : null;
  const revealHeader = workerId === null ? null : (name: string) => reveal(workerId, name);

  return (
    <section className="detail" data-testid="request-detail" data-view={view.kind} aria-label="Request detail">
      <header className="detail-head">
        <button
          type="button"
          className="icon-button"
          data-testid="nav-back"
          disabled={!explore.canBack}
          onClick={explore.back}
          aria-label="Back"
          title="Back"
        >
          ←
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="nav-forward"
          disabled={!explore.canForward}
          onClick={explore.forward}
          aria-label="Forward"
          title="Forward"
        >
          →
        </button>
        <span className={`status-pill${d.failed ? ' failed' : ''}`} data-testid="detail-status">
          {d.pending ? '…' : d.status === 0 ? 'failed' : d.status}
        </span>
        <span className="detail-title" title={d.url}>
          <strong>{d.method}</strong> {d.url}
        </span>
        <span className="spacer" />
        {actions?.(view)}
        <button
          type="button"
          className="icon-button"
          data-testid="detail-close"
          onClick={explore.close}
          aria-label="Close the detail (Esc)"
          title="Close (Esc)"
        >
          ✕
        </button>
      </header>
      <div className="detail-ran-as muted" data-testid="ran-as" title={d.ranAsTitle}>
        {d.ranAs}
      </div>
      <nav className="tabs" role="tablist">
        {tabs.map(([t, label]) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={shown === t}
            data-testid={`tab-${t}`}
            onClick={() => setTab(t)}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="detail-body">
        {shown === 'headers' && <HeadersTab d={d} reveal={revealHeader} />}
        {shown === 'response' && <BodyPanel view={view} model={model} state={state} onFollow={follow} />}
        {shown === 'request' && d.requestBody !== null && <RequestTab body={d.requestBody} />}
        {shown === 'cookies' && <CookiesTab d={d} />}
        {shown === 'timing' && <TimingTab d={d} />}
        {shown === 'copy' && (
          <SnippetBox
            request={{
              method: d.sentMethod,
              url: d.url,
              headers: [...d.requestHeaders],
              body: d.requestBody?.text ?? null,
            }}
            reveal={revealHeader}
          />
        )}
      </div>
    </section>
  );
}

function HeadersTab({ d, reveal }: { d: Described; reveal: ((name: string) => Promise<string | null>) | null }) {
  return (
    <>
      <section className="detail-section">
        <h3>General</h3>
        <dl className="headers">
          <dt>URL</dt>
          <dd>
            <code>{d.url}</code>
          </dd>
          <dt>Method</dt>
          <dd>
            <code>
              {d.method}
              {d.sentMethod !== d.method ? ` (sent as ${d.sentMethod} with X-HTTP-Method-Override)` : ''}
            </code>
          </dd>
          <dt>Status</dt>
          <dd>
            <code>{d.status === 0 ? (d.error ?? 'no answer') : `${d.status} ${d.statusText}`}</code>
          </dd>
          <dt>Seen by</dt>
          <dd>{d.sources}</dd>
        </dl>
      </section>
      <HeaderTable title="Request headers" headers={d.requestHeaders} reveal={reveal} testId="request-headers" />
      <HeaderTable title="Response headers" headers={d.responseHeaders} reveal={null} testId="response-headers" />
    </>
  );
}

function RequestTab({ body }: { body: { mimeType: string; text: string } }) {
  return (
    <section className="detail-section">
      <h3>
        Request body <span className="muted">{body.mimeType}</span>
      </h3>
      <pre className="raw">{body.text}</pre>
    </section>
  );
}

function TimingTab({ d }: { d: Described }) {
  return (
    <section className="detail-section">
      <dl className="headers">
        <dt>Started</dt>
        <dd>
          {d.startedAt === null
            ? '—'
            : new Date(d.startedAt).toLocaleTimeString(undefined, {
                hour12: false,
                fractionalSecondDigits: 3,
              } as Intl.DateTimeFormatOptions)}
        </dd>
        <dt>Duration</dt>
        <dd>{formatMs(d.timeMs) || '—'}</dd>
      </dl>
    </section>
  );
}
