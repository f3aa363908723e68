/**
 * The replay beside its original: status, headers and a structural diff of the bodies (eZ list
 * items matched by identity, see shared/diff), changes listed, what did not change collapsed
 * into a count.
 */
import { useMemo } from 'react';
import type { HeaderPair } from '../../shared/domain/capture';
import { diffBodies, diffHeaders, type Change } from '../../shared/diff/body-diff';
import { headerValue } from '../../shared/capture/headers';
import { parseBody, treeValue } from '../inspector/tree/build';

export interface Side {
  status: number;
  headers: readonly HeaderPair[];
  /** null: the body is not known (not captured) */
  body: string | null;
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
};

/** What the differ compares: parsed JSON, XML as the same shape (attributes as `@name`), else the text. */
export function bodyValue(side: Side): unknown {
  if (side.body === null) return undefined;
  const p = parseBody(side.body, headerValue(side.headers, 'content-type'));
  return p.format === 'json' ? p.value : p.format === 'xml' ? treeValue(p.root) : side.body;
}

export function DiffView({ before, after }: { before: Side; after: Side }) {
  const headers = useMemo(() => diffHeaders(before.headers, after.headers), [before.headers, after.headers]);
  const body = useMemo(
    () => (before.body === null ? null : diffBodies(bodyValue(before), bodyValue(after))),
    [before, after],
  );
  return (
    <section className="diff" data-testid="replay-diff" aria-label="Difference from the original">
      <div className={`diff-status${before.status !== after.status ? ' changed' : ''}`} data-testid="diff-status">
        Status: <strong>{before.status || '—'}</strong> → <strong>{after.status || '—'}</strong>
        {before.status === after.status && <span className="muted"> (same)</span>}
      </div>
      <Changes title="Headers" changes={headers} none="Same headers (Date, Set-Cookie and the like not compared)." />
      {body === null ? (
        <p className="muted">
          The original's body was not captured (DevTools was closed): only status and headers compare.
        </p>
      ) : (
        <Changes
          title="Body"
          changes={body.changes}
          none="Same body."
          footer={
            body.unchanged > 0
              ? `${body.unchanged} unchanged ${body.unchanged === 1 ? 'value' : 'values'} not shown`
              : undefined
          }
        />
      )}
    </section>
  );
}

function Changes({
  title,
  changes,
  none,
  footer,
}: {
  title: string;
  changes: Change[];
  none: string;
  footer?: string | undefined;
}) {
  return (
    <div className="diff-block">
      <h3>
        {title}{' '}
        <span className="muted">
          ({changes.length} {changes.length === 1 ? 'change' : 'changes'})
        </span>
      </h3>
      {changes.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="changes">
          {changes.slice(0, 500).map((c, i) => (
            <li key={`${c.path}:${i}`} className={`change change-${c.kind}`} data-kind={c.kind}>
              <span className="change-mark">
                {c.kind === 'added' ? '+' : c.kind === 'removed' ? '−' : c.kind === 'moved' ? '↕' : '~'}
              </span>
              <code className="change-path">{c.path || '(root)'}</code>
              {c.kind === 'changed' && (
                <span>
                  <code className="before">{show(c.before)}</code> → <code className="after">{show(c.after)}</code>
                </span>
              )}
              {c.kind === 'added' && <code className="after">{show(c.after)}</code>}
              {c.kind === 'removed' && <code className="before">{show(c.before)}</code>}
            </li>
          ))}
          {changes.length > 500 && <li className="muted">… {changes.length - 500} more</li>}
        </ul>
      )}
      {footer !== undefined && <p className="muted">{footer}</p>}
    </div>
  );
}
