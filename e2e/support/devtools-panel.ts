/**
 * The REAL devtools panel (Chromium launched with `devtools: true`), driven by puppeteer-core as
 * a second CDP client, and the helpers to talk to its frame by test id.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'playwright/test';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type Frame as PuppeteerFrame,
  type Page as PuppeteerPage,
} from 'puppeteer-core';

/** Read the DevTools CDP port Chromium wrote for `--remote-debugging-port=0`. */
export async function devtoolsPort(userDataDir: string): Promise<number> {
  const file = join(userDataDir, 'DevToolsActivePort');
  await expect.poll(() => existsSync(file), { message: `${file} to appear` }).toBe(true);
  const port = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`bad DevToolsActivePort: ${readFileSync(file, 'utf8')}`);
  return port;
}

// ---------------------------------------------------------------------------------------------
// The REAL devtools panel (Chromium launched with `devtools: true`)
// ---------------------------------------------------------------------------------------------

/**
 * DevTools registers an extension panel under `<extension origin><title without spaces>`
 * (devtools-frontend ExtensionServer.onCreatePanel: `persistentId.replace(/\s|:\d+/g, '')`), and
 * only creates the panel's iframe once the panel is shown. `InspectorFrontendAPI.showPanel(id)`
 * is a global of the DevTools page, defined only once it has loaded, hence the retry.
 * Playwright never exposes devtools:// pages, so puppeteer-core connects to the CDP port as a
 * second client; it follows the panel's out-of-process iframe as a Frame.
 * One DevTools window is open per tab; the panel inside DevTools has no ?tabId, so the right
 * one is the frame whose `chrome.devtools.inspectedWindow.tabId` is the tab under test.
 */
export async function openDevtoolsPanel(
  userDataDir: string,
  extensionId: string,
  tabId: number,
  title = 'eZ REST',
): Promise<{ frame: PuppeteerFrame; browser: PuppeteerBrowser }> {
  const port = await devtoolsPort(userDataDir);
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}`, defaultViewport: null });
  const panelId = `chrome-extension://${extensionId}${title}`.replace(/\s|:\d+/g, '');
  const panelPrefix = `chrome-extension://${extensionId}/panel/index.html`;
  const showPanel = (page: PuppeteerPage): Promise<void> =>
    page
      .evaluate((id) => {
        const api = (globalThis as { InspectorFrontendAPI?: { showPanel(id: string): void } }).InspectorFrontendAPI;
        api?.showPanel(id);
      }, panelId)
      .catch(() => undefined); // the DevTools page may still be loading
  const inspectedTab = (frame: PuppeteerFrame): Promise<number | undefined> =>
    frame
      .evaluate(
        () =>
          (globalThis as { chrome?: { devtools?: { inspectedWindow?: { tabId?: number } } } }).chrome?.devtools
            ?.inspectedWindow?.tabId,
      )
      .catch(() => undefined);
  // A DevTools window that finishes loading late may select its last-used panel again, leaving
  // our iframe in place but hidden (0x0, visibilityState "hidden"): keep showing it until visible.
  const visible = (frame: PuppeteerFrame): Promise<boolean> =>
    frame
      .evaluate(() => document.visibilityState === 'visible' && innerWidth > 0 && innerHeight > 0)
      .catch(() => false);
  const deadline = Date.now() + 20_000;
  try {
    while (Date.now() < deadline) {
      for (const target of browser.targets().filter((t) => t.url().startsWith('devtools://devtools/'))) {
        const page = await target.asPage();
        for (const frame of page.frames().filter((f) => f.url().startsWith(panelPrefix))) {
          if ((await inspectedTab(frame)) !== tabId) continue;
          if (await visible(frame)) return { frame, browser };
        }
        await showPanel(page);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (e) {
    await browser.disconnect();
    throw e;
  }
  // Say what DevTools looked like: which windows and panel frames existed, and whether visible.
  const seen: string[] = [];
  for (const target of browser.targets().filter((t) => t.url().startsWith('devtools://devtools/'))) {
    const page = await target.asPage();
    for (const f of page.frames().filter((fr) => fr.url().startsWith(panelPrefix))) {
      const view = await f
        .evaluate(() => `${document.visibilityState} ${innerWidth}x${innerHeight}`)
        .catch(() => 'unreachable');
      seen.push(`panel frame for tab ${String(await inspectedTab(f))}: ${view}`);
    }
  }
  await browser.disconnect();
  throw new Error(
    `the "${title}" panel for tab ${tabId} did not become visible in DevTools (panel id ${panelId}; ${seen.length > 0 ? seen.join('; ') : 'no panel frame at all'})`,
  );
}
