/**
 * The replay conversation: the saved identities to pick from, sending (the worker does it), the
 * answer as a list entry of its own, and the original's body for the diff.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import { entryFromReplay } from '../../shared/capture/from-replay';
import { headerValue } from '../../shared/capture/headers';
import type { ReplayAnswer, SavedIdentityView } from '../../shared/domain/replay';
import type { InspectorModel } from '../inspector/model';
import type { PanelApi } from '../usePanelState';
import { identityOf, toRequest, type ReplayDraft } from './draft';

export interface ReplayRun {
  answer: ReplayAnswer;
  entry: CapturedEntry;
}

export function useReplay(api: Pick<PanelApi, 'call'>, model: InspectorModel, original: CapturedEntry | null) {
  // `call` is stable; the `api` object is new on every render.
  const { call } = api;
  const [identities, setIdentities] = useState<SavedIdentityView[]>([]);
  const [run, setRun] = useState<ReplayRun | null>(null);
  const [sending, setSending] = useState(false);
  const [originalBody, setOriginalBody] = useState<string | null>(null);

  useEffect(() => {
    void call('identity.list', {}, { background: true }).then((list) => list !== null && setIdentities(list));
  }, [call]);

  useEffect(() => {
    let live = true;
    setOriginalBody(null);
    if (original !== null) void model.body(original).then((b) => live && setOriginalBody(b.ok ? b.text : null));
    return () => {
      live = false;
    };
  }, [original, model]);

  const send = useCallback(
    async (d: ReplayDraft) => {
      const request = toRequest(d);
      setSending(true);
      const startedAt = Date.now();
      const answer = await api.call(
        'replay.send',
        { request, identity: identityOf(d.identity, original), csrf: d.csrf, fromPage: d.fromPage },
        { key: 'replay.send' },
      );
      setSending(false);
      if (answer === null) return null;
      const entry = entryFromReplay(
        answer,
        model.nextId('r'),
        { body: request.body, contentType: headerValue(request.headers, 'content-type') },
        original,
        startedAt,
      );
      model.addOwn([entry]);
      setRun({ answer, entry });
      return answer;
    },
    [call, model, original],
  );

  return { identities, run, sending, send, originalBody };
}
