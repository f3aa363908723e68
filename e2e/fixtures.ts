/**
 * The e2e fixtures: a mock server, a persistent Chromium with the built extension loaded, the
 * extension id, the page under test and its tab id, the panel opened as a tab, and Firefox.
 * The mechanics live in support/ (what we learned making each work is written next to it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type Worker } from 'playwright/test';
import { createMockServer, type MockServerOptions } from '../mock-server/server';
import { DIST_CHROME, DIST_FIREFOX, snapshotBuild } from './support/build';
import { extensionServiceWorker, launchChromiumWithExtension, tabIdOf } from './support/chromium';
import { launchFirefoxWithExtension, type FirefoxWithExtension } from './support/firefox';
import { startRecorder, type Recorder } from './support/recorder';

export { expect };

export interface MockHandle {
  url: string;
  /** `METHOD /path?query` of every request the server got, in order */
  requests: string[];
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
  /** open the panel as a normal extension tab for a tab id (with the Auth pane open, unless `auth: false`) */
  openPanel: (tabId: number, opts?: { auth?: boolean }) => Promise<Page>;
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
    const requests: string[] = [];
    const server = await createMockServer({ ...mockOptions, port: 0, onRequest: (m, u) => requests.push(`${m} ${u}`) });
    const handle: MockHandle = {
      url: server.url,
      requests,
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
    await use(async (tabId, opts = {}) => {
      const panel = await context.newPage();
      const pane = opts.auth === false ? '' : '&pane=auth';
      await panel.goto(`chrome-extension://${extensionId}/panel/index.html?tabId=${tabId}${pane}`);
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
