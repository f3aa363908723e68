/**
 * The worker's request handlers, one file per feature, merged here: the `Handlers` type makes a
 * request without a handler a build error. `recheck` and `revisit` are what the watchers call.
 */
import type { TabId } from '../../../shared/domain';
import type { Handlers } from '../../../shared/messaging/router';
import type { Ctx } from '../context';
import { createSerial } from '../serial';
import { loadTab, refreshAuth } from '../tabs';
import { basicHandlers } from './basic';
import { captureHandlers } from './capture';
import { cookieHandlers } from './cookies';
import { createKit } from './kit';
import { replayHandlers } from './replay';
import { sessionHandlers } from './session';
import { targetHandlers } from './target';

export interface Background {
  handlers: Handlers;
  /** Re-read page session and identity for a tab the panel knows (cookie or page change). */
  recheck(tabId: TabId): Promise<void>;
  /** The tab may have navigated: re-detect if its origin changed. */
  revisit(tabId: TabId): Promise<void>;
  /** Run `fn` under the tab's lock, after any action in flight for it (used when the tab closes). */
  serial<T>(tabId: TabId, fn: () => Promise<T>): Promise<T>;
}

export function createBackground(ctx: Ctx): Background {
  const kit = createKit(ctx, createSerial<number>());
  const { serial } = kit;

  const handlers: Handlers = {
    ...targetHandlers(kit),
    ...sessionHandlers(kit),
    ...basicHandlers(kit),
    ...cookieHandlers(kit),
    ...captureHandlers(kit),
    ...replayHandlers(kit),
  };

  const recheck = (tabId: TabId): Promise<void> =>
    serial(tabId, async () => {
      const rec = await ctx.store.getTab(tabId);
      if (!rec) return;
      await refreshAuth(ctx, tabId, rec);
      await ctx.store.putTab(tabId, rec);
      await ctx.notify(tabId);
    });

  const revisit = (tabId: TabId): Promise<void> =>
    serial(tabId, async () => {
      if (!(await ctx.store.getTab(tabId))) return;
      await loadTab(ctx, tabId);
      await ctx.notify(tabId);
    });

  return { handlers, recheck, revisit, serial };
}
