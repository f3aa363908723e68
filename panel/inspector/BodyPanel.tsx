/**
 * The Response tab: loads the body only now (lazily, from the cache, the entry or DevTools),
 * then shows eZ's ErrorMessage as a card, the reason of a 401, and the body itself.
 */
import { useEffect, useMemo, useState } from 'react';
import type { AuthState } from '../../shared/domain';
import { headerValue } from '../../shared/capture/headers';
import { explain401 } from '../../shared/ez/explain-401';
import type { FollowTarget } from '../../shared/ez/follow';
import { parseErrorMessage, type ParsedError } from '../../shared/ez/shapes';
import { Spinner } from '../ui';
import { BodyView } from './BodyView';
import { describeView } from './describe-view';
import { ErrorCard, Explain401 } from './ErrorCard';
import type { BodyAnswer, InspectorModel } from './model';
import { parseBody, type ParsedBody, type TreeNode } from './tree/build';
import type { DetailView } from './useExplore';

interface Props {
  view: DetailView;
  model: InspectorModel;
  state: AuthState | null;
  onFollow: (t: FollowTarget) => void;
}

export function BodyPanel({ view, model, state, onFollow }: Props) {
  const body = useBody(view, model);
  const d = describeView(view);
  const contentType = headerValue(d.responseHeaders, 'content-type');
  const parsed = useMemo(() => (body?.ok === true ? parseBody(body.text, contentType) : null), [body, contentType]);
  const error = parsed === null ? null : errorOf(parsed);
  const why =
    d.status === 401
      ? explain401(
          {
            method: d.method,
            status: d.status,
            responseHeaders: d.responseHeaders,
            body:
              error === null
                ? null
                : {
                    ErrorMessage: {
                      errorCode: error.code,
                      errorMessage: error.message,
                      errorDescription: error.description,
                    },
                  },
            auth: d.auth,
          },
          {
            identity: state?.identity ?? null,
            panelSessionName: state?.panelSession?.name ?? null,
            basicIgnored: state?.basic?.applied === true && state.identity !== null && state.identity.via !== 'basic',
          },
        )
      : null;
  const origin = state?.target?.origin ?? null;

  if (d.pending || body === null) {
    return (
      <p className="muted loading">
        <Spinner /> Loading the body…
      </p>
    );
  }
  return (
    <>
      {d.error !== null && d.status === 0 && (
        <div className="explain" data-testid="network-error">
          The request failed: {d.error}
        </div>
      )}
      {error !== null && <ErrorCard error={error} />}
      {/* Without the body the server's reason is unknown: only a reason the headers give is said. */}
      {why !== null && (body.ok || why.why !== 'other') && <Explain401 why={why} />}
      {!body.ok ? (
        <p className="muted body-none" data-testid="body-none">
          {body.why}
        </p>
      ) : parsed === null ? null : (
        <>
          {body.truncated && <p className="body-note muted">The body was cut at 5 MiB.</p>}
          <BodyView key={viewKey(view)} text={body.text} parsed={parsed} apiOrigin={origin} onFollow={onFollow} />
        </>
      )}
    </>
  );
}

const viewKey = (v: DetailView): string => (v.kind === 'entry' ? v.entry.id : `a${v.key}`);

/** The body of the view: null while it loads. */
function useBody(view: DetailView, model: InspectorModel): BodyAnswer | null {
  const [got, setGot] = useState<{ key: string; body: BodyAnswer } | null>(null);
  const key = viewKey(view);
  const entry = view.kind === 'entry' ? view.entry : null;
  useEffect(() => {
    if (entry === null) return;
    let live = true;
    void model.body(entry).then((body) => live && setGot({ key: entry.id, body }));
    return () => {
      live = false;
    };
  }, [entry, model]);
  if (view.kind === 'answer') {
    if (view.answer === null) return view.error !== null ? { ok: false, why: view.error } : null;
    return view.answer.body === '' && view.answer.error !== null
      ? { ok: false, why: view.answer.error }
      : { ok: true, text: view.answer.body, truncated: view.answer.truncated };
  }
  return got?.key === key ? got.body : null;
}

/** eZ's ErrorMessage in a JSON or an XML answer. */
function errorOf(p: ParsedBody): ParsedError | null {
  if (p.format === 'json') return parseErrorMessage(p.value);
  if (p.format !== 'xml' || p.root.key !== 'ErrorMessage') return null;
  const text = (n: TreeNode | undefined): string => n?.value ?? '';
  const child = (name: string): TreeNode | undefined => p.root.children.find((c) => c.key === name);
  const code = Number(text(child('errorCode')));
  return {
    code: Number.isFinite(code) && text(child('errorCode')) !== '' ? code : null,
    message: text(child('errorMessage')),
    description: text(child('errorDescription')),
  };
}
