/** The tab's captured requests (the worker's record of them), one masked value on request, and link following. */
import { fail, ok } from '../../../shared/domain';
import { headerValue } from '../../../shared/capture/headers';
import type { Handlers } from '../../../shared/messaging/router';
import { observed } from '../capture/index';
import { sendAs } from '../send/send';
import type { Kit } from './kit';

type CaptureHandlers = Pick<Handlers, 'capture.list' | 'capture.clear' | 'capture.reveal' | 'explore.get'>;

export function captureHandlers({ ctx, withOrigin }: Kit): CaptureHandlers {
  return {
    'capture.list': async ({ tabId }) => {
      const t = await ctx.capture.list(tabId);
      return ok({ page: t.page, dropped: t.dropped, entries: t.entries.map(observed) });
    },
    'capture.clear': async ({ tabId }) => {
      await ctx.capture.clear(tabId);
      return ok({ cleared: true });
    },
    'capture.reveal': async ({ tabId, id, header }) => {
      const rec = await ctx.capture.find(tabId, id);
      const value = rec === null ? null : headerValue(rec.secrets, header);
      return value === null
        ? fail('internal', `The captured request no longer holds a "${header}" header.`)
        : ok({ value });
    },
    'explore.get': ({ tabId, url, accept, identity }) =>
      withOrigin(tabId, async (target) =>
        ok(
          await sendAs(
            ctx,
            tabId,
            target,
            { method: 'GET', url, headers: accept ? [{ name: 'Accept', value: accept }] : [], body: null },
            identity,
          ),
        ),
      ),
  };
}
