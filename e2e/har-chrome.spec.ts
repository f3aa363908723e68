/**
 * The HAR the panel exports opens in Chrome's own Network panel: exported from the real DevTools
 * panel (as a download), then loaded through the Network panel's "Import HAR file…" input after
 * clearing its log, so every row it shows came from our file. And Chrome's own HAR of the page
 * imports into ours, bodies included.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright/test';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { test, expect } from './fixtures';
import { openDevtoolsPanel } from './support/devtools-panel';
import { byTestId, pageFetchUser14 } from './support/page';
import { row, waitForCount, waitForText } from './support/panel-frame';

test.use({ devtools: true });

const demo = (site: Page, call: string): Promise<unknown> =>
  site.evaluate((c) => (new Function('return window.demo.' + c) as () => Promise<unknown>)(), call);

/** The Network panel's rows (its grid lives in shadow roots: `>>>` pierces them), name and status. */
const networkRows = (devtools: PuppeteerPage): Promise<string[]> =>
  devtools.$$eval('>>> .network-log-grid tr.data-grid-data-grid-node', (trs) =>
    trs.map((tr) =>
      [tr.querySelector('td.name-column'), tr.querySelector('td.status-column')]
        .map((td) => td?.textContent?.trim() ?? '')
        .join(' '),
    ),
  );

test('a HAR exported by the panel imports into Chrome’s Network panel, and Chrome’s into ours', async ({
  userDataDir,
  extensionId,
  site,
  siteTabId,
}) => {
  const { frame, browser } = await openDevtoolsPanel(userDataDir, extensionId, siteTabId);
  const dir = mkdtempSync(join(tmpdir(), 'ez-har-'));
  try {
    expect(await demo(site, "login('admin', 'publish')")).toBe(201);
    expect(await pageFetchUser14(site)).toBe(200);
    expect(await demo(site, 'logout()')).toBe(204);
    expect(await pageFetchUser14(site)).toBe(401);
    await waitForCount(frame, row('[data-status="401"]'));
    const listed = await frame.$$eval(byTestId('request-row'), (rows) => rows.length);

    // Export (a download from the panel's frame, allowed into a folder of ours).
    const cdp = await browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    await frame.click(byTestId('export-har'));
    const hars = (): string[] => readdirSync(dir).filter((f) => f.endsWith('.har'));
    await expect.poll(() => hars().length, { timeout: 10_000 }).toBe(1);
    const file = join(dir, hars()[0] ?? '');
    const entries = (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } }).log.entries;
    expect(entries).toHaveLength(listed);

    // Chrome's Network panel: clear what it saw, import our file, and read its rows back.
    const devtools = frame.page();
    await devtools.evaluate(() => {
      (
        globalThis as unknown as { InspectorFrontendAPI: { showPanel(id: string): void } }
      ).InspectorFrontendAPI.showPanel('network');
    });
    const clear = await devtools.waitForSelector('>>> [aria-label="Clear network log"]');
    await clear?.click();
    await expect.poll(() => networkRows(devtools)).toEqual([]);
    const input = await devtools.waitForSelector('>>> input[type=file]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await expect.poll(() => networkRows(devtools), { timeout: 10_000 }).toHaveLength(listed);
    // Imported rows name the host; the session id in the logout's URL was redacted like any secret.
    expect(await networkRows(devtools)).toEqual([
      'sessions127.0.0.1/api/ezp/v2/user 201Created',
      '14127.0.0.1/api/ezp/v2/user/users 200OK',
      'REDACTED127.0.0.1/api/ezp/v2/user/sessions 204No Content',
      '14127.0.0.1/api/ezp/v2/user/users 401Unauthorized',
    ]);

    // And the other way: Chrome's own HAR of the page imported into ours, bodies and all.
    // Back to our panel first.
    await devtools.evaluate((id) => {
      (
        globalThis as unknown as { InspectorFrontendAPI: { showPanel(id: string): void } }
      ).InspectorFrontendAPI.showPanel(id);
    }, `chrome-extension://${extensionId}eZREST`);
    await frame.waitForFunction(() => innerWidth > 0 && document.visibilityState === 'visible');
    // getHAR gives the log without bodies; Chrome's export fills content.text from each
    // entry's getContent, and so does this.
    const chromeHar = await frame.evaluate(async () => {
      interface Entry {
        response: { content: { text?: string; encoding?: string } };
        getContent(cb: (body: string | null, encoding: string) => void): void;
      }
      const net = (
        globalThis as unknown as {
          chrome: { devtools: { network: { getHAR(cb: (log: { entries: Entry[] }) => void): void } } };
        }
      ).chrome.devtools.network;
      const log = await new Promise<{ entries: Entry[] }>((resolve) => net.getHAR(resolve));
      for (const e of log.entries) {
        const [text, encoding] = await new Promise<[string | null, string]>((resolve) =>
          e.getContent((body, enc) => resolve([body, enc])),
        );
        if (text !== null) e.response.content.text = text;
        if (encoding) e.response.content.encoding = encoding;
      }
      return JSON.stringify({ log });
    });
    const chromeFile = join(dir, 'chrome.har');
    writeFileSync(chromeFile, chromeHar);
    await frame.click(byTestId('clear-log'));
    await waitForCount(frame, byTestId('request-count', ''), 1);
    await frame.waitForFunction((s) => document.querySelectorAll(s).length === 0, {}, byTestId('request-row'));
    const fileInput = await frame.$(byTestId('import-har'));
    await (fileInput as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(chromeFile);
    await waitForText(frame, byTestId('notice'), /Imported \d+ requests from chrome\.har/);
    await waitForCount(frame, row('[data-type="User"][data-status="200"]'));
    await waitForCount(frame, row('[data-type="ErrorMessage"][data-status="401"]'));
    await frame.click(row('[data-type="User"][data-status="200"]'));
    await waitForText(frame, byTestId('body-view'), /User:/);
  } finally {
    await browser.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
});
