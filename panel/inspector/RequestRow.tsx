/** One row of the request list: method, path, status, eZ type, the auth it carried, size, time. */
import type { CapturedEntry } from '../../shared/capture/entry';
import { formatBytes, formatMs } from './format';

export function Row({
  entry: e,
  top,
  index,
  selected,
  open,
  onClick,
}: {
  entry: CapturedEntry;
  top: number;
  index: number;
  selected: boolean;
  open: boolean;
  onClick: () => void;
}) {
  const b = e.view.badge;
  const cls = [
    'req-row',
    'request-row',
    e.view.failed ? 'failed' : '',
    selected ? 'selected' : '',
    open ? 'open' : '',
    index % 2 ? 'odd' : '',
  ].join(' ');
  return (
    <div
      className={cls}
      role="row"
      aria-selected={selected}
      aria-rowindex={index + 1}
      data-testid="request-row"
      data-entry-id={e.id}
      data-status={e.status}
      data-type={e.view.resource ?? ''}
      data-auth={b.kind}
      style={{ transform: `translateY(${top}px)` }}
      onClick={onClick}
      title={e.url}
    >
      <span className="col-method" role="gridcell">
        {e.view.method}
        {e.view.method !== e.method && (
          <span className="muted" title={`sent as ${e.method} with X-HTTP-Method-Override`}>
            *
          </span>
        )}
      </span>
      <span className="col-path" role="gridcell">
        {e.replayOf !== undefined && (
          <span className="replay-mark" title={`Replay as ${e.replayOf.identity}`}>
            ↻{' '}
          </span>
        )}
        {e.view.path}
      </span>
      <span className="col-status" role="gridcell" title={e.error ?? e.statusText}>
        {e.status === 0 ? (e.error !== null ? 'failed' : '—') : e.status}
      </span>
      <span className="col-type" role="gridcell">
        {e.view.resource ?? ''}
      </span>
      <span className={`col-auth badge auth-${b.kind}`} role="gridcell" title={b.title} data-testid="auth-badge">
        {b.label}
        {b.csrf === 'missing' && (
          <span className="csrf-missing" title="Unsafe method without X-CSRF-Token">
            {' '}
            no CSRF
          </span>
        )}
        {b.csrf === 'sent' && (
          <span className="csrf-sent" title="X-CSRF-Token sent">
            {' '}
            +CSRF
          </span>
        )}
      </span>
      <span className="col-size" role="gridcell">
        {formatBytes(e.size)}
      </span>
      <span className="col-time" role="gridcell">
        {formatMs(e.timeMs)}
      </span>
    </div>
  );
}
