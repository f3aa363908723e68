import { test, expect } from './fixtures';
import { API, pageFetchUser14 } from './support/page';

const ADMIN_BASIC = `Basic ${Buffer.from('admin:publish').toString('base64')}`;

test('Basic applied: the page request carries it on the wire, another origin does not get it', async ({
  site,
  siteTabId,
  openPanel,
  mock,
  recorder,
}) => {
  const panel = await openPanel(siteTabId);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);

  await panel.getByTestId('basic-user').fill('admin');
  await panel.getByTestId('basic-password').fill('publish');
  await panel.getByTestId('basic-apply').click();
  await expect(panel.getByTestId('basic-status')).toContainText('admin');
  await expect(panel.getByTestId('basic-status')).toContainText(`${mock.url}${API}`);
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-via', 'basic');
  // said once, by the status line: no notice repeating it
  await expect(panel.getByTestId('notice')).toBeHidden();
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'user');

  // The header the browser really sent (extra-info headers include what declarativeNetRequest set).
  const sent = site.waitForRequest((r) => r.url() === `${mock.url}${API}/user/users/14`);
  expect(await pageFetchUser14(site)).toBe(200);
  expect((await (await sent).allHeaders())['authorization']).toBe(ADMIN_BASIC);

  // Same host, same API path, another port: the rule must not match it.
  const status = await site.evaluate(
    async (url) => (await fetch(url, { credentials: 'include' })).status,
    `${recorder.url}${API}/user/users/14`,
  );
  expect(status).toBe(200);
  expect(recorder.requests).toHaveLength(1);
  expect(recorder.requests[0]?.url).toBe(`${API}/user/users/14`);
  expect(recorder.requests[0]?.headers.authorization).toBeUndefined();

  // Clearing takes the header off again.
  await panel.getByTestId('basic-clear').click();
  await expect(panel.getByTestId('basic-status')).toBeHidden();
  await expect(panel.getByTestId('auth-status')).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);
});
