/**
 * The one place the outcome of the last action appears: one notice, one message (which one is
 * decided in usePanelState), dismissable whatever it came from.
 */
import type { Notice as NoticeValue } from '../shared/domain';

export function Notice(props: { notice: NoticeValue | null; onDismiss: () => void }) {
  const n = props.notice;
  if (n === null) return null;
  return (
    <div className={`notice notice-${n.level}`} data-testid="notice" data-level={n.level} role="alert">
      <p className="notice-text">{n.message}</p>
      <button
        type="button"
        className="link"
        data-testid="notice-dismiss"
        onClick={props.onDismiss}
        aria-label="Dismiss"
      >
        ✕
      </button>
    </div>
  );
}
