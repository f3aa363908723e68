/**
 * Firefox smoke: dist/firefox in firefox-esr, the panel page as an extension tab: a login against
 * the mock server, the page's own fetch authenticated by it, those calls in the list; and a
 * replay, whose cookie goes by the worker's declarativeNetRequest rule, which works in Firefox too.
 * Puppeteer-core drives Firefox (see support/firefox.ts), Playwright runs the test.
 */
import { test, expect } from '../fixtures';
import { byTestId } from '../support/page';

test('firefox-esr: the panel logs in and the page request is authenticated', async ({ mock, firefox }) => {
  const site = await firefox.browser.newPage();
  await site.goto(`${mock.url}/`);
  await site.locator(byTestId('demo-fetch-user14')).wait();
  const fetchUser14 = () =>
    site.evaluate(() => (window as unknown as { demo: { fetchUser14(): Promise<number> } }).demo.fetchUser14());
  expect(await fetchUser14()).toBe(401);

  // Which tab is the site? Ask the extension (it has the `tabs` permission).
  const helper = await firefox.openExtensionPage('/panel/index.html');
  const tabId = await helper.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    site.url(),
  );
  expect(tabId).toBeGreaterThanOrEqual(0);
  // The manifest's host_permissions (http://127.0.0.1/*) are granted at install for a temporary
  // add-on in firefox-esr 153, so no permission prompt stands between the panel and the mock.
  expect(await helper.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(true);
  await helper.close();

  const panel = await firefox.openExtensionPage(`/panel/index.html?tabId=${tabId}&pane=auth`);
  await panel.locator(byTestId('auth-status', '[data-auth-kind="anonymous"]')).setTimeout(15_000).wait();
  expect(await panel.$(byTestId('grant-permission'))).toBeNull();
  await panel.locator(byTestId('login-user')).fill('admin');
  await panel.locator(byTestId('login-password')).fill('publish');
  await panel.locator(byTestId('login-submit')).click();
  await panel
    .locator(byTestId('auth-status', '[data-auth-kind="user"][data-auth-via="panel-session"]'))
    .setTimeout(15_000)
    .wait();
  expect(await panel.$eval(byTestId('auth-status'), (e) => e.textContent ?? '')).toContain('admin');

  expect(await fetchUser14()).toBe(200);

  // The inspector lists the page's calls (from the background's webRequest record: as a tab
  // there is no devtools.network), including the 401 made before the panel was opened.
  // (The login was the panel's: the worker sent it, so it is not one of the page's calls.)
  await panel.waitForSelector(byTestId('request-row', '[data-type="User"][data-status="200"][data-auth="session"]'), {
    timeout: 15_000,
  });
  await panel.waitForSelector(
    byTestId('request-row', '[data-type="ErrorMessage"][data-status="401"][data-auth="none"]'),
  );
  expect(await panel.$eval(byTestId('request-count'), (e) => e.textContent)).toBe('2 / 2');
});

test('firefox-esr: a captured read replayed as anonymous (401) and as captured (200, its cookie set by the DNR rule), the page’s login untouched', async ({
  mock,
  firefox,
}) => {
  const site = await firefox.browser.newPage();
  await site.goto(`${mock.url}/`);
  await site.locator(byTestId('demo-fetch-user14')).wait();
  const fetchUser14 = () =>
    site.evaluate(() => (window as unknown as { demo: { fetchUser14(): Promise<number> } }).demo.fetchUser14());
  const login = () =>
    site.evaluate(() =>
      (window as unknown as { demo: { login(u: string, p: string): Promise<number> } }).demo.login('admin', 'publish'),
    );
  expect(await login()).toBe(201);
  expect(await fetchUser14()).toBe(200);

  const helper = await firefox.openExtensionPage('/panel/index.html');
  const tabId = await helper.evaluate(
    async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1,
    site.url(),
  );
  await helper.close();
  const panel = await firefox.openExtensionPage(`/panel/index.html?tabId=${tabId}`);
  const user14 = byTestId('request-row', '[data-type="User"][data-status="200"]');
  await panel.waitForSelector(user14, { timeout: 15_000 });
  await panel.click(user14);
  await panel.click(byTestId('replay'));

  // Anonymous: the worker's own request, no cookie → 401.
  await panel.select(byTestId('replay-identity'), 'anonymous');
  await panel.click(byTestId('replay-send'));
  await panel.waitForFunction(
    (s) => document.querySelector(s)?.textContent === '401',
    { timeout: 15_000 },
    byTestId('replay-status'),
  );
  // As captured: the cookie the page sent, set on the worker's request by the DNR rule → 200.
  await panel.select(byTestId('replay-identity'), 'as-captured');
  await panel.click(byTestId('replay-send'));
  await panel.waitForFunction(
    (s) => document.querySelector(s)?.textContent === '200',
    { timeout: 15_000 },
    byTestId('replay-status'),
  );
  // Neither replay touched the page's jar: its session still reads.
  expect(await fetchUser14()).toBe(200);
});
