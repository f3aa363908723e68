/**
 * Replay in Chromium against the mock (the panel as a tab): a captured read replayed as
 * anonymous (401 beside the original 200, with the diff), a DELETE without its CSRF token (the
 * CSRF 401), as a saved `editor` a call only admin may make (the permission 401), the page's
 * cookies the same afterwards; copy as cURL runs; a HAR exported and imported back. The README's
 * screenshots are taken here, so they show the panel as it is.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright/test';
import { test, expect } from './fixtures';
import { API, pageFetchUser14 } from './support/page';

const demo = (site: Page, call: string): Promise<unknown> =>
  site.evaluate((c) => (new Function('return window.demo.' + c) as () => Promise<unknown>)(), call);
const SHOTS = new URL('../docs/screenshots/', import.meta.url).pathname;

test('replay as anonymous, without CSRF, as editor; the page’s cookies untouched; cURL runs; HAR out and in', async ({
  site,
  siteTabId,
  openPanel,
  context,
  mock,
}) => {
  expect(await demo(site, "login('admin', 'publish')")).toBe(201);
  expect(await pageFetchUser14(site)).toBe(200);
  // The page's own DELETE, with its token (404: no such content).
  await site.getByTestId('demo-write-method').fill('DELETE');
  await site.getByTestId('demo-write-path').fill(`${API}/content/objects/999999`);
  await site.getByTestId('demo-write-body').fill('');
  await site.getByTestId('demo-write-send').click();
  await expect(site.getByTestId('demo-write-status')).toContainText('404');
  const cookiesBefore = JSON.stringify(await context.cookies(mock.url));

  const panel = await openPanel(siteTabId, { auth: false });
  await panel.setViewportSize({ width: 1280, height: 760 });
  const rows = panel.getByTestId('request-row');
  const user14 = rows.filter({ hasText: '/user/users/14' }).first();
  await expect(user14).toHaveAttribute('data-status', '200');

  // 1. GET /user/users/14 again, as anonymous: 401 beside the 200.
  await user14.click();
  await panel.getByTestId('replay').click();
  await panel.getByTestId('replay-identity').selectOption('anonymous');
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('401');
  await expect(panel.getByTestId('diff-status')).toContainText('200 → 401');
  await expect(panel.getByTestId('replay-diff')).toContainText('content-type');
  await expect(rows.filter({ hasText: '↻' })).toHaveCount(1);
  // Replaying the replay compares two bodies: the ErrorMessage against itself, now as the page.
  await rows.filter({ hasText: '↻' }).click();
  await panel.getByTestId('replay').click();
  await panel.getByTestId('replay-identity').selectOption('page-session');
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('200');
  await expect(panel.getByTestId('replay-diff')).toContainText('ErrorMessage');
  await expect(panel.getByTestId('replay-diff')).toContainText('User');
  await panel.screenshot({ path: `${SHOTS}replay-diff.png` });

  // 2. The page's DELETE without its CSRF token: the CSRF 401.
  await rows.filter({ hasText: '/content/objects/999999' }).first().click();
  await panel.getByTestId('replay').click();
  await expect(panel.getByTestId('replay-method')).toHaveValue('DELETE');
  await panel.getByTestId('replay-csrf').uncheck();
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('401');
  await expect(panel.getByTestId('replay-who')).toContainText('without its CSRF token');
  await expect(panel.getByTestId('replay-body-view')).toContainText('Missing or invalid CSRF token');

  // 3. As a saved editor, a DELETE only admin may make: the permission 401.
  await panel.getByTestId('auth-status').click();
  await panel.getByTestId('identity-name').fill('editor');
  await panel.getByTestId('identity-kind').selectOption('session');
  await panel.getByTestId('identity-user').fill('editor');
  await panel.getByTestId('identity-password').fill('publish');
  await panel.getByTestId('identity-save').click();
  await expect(panel.getByTestId('identity-item')).toContainText('editor');
  await expect(panel.getByTestId('identity-password')).toHaveValue('');
  await panel.screenshot({ path: `${SHOTS}auth-pane.png` });
  await rows.filter({ hasText: '/content/objects/999999' }).first().click();
  await panel.getByTestId('replay').click();
  await panel.getByTestId('replay-url').fill(`${mock.url}${API}/content/objects/52`);
  await panel.getByTestId('replay-identity').selectOption('editor');
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('401');
  await expect(panel.getByTestId('replay-body-view')).toContainText("'remove' 'content'");
  await expect(panel.getByTestId('replay-who')).toContainText('editor (session)');

  // "Send from the page": the read goes from inside the page, with its session, and says so.
  await user14.click();
  await panel.getByTestId('replay').click();
  await panel.getByTestId('replay-from-page').check();
  await expect(panel.getByTestId('replay-identity')).toBeDisabled();
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('200');
  await expect(panel.getByTestId('replay-who')).toContainText('sent from the page');

  // Nothing of that touched the page's cookies (the panel's session neither: it has none).
  expect(JSON.stringify(await context.cookies(mock.url))).toBe(cookiesBefore);
  expect(await pageFetchUser14(site)).toBe(200);

  // 4. Copy as cURL, secrets included, runs and gets the original's status.
  await user14.click();
  await expect(panel.getByTestId('detail-status')).toHaveText('200');
  await panel.screenshot({ path: `${SHOTS}list-detail.png` });
  await panel.getByTestId('tab-copy').click();
  await expect(panel.getByTestId('snippet')).toContainText('REDACTED');
  await panel.getByTestId('include-secrets').check();
  await expect(panel.getByTestId('snippet')).not.toContainText('REDACTED');
  await expect(panel.getByTestId('snippet')).not.toContainText('•');
  const curl = (await panel.getByTestId('snippet').textContent()) ?? '';
  // Async: the mock runs in this process, a sync child would block it from answering.
  const { stdout } = await promisify(execFile)('bash', ['-c', `${curl} -s -o /dev/null -w '%{http_code}'`], {
    timeout: 10_000,
  });
  expect(stdout).toBe('200');

  // 5. A new request from nothing: a ViewInput search from its template, as the page's session;
  //    the OPTIONS probe names the methods a URL takes.
  await panel.getByTestId('new-request').click();
  await panel.getByTestId('new-request-template').selectOption('ViewInput');
  await expect(panel.getByTestId('replay-method')).toHaveValue('POST');
  await expect(panel.getByTestId('replay-check')).toHaveCount(0);
  await panel.getByTestId('replay-send').click();
  await expect(panel.getByTestId('replay-status')).toHaveText('200');
  await expect(panel.getByTestId('replay-body-view')).toContainText('View');
  await panel.getByTestId('replay-body').fill('{"SessionInput":{"login":"admin"}}');
  await expect(panel.getByTestId('replay-check')).toContainText(
    'body is a SessionInput, but the Content-Type says ViewInput',
  );
  await panel.getByTestId('replay-url').fill(`${mock.url}${API}/content/objects/52`);
  await panel.getByTestId('replay-options').click();
  await expect(panel.getByText('The server allows: GET, DELETE')).toBeVisible();
  await panel.getByTestId('replay-close').click();

  // 6. Export the list as HAR, clear, import it back.
  const count = await rows.count();
  const download = panel.waitForEvent('download');
  await panel.getByTestId('export-har').click();
  const file = await (await download).path();
  const har = readFileSync(file, 'utf8');
  expect(JSON.parse(har).log.entries).toHaveLength(count);
  expect(har).not.toMatch(/eZSESSID98defd6ee70dfb1dea416cecdf391f58=(?!REDACTED)[a-z0-9]{10,}/);
  await panel.getByTestId('clear-log').click();
  await expect(rows).toHaveCount(0);
  await panel.getByTestId('import-har').setInputFiles(file);
  await expect(rows).toHaveCount(count);
  await expect(panel.getByTestId('notice')).toContainText(`Imported ${count} requests`);
});
