/** What the specs do to the demo page and the panel page, written once. */
import type { Page } from 'playwright/test';
import { EZP3 } from '../../shared/ez/flavours';

/** A CSS selector for a test id, for puppeteer (it has no getByTestId). */
export const byTestId = (id: string, extra = ''): string => `[data-testid="${id}"]${extra}`;

/** The demo page's REST prefix (the mock's default flavour). */
export const API = EZP3.prefix;

/** The page's own request for user 14, as the demo page makes it: its status number. */
export async function pageFetchUser14(site: Page): Promise<number> {
  return site.evaluate(async () => {
    const demo = (window as unknown as { demo: { fetchUser14(): Promise<number> } }).demo;
    return demo.fetchUser14();
  });
}

/** Fill and submit the panel's login form (the caller asserts the outcome). */
export async function panelLogin(panel: Page, login: string, password: string): Promise<void> {
  await panel.getByTestId('login-user').fill(login);
  await panel.getByTestId('login-password').fill(password);
  await panel.getByTestId('login-submit').click();
}
