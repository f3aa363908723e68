/** The toolbar's request buttons: New request, Import HAR (a file input), Export HAR. */
import { useRef } from 'react';

interface Props {
  onNew: (() => void) | null;
  onExport: () => void;
  onImport: (file: File) => void;
  /** what an export would hold */
  count: number;
}

export function HarButtons({ onNew, onExport, onImport, count }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="tool-button"
        data-testid="new-request"
        disabled={onNew === null}
        onClick={() => onNew?.()}
        title="Build a request from the Root's links or an input template"
      >
        New
      </button>
      <button
        type="button"
        className="tool-button"
        onClick={() => input.current?.click()}
        title="Open a HAR file (Chrome's, Firefox's or ours) to inspect, diff and replay it"
      >
        Import
      </button>
      <input
        ref={input}
        type="file"
        accept=".har,.json,application/json"
        className="visually-hidden"
        data-testid="import-har"
        aria-label="Import a HAR file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f !== undefined) onImport(f);
          e.target.value = '';
        }}
      />
      <button
        type="button"
        className="tool-button"
        data-testid="export-har"
        disabled={count === 0}
        onClick={onExport}
        title={`Save the ${count} requests shown as a HAR 1.2 file (secrets redacted unless set otherwise)`}
      >
        Export
      </button>
    </>
  );
}
