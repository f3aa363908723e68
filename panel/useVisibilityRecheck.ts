/**
 * Runs `recheck` when the panel comes back into view: the tab (or DevTools window) became visible
 * again, or DevTools showed our panel after another one (devtools.ts forwards the panel's
 * `onShown` as a `PANEL_SHOWN_EVENT` on the panel's window). At most once every 2 s.
 */
import { useEffect, useRef } from 'react';
import { PANEL_SHOWN_EVENT } from './host';

const MIN_GAP_MS = 2000;

export function useVisibilityRecheck(enabled: boolean, recheck: () => unknown): void {
  const latest = useRef(recheck);
  latest.current = recheck;
  const last = useRef(0);
  useEffect(() => {
    if (!enabled || typeof document === 'undefined') return;
    const run = (): void => {
      if (document.visibilityState !== 'visible') return;
      const now = Date.now();
      if (now - last.current < MIN_GAP_MS) return;
      last.current = now;
      void latest.current();
    };
    document.addEventListener('visibilitychange', run);
    window.addEventListener(PANEL_SHOWN_EVENT, run);
    return () => {
      document.removeEventListener('visibilitychange', run);
      window.removeEventListener(PANEL_SHOWN_EVENT, run);
    };
  }, [enabled]);
}
