/** The toolbar's settings menu: how many requests the list keeps (the oldest go first), secrets in HAR exports. */
import { useEffect, useRef, useState } from 'react';

export const CAPACITIES = [1_000, 2_000, 5_000, 10_000, 50_000, 100_000] as const;

interface Props {
  capacity: number;
  onCapacity: (n: number) => void;
  exportSecrets: boolean;
  onExportSecrets: (on: boolean) => void;
}

export function Settings({ capacity, onCapacity, exportSecrets, onExportSecrets }: Props) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <span className="settings" ref={box}>
      <button
        type="button"
        className="icon-button"
        data-testid="settings"
        aria-expanded={open}
        aria-label="Settings"
        title="Settings"
        onClick={() => setOpen((o) => !o)}
      >
        ⚙
      </button>
      {open && (
        <div className="settings-menu" role="dialog" aria-label="Settings">
          <label>
            Keep at most{' '}
            <select data-testid="capacity" value={capacity} onChange={(e) => onCapacity(Number(e.target.value))}>
              {CAPACITIES.map((n) => (
                <option key={n} value={n}>
                  {n.toLocaleString('en')}
                </option>
              ))}
            </select>{' '}
            requests (the oldest go first)
          </label>
          <label
            className="tool-check"
            title="Session cookies, Authorization, CSRF tokens, passwords: REDACTED in the file unless ticked"
          >
            <input
              type="checkbox"
              data-testid="export-secrets"
              checked={exportSecrets}
              onChange={(e) => onExportSecrets(e.target.checked)}
            />
            Export HAR with secrets
          </label>
        </div>
      )}
    </span>
  );
}
