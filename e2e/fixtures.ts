/**
 * The one e2e fixtures file: mock servers, a persistent Chromium with the built extension loaded,
 * the extension id, the page under test and its tab id, the panel opened as a tab, stopping the
 * MV3 worker through CDP, the REAL devtools panel, and a Firefox (firefox-esr) launch for the
 * smoke test. What we learned making these mechanics work (Debian chromium 156, firefox-esr 153,
 * Playwright 1.65, puppeteer-core 24) is written next to each piece, because none of it is obvious.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from 'playwright/test';
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type Frame as PuppeteerFrame,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import { createMockServer, type MockServerOptions } from '../mock-server/server';

export { expect };

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const DIST_CHROME = join(ROOT, 'dist', 'chrome');
export const DIST_FIREFOX = join(ROOT, 'dist', 'firefox');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The demo page's REST prefix (mock-server/public/api.js). */
export const API = '/api/ezp/v2';

/**
 * Fail early and in words when the build is missing or incomplete, instead of a browser that
 * silently has no extension: the manifest and the files it names must all be there.
 */
export function requireBuild(dir: string): string {
  const hint = 'run `npm run build` before the e2e tests';
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: ${hint}.`);
  let manifest: { background?: { service_worker?: string; scripts?: string[] }; devtools_page?: string };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof manifest;
  } catch (e) {
    throw new Error(`${manifestPath} is not valid JSON (${e instanceof Error ? e.message : String(e)}): ${hint}.`);
  }
  const named = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.devtools_page,
    'panel/index.html',
  ].filter((f): f is string => typeof f === 'string');
  for (const file of named) {
    if (!existsSync(join(dir, file))) throw new Error(`${join(dir, file)} (named by the build) is missing: ${hint}.`);
  }
  return dir;
}

/**
 * A private copy of a build for one test worker. Other people rebuild dist/ while tests run
 * (vite empties the folder first); a browser loading the extension at that moment gets nothing
 * and the worker never starts. The copy is checked first, so a missing build still says so.
 */
export function snapshotBuild(dir: string): { dir: string; remove: () => void } {
  requireBuild(dir);
  const copy = mkdtempSync(join(tmpdir(), 'ez-rest-e2e-ext-'));
  cpSync(dir, copy, { recursive: true });
  requireBuild(copy);
  return { dir: copy, remove: () => rmSync(copy, { recursive: true, force: true }) };
}

function requireBinary(path: string, variable: string): string {
  if (!existsSync(path)) throw new Error(`No browser at ${path}: install it (apt) or set ${variable}.`);
  return path;
}

// ---------------------------------------------------------------------------------------------
// A tiny request recorder: a second origin (another port) that keeps the headers it received, so
// a test can prove what went on the wire, e.g. that the Basic header did NOT leak to it.
// ---------------------------------------------------------------------------------------------
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export interface Recorder {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecorder(): Promise<Recorder> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    // CORS so the page may read the answer of a cross-port fetch; credentials are echoed for the
    // same reason (a credentialed fetch needs an exact origin, not `*`).
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
    res.setHeader('Content-Type', 'text/plain');
    res.end('recorded');
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium with the extension
// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Playwright fixtures
// ---------------------------------------------------------------------------------------------
export interface MockHandle {
  url: string;
  close(): Promise<void>;
  /** closed already (a test shut it down on purpose) */
  closed: boolean;
}

interface Fixtures {
  /** options for the mock server of this test (test.use); the port is always a free one */
  mockOptions: MockServerOptions;
  /** a fresh mock server on a free port */
  mock: MockHandle;
  /** a second origin that records request headers */
  recorder: Recorder;
  /** whether the browser opens DevTools for every tab (the real-panel spec) */
  devtools: boolean;
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** the demo page of the mock server, in its own tab */
  site: Page;
  siteTabId: number;
  /** open the panel as a normal extension tab for a tab id */
  openPanel: (tabId: number) => Promise<Page>;
  /** firefox-esr with dist/firefox installed (puppeteer-core over WebDriver BiDi) */
  firefox: FirefoxWithExtension;
}

interface WorkerFixtures {
  /** this test worker's copy of dist/chrome */
  chromeBuild: string;
  /** this test worker's copy of dist/firefox */
  firefoxBuild: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  chromeBuild: [
    async ({}, use) => {
      const snap = snapshotBuild(DIST_CHROME);
      await use(snap.dir);
      snap.remove();
    },
    { scope: 'worker' },
  ],
  firefoxBuild: [
    async ({}, use) => {
      const snap = snapshotBuild(DIST_FIREFOX);
      await use(snap.dir);
      snap.remove();
    },
    { scope: 'worker' },
  ],
  mockOptions: [{}, { option: true }],
  mock: async ({ mockOptions }, use) => {
    const server = await createMockServer({ ...mockOptions, port: 0 });
    const handle: MockHandle = {
      url: server.url,
      closed: false,
      close: async () => {
        if (handle.closed) return;
        handle.closed = true;
        await server.close();
      },
    };
    await use(handle);
    await handle.close();
  },
  recorder: async ({}, use) => {
    const r = await startRecorder();
    await use(r);
    await r.close();
  },
  devtools: [false, { option: true }],
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ez-rest-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ chromeBuild, userDataDir, devtools }, use) => {
    // Playwright's `use.trace: 'retain-on-failure'` also instruments contexts a fixture launches
    // itself (starting tracing here again fails with "Tracing has been already started").
    const context = await launchChromiumWithExtension(chromeBuild, userDataDir, { devtools });
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionServiceWorker(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  site: async ({ context, mock }, use) => {
    const page = await context.newPage();
    // The tab Chromium starts with only gets in the way: with DevTools docked, the DevTools of a
    // tab that is not the active one is hidden (0x0, visibilityState "hidden").
    for (const other of context.pages()) if (other !== page && other.url() === 'about:blank') await other.close();
    await page.goto(`${mock.url}/`);
    await expect(page.getByTestId('demo-fetch-user14')).toBeVisible();
    await use(page);
  },
  siteTabId: async ({ serviceWorker, site }, use) => {
    await use(await tabIdOf(serviceWorker, site));
  },
  openPanel: async ({ context, extensionId }, use) => {
    await use(async (tabId) => {
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/panel/index.html?tabId=${tabId}`);
      await expect(panel.getByTestId('auth-status')).toBeVisible();
      return panel;
    });
  },
  firefox: async ({ firefoxBuild }, use) => {
    const profile = mkdtempSync(join(tmpdir(), 'ez-rest-e2e-ff-'));
    const ff = await launchFirefoxWithExtension(firefoxBuild, profile);
    await use(ff);
    await ff.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  },
});

