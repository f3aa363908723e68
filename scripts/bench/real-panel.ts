/**
 * A real page making N REST calls against the mock with the real DevTools panel open (Chromium
 * with the built extension, DevTools docked, the panel shown): how long after the last response
 * the panel's `request-count` says N. Both clocks are Date.now() on one machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_CHROME } from '../../e2e/support/build';
import { extensionServiceWorker, launchChromiumWithExtension, tabIdOf } from '../../e2e/support/chromium';
import { openDevtoolsPanel } from '../../e2e/support/devtools-panel';
import { createMockServer } from '../../mock-server/server';

export interface RealPanel {
  calls: number;
  callsMs: number;
  lagMs: number;
  dropped: number;
}

export async function realPanelCalls(n: number): Promise<RealPanel> {
  const mock = await createMockServer({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'ez-bench-real-'));
  const context = await launchChromiumWithExtension(DIST_CHROME, profile, { devtools: true });
  try {
    const sw = await extensionServiceWorker(context);
    const site = await context.newPage();
    for (const other of context.pages()) if (other !== site) await other.close();
    await site.goto(`${mock.url}/`);
    await site.getByTestId('demo-bulk-100').waitFor();
    const tabId = await tabIdOf(sw, site);
    const { frame, browser } = await openDevtoolsPanel(profile, new URL(sw.url()).host, tabId);
    try {
      await frame.locator('[data-testid="clear-log"]').click();
      await frame.waitForFunction(() =>
        document.querySelector('[data-testid="request-count"]')?.textContent?.startsWith('0 / 0'),
      );
      // The panel notes the moment its count first says N, without a round trip to this process.
      // Plain source, not a function: tsx would wrap named inner functions in a `__name` helper
      // the panel's page does not have.
      await frame.evaluate(`(() => {
        const want = ${n};
        const check = () => {
          const t = document.querySelector('[data-testid="request-count"]')?.textContent ?? '';
          if (window.seenAt === undefined && t.startsWith(want + ' / ')) window.seenAt = Date.now();
        };
        new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      })()`);
      const done = await site.evaluate(async (count) => {
        const demo = (window as unknown as { demo: { makeCalls(n: number): Promise<{ ms: number }> } }).demo;
        const r = await demo.makeCalls(count);
        return { at: Date.now(), ms: r.ms };
      }, n);
      const seen = await frame.waitForFunction(() => (window as unknown as { seenAt?: number }).seenAt, {
        timeout: 120_000,
        polling: 50,
      });
      const seenAt = (await seen.jsonValue()) as number;
      const count = await frame.$eval('[data-testid="request-count"]', (e) => e.textContent ?? '');
      return {
        calls: n,
        callsMs: done.ms,
        lagMs: Math.max(0, seenAt - done.at),
        dropped: Number(/\((\d+) dropped\)/.exec(count)?.[1] ?? 0),
      };
    } finally {
      await browser.disconnect();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await mock.close();
  }
}
