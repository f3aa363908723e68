import { test, expect } from './fixtures';
import { pageFetchUser14, panelLogin } from './support/page';

test('log in from the panel: the page is authenticated, log out: it is not', async ({ site, siteTabId, openPanel }) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);

  await panelLogin(panel, 'admin', 'publish');
  await expect(status).toHaveAttribute('data-auth-kind', 'user');
  await expect(status).toHaveAttribute('data-auth-via', 'panel-session');
  await expect(status).toContainText('admin');
  expect(await pageFetchUser14(site)).toBe(200);
  await expect(site.getByTestId('demo-fetch-user14-status')).toHaveText('200');
  // the page's "Who am I?" asks the server, so it agrees with the panel
  await site.getByTestId('demo-whoami').click();
  await expect(site.getByTestId('demo-current-user')).toHaveText('admin (Administrator User, id 14)');

  await panel.getByTestId('logout').click();
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);
  await expect(site.getByTestId('demo-fetch-user14-status')).toHaveText('401');
  await site.getByTestId('demo-whoami').click();
  await expect(site.getByTestId('demo-current-user')).toContainText('anonymous');
});

test('a wrong password is explained in words', async ({ siteTabId, openPanel }) => {
  const panel = await openPanel(siteTabId);
  await panelLogin(panel, 'admin', 'not-the-password');
  const notice = panel.getByTestId('notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveAttribute('data-level', 'error');
  // words, not a bare status code
  await expect(notice).toContainText(/wrong login or password/i);
  await expect(notice).not.toHaveText(/^\s*(HTTP\s*)?\d{3}\s*$/);
  await expect(panel.getByTestId('auth-status')).not.toHaveAttribute('data-auth-kind', 'user');
});

test("the panel's session cookie is listed masked and revealed only on request", async ({
  context,
  mock,
  siteTabId,
  openPanel,
}) => {
  const panel = await openPanel(siteTabId);
  await panelLogin(panel, 'admin', 'publish');
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-via', 'panel-session');
  const name = await panel.getByTestId('session-name').innerText();
  const jar = await context.cookies(mock.url);
  const value = jar.find((c) => c.name === name)?.value;
  expect(value, `cookie ${name} in the browser`).toBeTruthy();

  await panel.getByTestId('cookies-refresh').click();
  const row = panel.locator(`[data-testid="cookie-row"][data-cookie-name="${name}"]`);
  await expect(row).toContainText('created by this panel');
  await expect(row.getByTestId('cookie-value')).not.toHaveText(value ?? '');
  await row.getByTestId('cookie-reveal').click();
  await expect(row.getByTestId('cookie-value')).toHaveText(value ?? '');
  await row.getByTestId('cookie-reveal').click();
  await expect(row.getByTestId('cookie-value')).not.toHaveText(value ?? '');
});