// ---------------------------------------------------------------------------------------------
// Helpers the specs share
// ---------------------------------------------------------------------------------------------

/** The page's own request for user 14, as the demo page makes it: its status number. */
export async function pageFetchUser14(site: Page): Promise<number> {
  return site.evaluate(async () => {
    const demo = (window as unknown as { demo: { fetchUser14(): Promise<number> } }).demo;
    return demo.fetchUser14();
  });
}

/** Fill and submit the panel's login form (the caller asserts the outcome). */
export async function panelLogin(panel: Page, login: string, password: string): Promise<void> {
  await panel.getByTestId('login-user').fill(login);
  await panel.getByTestId('login-password').fill(password);
  await panel.getByTestId('login-submit').click();
}

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

// ---------------------------------------------------------------------------------------------
// Firefox (firefox-esr) through puppeteer-core over WebDriver BiDi
// ---------------------------------------------------------------------------------------------
export const FIREFOX_EXTENSION_ID = 'ez-rest-devtools@ez-rest-devtools.dev';
/** Preset so the extension's moz-extension:// host is known before install (any fixed UUID works). */
export const FIREFOX_EXTENSION_UUID = '6f1c7a52-2a55-4f0e-9f4b-e2e0e2e0e2e0';

export interface FirefoxWithExtension {
  browser: PuppeteerBrowser;
  /** `moz-extension://<uuid>` */
  base: string;
  /** Open an extension page in a new tab and return it once its document is the extension's. */
  openExtensionPage(path: string): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

/**
 * What it takes, found the hard way with firefox-esr 153 and puppeteer-core 24:
 * - `browser.installExtension(dir)` (BiDi webExtension.install) takes the unpacked dist/firefox as
 *   a temporary add-on; `xpinstall.signatures.required=false` keeps it from being refused.
 * - The UUID comes from the pref `extensions.webextensions.uuids`, preset for the gecko id.
 * - BiDi refuses to navigate a tab to moz-extension:// ("Navigation ... is not allowed in this
 *   context") unless Firefox runs with `--remote-allow-system-access`; even then the navigation
 *   never completes for puppeteer. What works: with system access, evaluate in the browser
 *   window (`browsingContext.getTree` with `moz:scope: chrome`) `gBrowser.addTab(url)` with the
 *   system principal. Puppeteer then lists the tab (its url() stays about:blank, because BiDi
 *   reports no navigation events for extension documents) and evaluate/locators work in it.
 */
/** Raw BiDi commands. Puppeteer's BidiBrowser has a `connection` it does not declare in its types. */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}
function bidiConnection(browser: PuppeteerBrowser): BidiConnection {
  const conn = (browser as unknown as { connection?: Partial<BidiConnection> }).connection;
  if (typeof conn?.send !== 'function') throw new Error('puppeteer-core changed: BidiBrowser.connection.send is gone');
  return conn as BidiConnection;
}

export async function launchFirefoxWithExtension(
  extensionDir: string,
  profileDir: string,
): Promise<FirefoxWithExtension> {
  const ext = requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: requireBinary(FIREFOX_PATH, 'FIREFOX_PATH'),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
    },
  });
  try {
    const installed = await browser.installExtension(ext);
    if (installed !== FIREFOX_EXTENSION_ID) throw new Error(`installed ${installed}, expected ${FIREFOX_EXTENSION_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const openExtensionPage = async (path: string): Promise<PuppeteerPage> => {
    const url = `${base}${path}`;
    const bidi = bidiConnection(browser);
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result?: { contexts?: { context: string; url: string }[] };
    };
    const win = (tree.result?.contexts ?? []).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!win) throw new Error('no Firefox browser window to open a tab in');
    const expression = `(() => {
      const tab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      gBrowser.selectedTab = tab;
      return 'ok';
    })()`;
    await bidi.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: false });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === url) return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${url} did not open in Firefox`);
  };
  return { browser, base, openExtensionPage, close: () => browser.close() };
}
