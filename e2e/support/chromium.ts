/**
 * Chromium with the extension loaded (Debian's chromium by default, CHROMIUM_PATH to choose),
 * the extension's service worker, and the tab id the extension sees for a page.
 */
import { expect, chromium, type BrowserContext, type Page, type Worker } from 'playwright/test';
import { requireBinary, requireBuild } from './build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Debian's chromium 156 loads an unpacked MV3 extension in (new) headless mode with
 * `--disable-extensions-except` + `--load-extension` alone: no `--enable-unsafe-extension-debugging`
 * and no `channel` needed (checked with a throwaway extension before the product existed).
 * `devtools: true` also opens DevTools for every tab and exposes a CDP port (read from
 * DevToolsActivePort) for a second client: Playwright's pipe connection never shows
 * `devtools://` targets nor the frames inside them.
 */
export async function launchChromiumWithExtension(
  extensionDir: string,
  userDataDir: string,
  opts: { devtools?: boolean } = {},
): Promise<BrowserContext> {
  const ext = requireBuild(extensionDir);
  return chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath: requireBinary(CHROMIUM_PATH, 'CHROMIUM_PATH'),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...(opts.devtools === true ? ['--auto-open-devtools-for-tabs', '--remote-debugging-port=0'] : []),
    ],
  });
}

/** The extension's id is the host of its service worker's URL. */
export async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (existing) return existing;
  try {
    return await context.waitForEvent('serviceworker', {
      predicate: (w) => w.url().startsWith('chrome-extension://'),
      timeout: 30_000,
    });
  } catch (e) {
    throw new Error(
      `the extension's service worker did not start within 30 s: does the build load? (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}

/**
 * The tab id of a page, as the extension sees it. The manifest asks for `tabs`, so the worker can
 * read every tab's URL: match the page's URL (unique per test, each test has its own browser).
 * Polled because the tab's URL is updated a moment after Playwright's navigation resolves.
 */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  const url = page.url();
  let found: number | undefined;
  await expect
    .poll(
      async () => {
        const ids = await sw.evaluate(
          async (u) => (await chrome.tabs.query({})).filter((t) => t.url === u).map((t) => t.id ?? -1),
          url,
        );
        found = ids.length === 1 ? ids[0] : undefined;
        return found;
      },
      { message: `one tab with URL ${url}`, timeout: 10_000 },
    )
    .toBeDefined();
  if (found === undefined) throw new Error(`no tab found for ${url}`);
  return found;
}
