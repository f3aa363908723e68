/**
 * The extension against the mock's Ibexa DXP 4.6 flavour: the API is found at /api/ibexa/v2, the
 * panel logs in and out, the page's own request follows, and the session is checked with
 * GET /user/sessions/current (the refresh is deprecated in 4.6).
 */
import { IBEXA4 } from '../shared/ez/flavours';
import { test, expect } from './fixtures';
import { pageFetchUser14, panelLogin } from './support/page';

test.use({ mockOptions: { flavour: IBEXA4 } });

test('Ibexa 4.6: detected at /api/ibexa/v2, log in and out from the panel, the page follows', async ({
  mock,
  site,
  siteTabId,
  openPanel,
}) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  await expect(panel.getByTestId('api-base')).toHaveValue(`${mock.url}${IBEXA4.prefix}`);
  expect(await pageFetchUser14(site)).toBe(401);

  await panelLogin(panel, 'admin', 'publish');
  await expect(status).toHaveAttribute('data-auth-via', 'panel-session');
  await expect(status).toContainText('admin');
  await expect(panel.getByTestId('session-name')).toHaveText(/^IBX_SESSION_ID[0-9a-f]{32}$/);
  expect(await pageFetchUser14(site)).toBe(200);
  await site.getByTestId('demo-whoami').click();
  await expect(site.getByTestId('demo-current-user')).toHaveText('admin (Administrator User, id 14)');
  // who the panel session is was asked the 4.6 way
  expect(mock.requests).toContain(`GET ${IBEXA4.prefix}/user/sessions/current`);
  expect(mock.requests.filter((r) => r.endsWith('/refresh'))).toEqual([]);

  await panel.getByTestId('logout').click();
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);
});
