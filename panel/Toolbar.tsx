/**
 * The toolbar row, as DevTools' own panels have it: who you are (the identity chip, one click
 * from the Auth pane), the API base and its Root, the filter, preserve-log, all-XHR, Clear, and
 * the count of what the filter shows out of what was captured (and how many were dropped).
 */
import type { ReactNode, RefObject } from 'react';
import type { AuthState } from '../shared/domain';
import { apiBaseOf } from '../shared/api-base';
import { AuthStatus } from './AuthStatus';
import { Spinner } from './ui';

interface Props {
  state: AuthState | null;
  idle?: string;
  authOpen: boolean;
  onToggleAuth: () => void;
  filter: string;
  onFilter: (text: string) => void;
  filterRef: RefObject<HTMLInputElement | null>;
  preserveLog: boolean;
  onPreserveLog: (on: boolean) => void;
  showAll: boolean;
  onShowAll: (on: boolean) => void;
  onClear: () => void;
  onRoot: (() => void) | null;
  shown: number;
  total: number;
  dropped: number;
  /** what of the filter text was not understood */
  problems: readonly string[];
  /** more buttons (New request, HAR import/export) */
  children?: ReactNode;
  /** at the far end, after the count (settings) */
  end?: ReactNode;
  /** New request, HAR import and export */
  files?: ReactNode;
}

export function Toolbar(p: Props) {
  const base = apiBaseOf(p.state?.target ?? null);
  return (
    <div className="toolbar" role="toolbar" aria-label="Inspector">
      <AuthStatus state={p.state} idle={p.idle} open={p.authOpen} onToggle={p.onToggleAuth} />
      {p.state?.busy === true && <Spinner label="The extension is working" />}
      <span className="divider" />
      <button
        type="button"
        className="tool-button"
        data-testid="api-root"
        disabled={p.onRoot === null}
        onClick={() => p.onRoot?.()}
        title={base === '' ? 'No API target yet' : `Open the Root resource of ${base}`}
      >
        Root
      </button>
      <span className="api-base muted" title={base} data-testid="toolbar-api-base">
        {base === '' ? 'no API' : base}
      </span>
      <span className="divider" />
      <span className="filter-box">
        <input
          ref={p.filterRef}
          className="filter"
          data-testid="request-filter"
          type="search"
          placeholder="Filter  (/)  e.g. status:4xx -method:GET auth:csrf-missing"
          aria-label="Filter requests"
          aria-invalid={p.problems.length > 0}
          aria-describedby={p.problems.length > 0 ? 'filter-problems' : undefined}
          spellCheck={false}
          value={p.filter}
          onChange={(e) => p.onFilter(e.target.value)}
        />
        {/* Over the list, not above it: a line appearing while typing would move everything. */}
        {p.problems.length > 0 && (
          <span className="filter-problems" id="filter-problems" role="status" data-testid="filter-problems">
            {p.problems.join('; ')}
          </span>
        )}
      </span>
      <label className="tool-check" title="Keep requests when the page navigates">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={p.preserveLog}
          onChange={(e) => p.onPreserveLog(e.target.checked)}
        />
        Preserve log
      </label>
      <label className="tool-check" title="Show every fetch/XHR, not only REST calls">
        <input
          type="checkbox"
          data-testid="show-all-xhr"
          checked={p.showAll}
          onChange={(e) => p.onShowAll(e.target.checked)}
        />
        All XHR
      </label>
      <button type="button" className="tool-button" data-testid="clear-log" onClick={p.onClear} title="Clear the list">
        Clear
      </button>
      {p.children}
      {p.files !== undefined && <span className="divider" />}
      {p.files}
      <span className="spacer" />
      <span
        className="request-count"
        data-testid="request-count"
        title={p.dropped > 0 ? `${p.dropped} older requests were dropped to stay within the limit` : undefined}
      >
        {p.shown} / {p.total}
        {p.dropped > 0 && <span className="muted"> ({p.dropped} dropped)</span>}
      </span>
      {p.end}
    </div>
  );
}
