/**
 * Headers as sent or received, secret values (cookies, Authorization, the CSRF token) masked
 * until revealed. A value the panel holds (DevTools had it) is revealed here; one the worker
 * masked before it left (a `•` in it) is asked of the worker, which still holds the real one.
 */
import { useState } from 'react';
import type { HeaderPair } from '../../shared/domain/capture';
import { maskHeader, SECRET_HEADERS } from '../../shared/capture/headers';

interface Props {
  title: string;
  headers: readonly HeaderPair[];
  /** fetch the real value of a header the worker masked; null: nobody holds it */
  reveal: ((name: string) => Promise<string | null>) | null;
  testId: string;
}

export function HeaderTable({ title, headers, reveal, testId }: Props) {
  return (
    <section className="detail-section" data-testid={testId}>
      <h3>
        {title} <span className="muted">({headers.length})</span>
      </h3>
      {headers.length === 0 ? (
        <p className="muted">None recorded.</p>
      ) : (
        <dl className="headers">
          {headers.map((h, i) => (
            <HeaderLine key={`${h.name}:${i}`} h={h} reveal={reveal} />
          ))}
        </dl>
      )}
    </section>
  );
}

function HeaderLine({ h, reveal }: { h: HeaderPair; reveal: Props['reveal'] }) {
  const [shown, setShown] = useState<string | null>(null);
  const secret = SECRET_HEADERS.has(h.name.toLowerCase());
  const maskedAlready = h.value.includes('•');
  const canReveal = secret && (!maskedAlready || reveal !== null);
  const toggle = async (): Promise<void> => {
    if (shown !== null) return setShown(null);
    const v = maskedAlready ? await reveal?.(h.name) : h.value;
    if (v != null) setShown(v);
  };
  return (
    <>
      <dt>{h.name}</dt>
      <dd>
        <code data-secret={secret || undefined}>{shown ?? (secret ? maskHeader(h).value : h.value)}</code>
        {canReveal && (
          <button
            type="button"
            className="small link-button"
            aria-pressed={shown !== null}
            onClick={() => void toggle()}
          >
            {shown === null ? 'Reveal' : 'Hide'}
          </button>
        )}
      </dd>
    </>
  );
}
