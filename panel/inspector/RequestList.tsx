/**
 * The request list: one row per entry, virtualised (@tanstack/react-virtual), so 100,000 rows
 * scroll as smoothly as 100. Rows are chosen by id, never by position: the detail keeps showing
 * the clicked entry whatever the filter does afterwards. ↑/↓ move the selection, Enter opens it.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import { Row } from './RequestRow';

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

/** What the list says when it shows nothing. */
export function emptyText(total: number, filter: string, devtools: boolean): string {
  if (total > 0)
    return filter.trim() !== ''
      ? 'No request matches the filter.'
      : 'No REST call yet (tick "All XHR" to see the others).';
  return devtools
    ? 'No REST call yet. Use the page: its API calls appear here, with what auth each carried.'
    : 'No REST call yet. Calls the page makes appear here (bodies need the panel inside DevTools).';
}
