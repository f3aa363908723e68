import { test, expect, panelLogin } from './fixtures';

test('the API server goes away: the panel says so in words', async ({ siteTabId, openPanel, mock }) => {
  const panel = await openPanel(siteTabId);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  await mock.close();

  await panelLogin(panel, 'admin', 'publish');
  const notice = panel.getByTestId('notice');
  await expect(notice).toContainText(/could not reach/i);
  await expect(notice).toContainText(mock.url);
  await expect(notice).toHaveAttribute('data-level', 'error');
  // still usable: the form is there for the next attempt
  await expect(panel.getByTestId('login-submit')).toBeEnabled();
});

test('the inspected tab is closed: the panel says so', async ({ site, siteTabId, openPanel }) => {
  const panel = await openPanel(siteTabId);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  await site.close();
  await expect(panel.getByTestId('tab-closed')).toContainText('tab was closed');
  await expect(panel.getByTestId('auth-status')).toContainText('tab was closed');
});
