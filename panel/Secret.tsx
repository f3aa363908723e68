/**
 * Every masked value of the panel (cookie values, the session identifier, the CSRF token) in one
 * style: the value in a box as wide as the value itself, a Reveal/Hide button of fixed width
 * after it. The mask keeps the value's length (shared/mask.ts), so revealing moves nothing.
 * `reveal` fetches a value the panel does not hold (a cookie: the worker sends it on request).
 */
import { useState } from 'react';
import { maskSecret } from '../shared/mask';
import { ActionButton } from './ui';

interface Props {
  testId: string;
  /** the Reveal/Hide button's test id (default `<testId>-reveal`) */
  toggleTestId?: string;
  /** the masked form to show until revealed */
  masked: string;
  /** the value when the panel holds it; otherwise `reveal` fetches it */
  value?: string;
  reveal?: () => Promise<string | null>;
  busy?: boolean;
  label: string;
}

export function Secret({ testId, toggleTestId, masked, value, reveal, busy = false, label }: Props) {
  const [shown, setShown] = useState<string | null>(null);
  const toggle = async (): Promise<void> => {
    if (shown !== null) return setShown(null);
    const v = value ?? (reveal ? await reveal() : null);
    if (v !== null) setShown(v);
  };
  const text = shown ?? masked;
  return (
    <span className="secret">
      <code
        data-testid={testId}
        className="secret-value"
        style={{ width: `${Math.max(4, masked.length)}ch` }}
        title={shown ?? undefined}
      >
        {text}
      </code>
      <ActionButton
        testId={toggleTestId ?? `${testId}-reveal`}
        className="small secret-toggle"
        busy={busy}
        aria-pressed={shown !== null}
        aria-label={`${shown === null ? 'Reveal' : 'Hide'} ${label}`}
        onClick={() => void toggle()}
      >
        {shown === null ? 'Reveal' : 'Hide'}
      </ActionButton>
    </span>
  );
}

/** A secret the panel holds (session identifier, CSRF token). */
export const HeldSecret = (p: { testId: string; value: string; label: string }) => (
  <Secret testId={p.testId} masked={maskSecret(p.value)} value={p.value} label={p.label} />
);
