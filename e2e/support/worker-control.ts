/**
 * Stopping the extension's MV3 worker the way Chrome does when it idles, and counting its
 * restarts, through CDP `ServiceWorker.*` on an extension page's session.
 */
import type { BrowserContext, Page } from 'playwright/test';

/** `chrome-extension://<id>` of an extension page (Node's URL gives `null` as origin for that scheme). */
function extensionOrigin(page: Page): string {
  const url = new URL(page.url());
  if (url.protocol !== 'chrome-extension:') throw new Error(`not an extension page: ${page.url()}`);
  return `chrome-extension://${url.host}`;
}

/**
 * Stop the extension's MV3 worker the way Chrome does when it idles.
 * `ServiceWorker.*` is not on the browser target (`'ServiceWorker.enable' wasn't found`); it is on
 * page targets, and an extension page's session sees the extension's registration. We use
 * `stopWorker(versionId)`, never `stopAllWorkers` (that takes the whole context down).
 * Playwright's Worker object is NOT closed by this (its `close` event only fires at context
 * close), so callers must not reuse an old `Worker` handle to prove a restart.
 */
export async function stopExtensionWorker(context: BrowserContext, extensionPage: Page): Promise<void> {
  const origin = extensionOrigin(extensionPage);
  const cdp = await context.newCDPSession(extensionPage);
  const status = new Map<string, string>();
  let wake: () => void = () => undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`${origin}/`)) status.set(v.versionId, v.runningStatus);
    wake();
  });
  const until = async (what: string, done: () => boolean): Promise<void> => {
    const deadline = Date.now() + 10_000;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`service worker of ${origin}: timed out waiting until ${what}`);
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, 250);
      });
    }
  };
  try {
    await cdp.send('ServiceWorker.enable');
    // enable() reports every known version; one that idled out already counts as stopped.
    await until('it is reported', () => status.size > 0);
    const versionId = [...status.entries()].find(([, s]) => s !== 'stopped')?.[0];
    if (versionId === undefined) return;
    await cdp.send('ServiceWorker.stopWorker', { versionId });
    await until('it stopped', () => status.get(versionId) === 'stopped');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Counts the worker's (re)starts from now on: transitions into `running` after the state that
 * `ServiceWorker.enable` first reports, which is the baseline and not a start.
 */
export async function watchWorkerStarts(
  context: BrowserContext,
  extensionPage: Page,
): Promise<{ starts: () => number; stop: () => Promise<void> }> {
  const origin = extensionOrigin(extensionPage);
  const cdp = await context.newCDPSession(extensionPage);
  let starts = 0;
  const last = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) {
      if (!v.scriptURL.startsWith(`${origin}/`)) continue;
      const before = last.get(v.versionId);
      if (v.runningStatus === 'running' && before !== undefined && before !== 'running') starts++;
      last.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  return { starts: () => starts, stop: () => cdp.detach().catch(() => undefined) };
}
