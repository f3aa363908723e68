/**
 * Firefox smoke: dist/firefox in firefox-esr, the panel page as an extension tab, a login against
 * the mock server, and the page's own fetch authenticated by it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, launchFirefoxWithExtension, type FirefoxWithExtension } from '../fixtures';

let ff: FirefoxWithExtension | undefined;
let profile = '';
test.afterEach(async () => {
  await ff?.close();
  ff = undefined;
  if (profile !== '') rmSync(profile, { recursive: true, force: true });
});

const byTestId = (id: string, extra = ''): string => `[data-testid="${id}"]${extra}`;

test('firefox-esr: the panel logs in and the page request is authenticated', async ({ mock }) => {
  test.setTimeout(60_000);
  profile = mkdtempSync(join(tmpdir(), 'ez-rest-e2e-ff-'));
  ff = await launchFirefoxWithExtension(profile);

  const site = await ff.browser.newPage();
  await site.goto(`${mock.url}/`);
  await site.locator(byTestId('demo-fetch-user14')).wait();
  const fetchUser14 = () => site.evaluate(() => (window as unknown as { demo: { fetchUser14(): Promise<number> } }).demo.fetchUser14());
  expect(await fetchUser14()).toBe(401);

  // Which tab is the site? Ask the extension (it has the `tabs` permission).
  const helper = await ff.openExtensionPage('/panel/index.html');
  const siteUrl = site.url();
  const tabId = await helper.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    siteUrl,
  );
  expect(tabId).toBeGreaterThanOrEqual(0);
  await helper.close();

  const panel = await ff.openExtensionPage(`/panel/index.html?tabId=${tabId}`);
  await panel.locator(byTestId('auth-status', '[data-auth-kind="anonymous"]')).setTimeout(15_000).wait();
  await panel.locator(byTestId('login-user')).fill('admin');
  await panel.locator(byTestId('login-password')).fill('publish');
  await panel.locator(byTestId('login-submit')).click();
  await panel.locator(byTestId('auth-status', '[data-auth-kind="user"][data-auth-via="panel-session"]')).setTimeout(15_000).wait();
  expect(await panel.$eval(byTestId('auth-status'), (e) => e.textContent ?? '')).toContain('admin');

  expect(await fetchUser14()).toBe(200);
});
