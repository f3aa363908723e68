/**
 * The one place errors and notices appear. The panel's own notice (a failed request, a declined
 * permission) and the worker's `state.notice` are merged into one element so tests and people
 * look in one spot; the most severe level wins.
 */
import type { Notice as NoticeValue } from '../shared/protocol';

const RANK: Record<NoticeValue['level'], number> = { info: 0, warning: 1, error: 2 };

export function Notice(props: { local: NoticeValue | null; worker: NoticeValue | null; onDismiss: () => void }) {
  const items = [props.local, props.worker].filter((n): n is NoticeValue => n !== null);
  // The worker often reports the same failure the request returned: say it once.
  const unique = items.filter((n, i) => items.findIndex((m) => m.message === n.message) === i);
  if (unique.length === 0) return null;
  const level = unique.reduce((a, n) => (RANK[n.level] > RANK[a] ? n.level : a), unique[0]!.level);
  return (
    <div className={`notice notice-${level}`} data-testid="notice" data-level={level} role="alert">
      <div className="notice-text">
        {unique.map((n) => (
          <p key={n.message}>{n.message}</p>
        ))}
      </div>
      {props.local !== null && (
        <button type="button" className="link" onClick={props.onDismiss} aria-label="Dismiss">
          ✕
        </button>
      )}
    </div>
  );
}
