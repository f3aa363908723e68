/**
 * The toolbar's identity chip: the one sentence saying who the API thinks you are, and how, for
 * the target origin (with the problem of the last check, if any). A click opens the Auth pane.
 */
import type { AuthState } from '../shared/domain';
import { identityText } from './describe';

interface Props {
  state: AuthState | null;
  /** replaces the identity sentence when there is nothing to check (no tab, tab closed) */
  idle?: string;
  open: boolean;
  onToggle: () => void;
}

export function AuthStatus({ state, idle, open, onToggle }: Props) {
  const identity = state?.identity ?? null;
  const kind = identity?.kind ?? 'unchecked';
  const via = identity?.via ?? 'none';
  const sentence = idle ?? identityText(identity, state);
  const problem = idle === undefined ? (identity?.problem ?? null) : null;
  return (
    <button
      type="button"
      className={`identity-chip auth-${kind}`}
      data-testid="auth-status"
      data-auth-kind={kind}
      data-auth-via={via}
      aria-expanded={open}
      aria-controls="auth-pane"
      title={`${sentence}${problem !== null ? `\n${problem}` : ''}\n(click for the Auth pane)`}
      onClick={onToggle}
    >
      <span className="auth-dot" aria-hidden="true" />
      <span className="chip-text">
        {sentence}
        {problem !== null && <span className="auth-problem"> — {problem}</span>}
      </span>
    </button>
  );
}
