/** eZ's ErrorMessage as a card (code, message, description), and the 401 explanation. */
import type { ParsedError } from '../../shared/ez/shapes';
import type { Explanation } from '../../shared/ez/explain-401';

export function ErrorCard({ error }: { error: ParsedError }) {
  return (
    <div className="error-card" data-testid="error-card" role="group" aria-label="ErrorMessage">
      <div className="error-head">
        <strong>{error.code ?? '—'}</strong> <span>{error.message}</span>
      </div>
      <div className="error-desc">{error.description}</div>
    </div>
  );
}

export function Explain401({ why }: { why: Explanation }) {
  return (
    <div className="explain" data-testid="explain-401" data-why={why.why}>
      <strong>Why 401: {why.title}</strong>
      <div>{why.detail}</div>
    </div>
  );
}
