/**
 * The inspected tab moves to another origin and back. `localhost` and `127.0.0.1` on the same port
 * are two origins with two cookie jars (cookies ignore ports, so a second server on another port of
 * 127.0.0.1 would share the jar and blur the test), served by the same mock server.
 */
import { test, expect } from './fixtures';
import { API, pageFetchUser14, panelLogin } from './support/page';

test('another origin gets its own clear state; coming back shows the panel session kept for the first', async ({
  site,
  siteTabId,
  openPanel,
  mock,
}) => {
  const first = new URL(mock.url);
  const other = `http://localhost:${first.port}`;
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  const base = panel.getByTestId('api-base');

  await expect(base).toHaveValue(`${mock.url}${API}`);
  await panelLogin(panel, 'admin', 'publish');
  await expect(status).toHaveAttribute('data-auth-via', 'panel-session');
  await expect(status).toContainText('admin');
  const sessionName = await panel.getByTestId('session-name').innerText();

  // The page goes elsewhere: the panel follows by itself (tabs.onUpdated → state.changed).
  await site.goto(`${other}/`);
  await expect(site.getByTestId('demo-fetch-user14')).toBeVisible();
  await expect(base).toHaveValue(`${other}${API}`);
  await expect(panel.getByTestId('toolbar-api-base')).toHaveText(`${other}${API}`);
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  await expect(status).toHaveAttribute('data-auth-via', 'none');
  // nothing of the first origin's session is shown as if it applied here
  await expect(panel.getByTestId('session-details')).toBeHidden();
  await expect(panel.getByTestId('logout')).toBeHidden();
  await expect(panel.getByTestId('page-session')).toBeHidden();
  await expect(panel.getByTestId('notice')).toContainText(`The page moved to ${other}`);
  await expect(panel.getByTestId('notice')).toHaveAttribute('data-level', 'info');
  // and it is true: the page's own request there carries no session, and asking again agrees
  expect(await pageFetchUser14(site)).toBe(401);
  await panel.getByTestId('identity-check').click();
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');

  // Back to the first origin: its panel session was kept (per origin) and applies again.
  await site.goto(`${mock.url}/`);
  await expect(site.getByTestId('demo-fetch-user14')).toBeVisible();
  await expect(base).toHaveValue(`${mock.url}${API}`);
  await expect(panel.getByTestId('toolbar-api-base')).toHaveText(`${mock.url}${API}`);
  await expect(status).toHaveAttribute('data-auth-via', 'panel-session');
  await expect(status).toContainText('admin');
  await expect(panel.getByTestId('session-name')).toHaveText(sessionName);
  await expect(panel.getByTestId('logout')).toBeVisible();
  expect(await pageFetchUser14(site)).toBe(200);
});
