/** Replays and the saved identities they may run as. */
import { fail, ok } from '../../../shared/domain';
import type { Handlers } from '../../../shared/messaging/router';
import { listIdentities, removeIdentity, saveIdentity } from '../identities';
import { replay } from '../send/replay';
import type { Kit } from './kit';

type ReplayHandlers = Pick<Handlers, 'replay.send' | 'identity.list' | 'identity.save' | 'identity.remove'>;

export function replayHandlers({ ctx, withOrigin }: Kit): ReplayHandlers {
  return {
    'replay.send': ({ tabId, request, identity, csrf, fromPage }) =>
      withOrigin(tabId, async (target) => ok(await replay(ctx, tabId, target, { request, identity, csrf, fromPage }))),
    'identity.list': ({ tabId }) => withOrigin(tabId, async (target) => ok(await listIdentities(ctx, target.origin))),
    'identity.save': ({ tabId, name, kind, user, password, remember }) =>
      withOrigin(tabId, async (target) => {
        const error = await saveIdentity(ctx, target.origin, { name: name.trim(), kind, user, password, remember });
        return error === null ? ok(await listIdentities(ctx, target.origin)) : fail(error.code, error.message);
      }),
    'identity.remove': ({ tabId, name }) =>
      withOrigin(tabId, async (target) => {
        await removeIdentity(ctx, target.origin, name);
        return ok(await listIdentities(ctx, target.origin));
      }),
  };
}
