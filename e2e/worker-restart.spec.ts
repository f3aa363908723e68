import { test, expect } from './fixtures';
import { pageFetchUser14, panelLogin } from './support/page';
import { stopExtensionWorker, watchWorkerStarts } from './support/worker-control';

test('the MV3 worker is stopped: session, Basic rule and panel state survive, the next actions work', async ({
  context,
  site,
  siteTabId,
  openPanel,
}) => {
  const panel = await openPanel(siteTabId);
  const status = panel.getByTestId('auth-status');
  await panelLogin(panel, 'admin', 'publish');
  await expect(status).toHaveAttribute('data-auth-via', 'panel-session');
  await panel.getByTestId('basic-user').fill('editor');
  await panel.getByTestId('basic-password').fill('publish');
  await panel.getByTestId('basic-apply').click();
  await expect(panel.getByTestId('basic-status')).toContainText('editor');
  const sessionName = await panel.getByTestId('session-name').innerText();
  const workers = await watchWorkerStarts(context, panel);

  // A panel opened after the stop gets its state from the restarted worker alone.
  await stopExtensionWorker(context, panel);
  await panel.reload();
  await expect(panel.getByTestId('session-name')).toHaveText(sessionName);
  await expect(panel.getByTestId('basic-status')).toContainText('editor');
  await expect(status).toHaveAttribute('data-auth-kind', 'user');
  await expect.poll(workers.starts, { message: 'the worker started again' }).toBeGreaterThanOrEqual(1);
  // The Basic rule is browser state (a declarativeNetRequest session rule): it outlives the worker.
  expect(await pageFetchUser14(site)).toBe(200);

  // The open panel lost its port: its next action must still reach a (restarted) worker, which
  // still knows the session's CSRF token (and keeps the Basic header off its own session calls).
  await stopExtensionWorker(context, panel);
  await panel.getByTestId('refresh').click();
  await expect(panel.getByTestId('notice')).toContainText('The session is alive');
  await expect(panel.getByTestId('notice')).toHaveAttribute('data-level', 'info');

  // ... and logging out still knows the session it has to delete on the server.
  await stopExtensionWorker(context, panel);
  await panel.getByTestId('logout').click();
  await expect(panel.getByTestId('session-details')).toBeHidden();
  await expect(panel.getByTestId('notice')).toContainText('Logged out');
  await expect(panel.getByTestId('notice')).not.toHaveAttribute('data-level', 'error');
  await expect(status).toHaveAttribute('data-auth-via', 'basic');
  await expect(status).toContainText('editor');
  expect(await pageFetchUser14(site)).toBe(200);

  await stopExtensionWorker(context, panel);
  await panel.getByTestId('basic-clear').click();
  await expect(panel.getByTestId('basic-status')).toBeHidden();
  await expect(status).toHaveAttribute('data-auth-kind', 'anonymous');
  expect(await pageFetchUser14(site)).toBe(401);
  expect(workers.starts()).toBeGreaterThanOrEqual(4);
  await workers.stop();
});
