/**
 * The inspector in the REAL DevTools panel (devtools.network exists only there): the demo page's
 * calls listed with their eZ types and auth badges, including those made before the panel was
 * shown; a pretty body and an error card; the API browsed from its Root by following `_href`s.
 */
import type { Page } from 'playwright/test';
import { test, expect } from './fixtures';
import { openDevtoolsPanel } from './support/devtools-panel';
import { byTestId, pageFetchUser14 } from './support/page';
import { row, waitForCount, waitForText } from './support/panel-frame';

test.use({ devtools: true });

const demo = (site: Page, call: string): Promise<unknown> =>
  site.evaluate((c) => (new Function('return window.demo.' + c) as () => Promise<unknown>)(), call);

test('the real panel lists the page’s REST calls with types and badges, shows bodies and errors, and browses from the Root', async ({
  userDataDir,
  extensionId,
  site,
  siteTabId,
}) => {
  // Before the panel is shown: a login and an authenticated read.
  expect(await demo(site, "login('admin', 'publish')")).toBe(201);
  expect(await pageFetchUser14(site)).toBe(200);
  const { frame, browser } = await openDevtoolsPanel(userDataDir, extensionId, siteTabId);
  try {
    await waitForCount(frame, row('[data-type="Session"][data-status="201"]'));
    await waitForCount(frame, row('[data-type="User"][data-status="200"][data-auth="session"]'));
    const badge = await frame.$eval(`${row('[data-type="User"]')} [data-testid="auth-badge"]`, (e) => e.textContent);
    expect(badge).toBe('session (site)');

    // Made while DevTools was still starting: listed from the worker's record, without a body.
    await frame.locator(row('[data-type="User"][data-status="200"]')).click();
    await waitForText(frame, byTestId('body-none'), /not captured/);

    // Now with the panel open, but hidden behind the Elements panel: capture goes on, and the
    // same read carries its body. DevTools fires the panel's onShown (relayed as an event on its
    // window) only when it comes back from being hidden, so counting it proves it was hidden.
    await frame.evaluate((name) => {
      const w = window as unknown as { shownCount: number };
      w.shownCount = 0;
      addEventListener(name, () => (w.shownCount += 1));
    }, 'ez-rest-devtools:shown');
    const show = (id: string): Promise<void> =>
      frame.page().evaluate((p) => {
        (
          globalThis as unknown as { InspectorFrontendAPI: { showPanel(id: string): void } }
        ).InspectorFrontendAPI.showPanel(p);
      }, id);
    await show('elements');
    expect(await pageFetchUser14(site)).toBe(200);
    await show(`chrome-extension://${extensionId}eZREST`);
    await frame.waitForFunction(() => (window as unknown as { shownCount: number }).shownCount >= 1);
    await waitForCount(frame, row('[data-type="User"][data-status="200"]'), 2);

    // After: a logout (DELETE with its token) and the same read, now anonymous → 401.
    expect(await demo(site, 'logout()')).toBe(204);
    expect(await pageFetchUser14(site)).toBe(401);
    await waitForCount(frame, row('[data-status="204"]'));
    const csrf = await frame.$eval(`${row('[data-status="204"]')} [data-testid="auth-badge"]`, (e) => e.textContent);
    expect(csrf).toContain('+CSRF');
    await waitForCount(frame, row('[data-type="ErrorMessage"][data-status="401"][data-auth="none"]'));
    await waitForText(frame, byTestId('request-count'), /^\d+ \/ \d+/);

    // A failed call: the error card says what eZ said, and why the 401 came.
    await frame.locator(row('[data-status="401"]')).click();
    await waitForText(frame, byTestId('error-card'), /401.*Unauthorized/);
    await waitForText(frame, byTestId('explain-401'), /Why 401/);
    await frame.page().screenshot({ path: test.info().outputPath('inspector-error.png') });

    // A pretty body: the User, as a tree.
    // Rows are recycled by position as the list changes: pick the entry by its id, not an element.
    const ids = await frame.$$eval(row('[data-type="User"][data-status="200"]'), (els) =>
      els.map((e) => e.getAttribute('data-entry-id')),
    );
    await frame.locator(row(`[data-entry-id="${ids[ids.length - 1] ?? ''}"]`)).click();
    await waitForText(frame, byTestId('body-view'), /User:/);
    await frame.locator(byTestId('body-search')).fill('login');
    await waitForText(frame, byTestId('body-view'), /matching line.*login: "admin"/);
    expect(await frame.$eval(byTestId('body-view'), (e) => e.getAttribute('data-format'))).toBe('json');

    // Root, then a link, back and forward.
    await frame.locator(byTestId('api-root')).click();
    await waitForText(frame, byTestId('detail-status'), /^200$/);
    // The tree is virtualised: only the lines on screen exist, a search brings one into view.
    expect(await waitForCount(frame, byTestId('href-link'), 3)).toBeGreaterThanOrEqual(3);
    await frame.locator(byTestId('body-search')).fill('content/sections');
    await frame.locator(`${byTestId('href-link')}[href$="/content/sections"]`).click();
    await waitForText(frame, byTestId('body-view'), /SectionList/);
    await waitForText(frame, byTestId('detail-status'), /^200$/);
    await frame.locator(byTestId('nav-back')).click();
    await waitForText(frame, byTestId('body-view'), /Root/);
    await frame.locator(byTestId('nav-forward')).click();
    await waitForText(frame, byTestId('body-view'), /SectionList/);
    await frame.page().screenshot({ path: test.info().outputPath('inspector-root.png') });

    // Navigation: with Preserve log the list keeps the old page's calls; without, it starts over.
    const total = async (): Promise<number> =>
      Number(/\/ (\d+)/.exec((await frame.$eval(byTestId('request-count'), (e) => e.textContent)) ?? '')?.[1]);
    const before = await total();
    await frame.locator(byTestId('preserve-log')).click();
    await site.reload();
    expect(await pageFetchUser14(site)).toBe(401);
    await frame.waitForFunction(
      (s, n) => new RegExp(`/ ${n}\\b`).test(document.querySelector(s)?.textContent ?? ''),
      {},
      byTestId('request-count'),
      before + 1,
    );
    await frame.locator(byTestId('preserve-log')).click();
    await site.reload();
    expect(await pageFetchUser14(site)).toBe(401);
    await waitForText(frame, byTestId('request-count'), /^1 \/ 1\b/);
  } catch (e) {
    // What the detail said, and the DevTools window, for the failure's report.
    console.log('DETAIL', await frame.$eval(byTestId('request-detail'), (el) => el.textContent).catch(String));
    await frame.page().screenshot({ path: test.info().outputPath('failure.png') });
    throw e;
  } finally {
    await browser.disconnect();
  }
});
