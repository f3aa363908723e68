import { test, expect } from './fixtures';

test("the page's own REST login is detected: the panel shows the page session and its user", async ({
  site,
  siteTabId,
  openPanel,
}) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  await expect(panel.getByTestId('page-session')).toBeHidden();

  await site.getByTestId('demo-login-user').fill('admin');
  await site.getByTestId('demo-login-password').fill('publish');
  await site.getByTestId('demo-login-submit').click();
  await expect(site.getByTestId('demo-session-status')).toContainText('Logged in as admin');

  await expect(status).toHaveAttribute('data-auth-via', 'page-session');
  await expect(status).toHaveAttribute('data-auth-kind', 'user');
  await expect(status).toContainText('admin');
  const banner = panel.getByTestId('page-session');
  await expect(banner).toContainText(/eZSESSID/);
  // the demo page keeps its CSRF token where ez-js-rest-client does
  await expect(banner).toContainText('localStorage');

  await site.getByTestId('demo-logout').click();
  await expect(site.getByTestId('demo-session-status')).toContainText('Logged out');
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  await expect(banner).toBeHidden();
});
