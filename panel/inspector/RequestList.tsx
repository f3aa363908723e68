/**
 * The request list: one row per entry, virtualised (@tanstack/react-virtual), so 100,000 rows
 * scroll as smoothly as 100. Rows are chosen by id, never by position: the detail keeps showing
 * the clicked entry whatever the filter does afterwards. ↑/↓ move the selection, Enter opens it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import { formatBytes, formatMs } from './format';

export const ROW_HEIGHT = 21;

interface Props {
  entries: readonly CapturedEntry[];
  selectedId: string | null;
  openId: string | null;
  onSelect: (id: string, open: boolean) => void;
  /** what to say when nothing is listed */
  empty: string;
  /** the filter these entries passed (the list lags typing by a frame under load) */
  filter?: string;
}

/** Memoised: typing in the filter re-renders the workspace first with the old list (the filtered
 * one is deferred); this list must not redo its work for that. */
export const RequestList = memo(function RequestList({
  entries,
  selectedId,
  openId,
  onSelect,
  empty,
  filter = '',
}: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // Stable callbacks: the virtualiser rebuilds its measurements (O(rows)) whenever its item key
  // function changes, which would make every scroll frame of 100,000 rows cost 100,000 objects.
  const getItemKey = useCallback((i: number) => entries[i]?.id ?? i, [entries]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT, []);
  const v = useVirtualizer({
    count: entries.length,
    getScrollElement,
    estimateSize,
    overscan: 8,
    getItemKey,
    initialRect: { width: 800, height: 400 },
  });
  const selectedIndex = selectedId === null ? -1 : entries.findIndex((e) => e.id === selectedId);

  useEffect(() => {
    if (selectedIndex >= 0) v.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, v]);

  const move = (by: number): void => {
    if (entries.length === 0) return;
    const from = selectedIndex < 0 ? (by > 0 ? -1 : entries.length) : selectedIndex;
    const next = entries[Math.max(0, Math.min(entries.length - 1, from + by))];
    if (next !== undefined) onSelect(next.id, openId !== null);
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(1),
      ArrowUp: () => move(-1),
      PageDown: () => move(10),
      PageUp: () => move(-10),
      Home: () => move(-entries.length),
      End: () => move(entries.length),
      Enter: () => selectedId !== null && onSelect(selectedId, true),
    };
    const run = keys[e.key];
    if (run === undefined) return;
    e.preventDefault();
    run();
  };

  return (
    <div
      className="request-list"
      role="grid"
      aria-label="Requests"
      aria-rowcount={entries.length}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="request-list"
      data-filter={filter}
    >
      <div className="req-row list-head" role="row">
        <span role="columnheader">Method</span>
        <span role="columnheader">Path</span>
        <span role="columnheader">Status</span>
        <span role="columnheader" className="col-type">
          Type
        </span>
        <span role="columnheader">Auth</span>
        <span role="columnheader" className="col-size">
          Size
        </span>
        <span role="columnheader" className="col-time">
          Time
        </span>
      </div>
      <div className="list-scroll" ref={scroller}>
        {entries.length === 0 ? (
          <p className="empty-list muted">{empty}</p>
        ) : (
          <div style={{ height: v.getTotalSize(), position: 'relative' }}>
            {v.getVirtualItems().map((item, slot) => {
              const e = entries[item.index];
              if (e === undefined) return null;
              return (
                <Row
                  // Keyed by slot on screen, not by entry: scrolling then updates the text of
                  // the same row elements instead of removing and creating rows every frame.
                  key={slot}
                  entry={e}
                  top={item.start}
                  index={item.index}
                  selected={e.id === selectedId}
                  open={e.id === openId}
                  onClick={() => onSelect(e.id, true)}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
});

function Row({
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
