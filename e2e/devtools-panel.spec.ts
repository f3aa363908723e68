/**
 * The real thing: DevTools open on the demo page, the "eZ REST" panel shown inside it, login from
 * there. Driven through puppeteer-core (see openDevtoolsPanel in fixtures.ts for why).
 */
import type { Frame } from 'puppeteer-core';
import { test, expect } from './fixtures';
import { openDevtoolsPanel } from './support/devtools-panel';
import { byTestId, pageFetchUser14 } from './support/page';

test.use({ devtools: true });

async function authKind(frame: Frame, kind: string): Promise<void> {
  await frame
    .locator(byTestId('auth-status', `[data-auth-kind="${kind}"]`))
    .setTimeout(10_000)
    .wait();
}

test('the panel loads inside DevTools and logs in', async ({ userDataDir, extensionId, site, siteTabId }) => {
  const { frame, browser } = await openDevtoolsPanel(userDataDir, extensionId, siteTabId);
  try {
    await authKind(frame, 'anonymous');
    // The Auth pane is one click from the identity chip.
    await frame.locator(byTestId('auth-status')).click();
    await frame.locator(byTestId('auth-pane')).wait();
    await frame.locator(byTestId('login-user')).fill('admin');
    await frame.locator(byTestId('login-password')).fill('publish');
    await frame.locator(byTestId('login-submit')).click();
    await authKind(frame, 'user');
    const text = await frame.$eval(byTestId('auth-status'), (e) => e.textContent ?? '');
    expect(text).toContain('admin');
    expect(await frame.$eval(byTestId('auth-status'), (e) => e.getAttribute('data-auth-via'))).toBe('panel-session');
    expect(await pageFetchUser14(site)).toBe(200);

    await frame.locator(byTestId('logout')).click();
    await authKind(frame, 'anonymous');
    expect(await pageFetchUser14(site)).toBe(401);
  } finally {
    await browser.disconnect();
  }
});
