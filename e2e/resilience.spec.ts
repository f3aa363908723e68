import { test, expect } from './fixtures';
import { pageFetchUser14, panelLogin } from './support/page';

test('the API server goes away: the panel says unreachable, once, in words', async ({ siteTabId, openPanel, mock }) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  await mock.close();

  await panelLogin(panel, 'admin', 'publish');
  // the status line says it, never "Anonymous", and no notice repeats the same sentence
  await expect(status).toHaveAttribute('data-auth-kind', 'unreachable');
  await expect(status).toContainText(/could not reach/i);
  await expect(status).toContainText(mock.url);
  await expect(status).not.toContainText('Anonymous');
  await expect(panel.getByText(/could not reach/i)).toHaveCount(1);
  // still usable: the form is there for the next attempt
  await expect(panel.getByTestId('login-submit')).toBeEnabled();
});

test('the server stops while the panel shows a session: unreachable without a click', async ({
  site,
  siteTabId,
  openPanel,
  mock,
}) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await panelLogin(panel, 'admin', 'publish');
  await expect(status).toHaveAttribute('data-auth-kind', 'user');
  await mock.close();
  // the user looks at the page, then comes back to the panel: it re-checks by itself
  await site.bringToFront();
  await panel.bringToFront();
  await expect(status).toHaveAttribute('data-auth-kind', 'unreachable');
  await expect(status).toContainText(/unreachable/i);
  await expect(status).not.toContainText(/anonymous|logged in/i);
});

test('wrong Basic credentials: the page gets its 401 at once, no sign-in prompt, and the panel offers to remove them', async ({
  site,
  siteTabId,
  openPanel,
}) => {
  const panel = await openPanel(siteTabId);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  await panel.getByTestId('basic-user').fill('admin');
  await panel.getByTestId('basic-password').fill('not-the-password');
  await panel.getByTestId('basic-apply').click();
  await expect(panel.getByTestId('basic-refused')).toContainText('refuses these credentials');

  const started = Date.now();
  expect(await pageFetchUser14(site)).toBe(401);
  expect(Date.now() - started).toBeLessThan(2000);

  await panel.getByTestId('basic-remove').click();
  await expect(panel.getByTestId('basic-refused')).toHaveCount(0);
  await expect(panel.getByTestId('basic-status')).toHaveCount(0);
  expect(await pageFetchUser14(site)).toBe(401); // anonymous again: the plain permission 401
});

test('the inspected tab is closed: the panel says so', async ({ site, siteTabId, openPanel }) => {
  const panel = await openPanel(siteTabId);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  await site.close();
  await expect(panel.getByTestId('tab-closed')).toContainText('tab was closed');
  await expect(panel.getByTestId('auth-status')).toContainText('tab was closed');
});
