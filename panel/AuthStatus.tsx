/** Always-visible answer to "who does the API think I am, and how?" for the target origin. */
import type { AuthState } from '../shared/domain';
import { identityText } from './describe';
import { ActionButton } from './ui';

interface Props {
  state: AuthState | null;
  checking: boolean;
  onCheck: (() => void) | null;
  /** replaces the identity sentence when there is nothing to check (no tab, tab closed) */
  idle?: string;
}

export function AuthStatus({ state, checking, onCheck, idle }: Props) {
  const identity = state?.identity ?? null;
  const kind = identity?.kind ?? 'unchecked';
  const via = identity?.via ?? 'none';
  const origin = state?.target?.origin ?? null;
  const checked = identity !== null ? new Date(identity.checkedAt).toLocaleTimeString() : null;
  return (
    <div className={`auth-status auth-${kind}`} data-testid="auth-status" data-auth-kind={kind} data-auth-via={via}>
      <span className="auth-dot" aria-hidden="true" />
      <div className="auth-text">
        <strong>{idle ?? identityText(identity, state)}</strong>
        {origin !== null && (
          <span className="muted">
            {' '}
            at {origin}
            {checked !== null && `, checked ${checked}`}
          </span>
        )}
        {identity?.problem != null && <div className="auth-problem">{identity.problem}</div>}
      </div>
      {onCheck !== null && (
        <ActionButton testId="identity-check" busy={checking} onClick={onCheck} title="Load the current user again">
          Check
        </ActionButton>
      )}
    </div>
  );
}
