/**
 * The inspector with the panel as a tab (no devtools.network): what the worker recorded before
 * the panel was opened, and how the workspace fits the docks people use (320 px wide, 1400 px
 * wide, a 260 px tall bottom dock), in light and dark.
 */
import type { Page } from 'playwright/test';
import { test, expect } from './fixtures';
import { pageFetchUser14 } from './support/page';

const demo = (site: Page, call: string): Promise<unknown> =>
  site.evaluate((c) => (new Function('return window.demo.' + c) as () => Promise<unknown>)(), call);

async function noHorizontalScroll(panel: Page): Promise<void> {
  const [scroll, width] = await panel.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width);
}

test('requests made before the panel was opened are listed, and say why they have no body', async ({
  site,
  siteTabId,
  openPanel,
}) => {
  expect(await demo(site, "login('admin', 'publish')")).toBe(201);
  expect(await pageFetchUser14(site)).toBe(200);
  expect(await demo(site, 'logout()')).toBe(204);
  expect(await pageFetchUser14(site)).toBe(401);

  const panel = await openPanel(siteTabId, { auth: false });
  const rows = panel.getByTestId('request-row');
  await expect(rows).toHaveCount(4);
  await expect(panel.getByTestId('request-count')).toHaveText('4 / 4');
  await expect(rows.nth(0)).toHaveAttribute('data-type', 'Session');
  await expect(rows.nth(1)).toHaveAttribute('data-auth', 'session');
  await expect(rows.nth(2).getByTestId('auth-badge')).toHaveText('session (site) +CSRF');
  await expect(rows.nth(3)).toHaveAttribute('data-status', '401');

  await rows.nth(1).click();
  await expect(panel.getByTestId('body-none')).toContainText('not captured');
  // The Cookie the page sent is known (webRequest extraHeaders) and masked.
  await panel.getByTestId('tab-headers').click();
  await expect(panel.getByTestId('request-headers')).toContainText(/eZSESSID98defd6ee70dfb1dea416cecdf391f58=\S*•/);

  // Filter and keyboard.
  await panel.keyboard.press('/');
  await expect(panel.getByTestId('request-filter')).toBeFocused();
  await panel.keyboard.type('status:4xx');
  await expect(rows).toHaveCount(1);
  await expect(panel.getByTestId('request-count')).toHaveText('1 / 4');
  await panel.getByTestId('request-filter').fill('');
  await panel.getByTestId('clear-log').click();
  await expect(rows).toHaveCount(0);
});

test('the workspace fits narrow, wide and short docks, in light and dark', async ({ site, siteTabId, openPanel }) => {
  for (let i = 0; i < 8; i++) await pageFetchUser14(site);
  const panel = await openPanel(siteTabId, { auth: false });
  const rows = panel.getByTestId('request-row');
  await expect(rows).toHaveCount(8);

  // Narrow side dock: nothing scrolls sideways, the detail opens below the list.
  await panel.setViewportSize({ width: 320, height: 700 });
  await rows.first().click();
  await expect(panel.getByTestId('request-detail')).toBeVisible();
  await noHorizontalScroll(panel);
  const listBox = await panel.getByTestId('request-list').boundingBox();
  const detailBox = await panel.getByTestId('request-detail').boundingBox();
  expect(detailBox!.y).toBeGreaterThan(listBox!.y + 50);
  await panel.screenshot({ path: test.info().outputPath('narrow-320.png') });
  await panel.getByTestId('auth-status').click();
  await expect(panel.getByTestId('auth-pane')).toBeVisible();
  await noHorizontalScroll(panel);
  await panel.getByTestId('auth-close').click();

  // Wide: list and detail side by side.
  await panel.setViewportSize({ width: 1400, height: 800 });
  await rows.first().click();
  const wideList = await panel.getByTestId('request-list').boundingBox();
  const wideDetail = await panel.getByTestId('request-detail').boundingBox();
  expect(wideDetail!.x).toBeGreaterThanOrEqual(wideList!.x + wideList!.width - 1);
  expect(wideList!.width).toBeGreaterThan(500);
  await panel.screenshot({ path: test.info().outputPath('wide-1400.png') });

  // Short bottom dock: the toolbar and at least five rows are on screen.
  await panel.setViewportSize({ width: 1000, height: 260 });
  await expect(panel.getByTestId('request-filter')).toBeInViewport();
  let visible = 0;
  for (let i = 0; i < 8; i++)
    if (
      await rows
        .nth(i)
        .isVisible()
        .catch(() => false)
    ) {
      const b = await rows.nth(i).boundingBox();
      if (b !== null && b.y + b.height <= 260) visible++;
    }
  expect(visible).toBeGreaterThanOrEqual(5);
  await noHorizontalScroll(panel);
  await panel.screenshot({ path: test.info().outputPath('short-260.png') });

  // Dark (as a tab the panel follows the system; inside DevTools, DevTools' theme).
  await panel.emulateMedia({ colorScheme: 'dark' });
  await expect(panel.locator('html')).toHaveAttribute('data-theme', 'dark');
  await panel.setViewportSize({ width: 1100, height: 500 });
  await panel.screenshot({ path: test.info().outputPath('dark.png') });
});
