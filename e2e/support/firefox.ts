/**
 * Firefox (firefox-esr, FIREFOX_PATH to choose) with dist/firefox installed, driven by
 * puppeteer-core over WebDriver BiDi.
 */
import puppeteer, { type Browser as PuppeteerBrowser, type Page as PuppeteerPage } from 'puppeteer-core';
import { requireBinary, requireBuild } from './build';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export const FIREFOX_EXTENSION_ID = 'ez-rest-devtools@ez-rest-devtools.dev';
/** Preset so the extension's moz-extension:// host is known before install (any fixed UUID works). */
export const FIREFOX_EXTENSION_UUID = '6f1c7a52-2a55-4f0e-9f4b-e2e0e2e0e2e0';

export interface FirefoxWithExtension {
  browser: PuppeteerBrowser;
  /** `moz-extension://<uuid>` */
  base: string;
  /** Open an extension page in a new tab and return it once its document is the extension's. */
  openExtensionPage(path: string): Promise<PuppeteerPage>;
  close(): Promise<void>;
}

/**
 * What it takes, found the hard way with firefox-esr 153 and puppeteer-core 24:
 * - `browser.installExtension(dir)` (BiDi webExtension.install) takes the unpacked dist/firefox as
 *   a temporary add-on; `xpinstall.signatures.required=false` keeps it from being refused.
 * - The UUID comes from the pref `extensions.webextensions.uuids`, preset for the gecko id.
 * - BiDi refuses to navigate a tab to moz-extension:// ("Navigation ... is not allowed in this
 *   context") unless Firefox runs with `--remote-allow-system-access`; even then the navigation
 *   never completes for puppeteer. What works: with system access, evaluate in the browser
 *   window (`browsingContext.getTree` with `moz:scope: chrome`) `gBrowser.addTab(url)` with the
 *   system principal. Puppeteer then lists the tab (its url() stays about:blank, because BiDi
 *   reports no navigation events for extension documents) and evaluate/locators work in it.
 */
/** Raw BiDi commands. Puppeteer's BidiBrowser has a `connection` it does not declare in its types. */
interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}
function bidiConnection(browser: PuppeteerBrowser): BidiConnection {
  const conn = (browser as unknown as { connection?: Partial<BidiConnection> }).connection;
  if (typeof conn?.send !== 'function') throw new Error('puppeteer-core changed: BidiBrowser.connection.send is gone');
  return conn as BidiConnection;
}

export async function launchFirefoxWithExtension(
  extensionDir: string,
  profileDir: string,
): Promise<FirefoxWithExtension> {
  const ext = requireBuild(extensionDir);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: requireBinary(FIREFOX_PATH, 'FIREFOX_PATH'),
    headless: true,
    userDataDir: profileDir,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: FIREFOX_EXTENSION_UUID }),
      'xpinstall.signatures.required': false,
    },
  });
  try {
    const installed = await browser.installExtension(ext);
    if (installed !== FIREFOX_EXTENSION_ID) throw new Error(`installed ${installed}, expected ${FIREFOX_EXTENSION_ID}`);
  } catch (e) {
    await browser.close();
    throw e;
  }
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}`;
  const openExtensionPage = async (path: string): Promise<PuppeteerPage> => {
    const url = `${base}${path}`;
    const bidi = bidiConnection(browser);
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result?: { contexts?: { context: string; url: string }[] };
    };
    const win = (tree.result?.contexts ?? []).find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!win) throw new Error('no Firefox browser window to open a tab in');
    const expression = `(() => {
      const tab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
      gBrowser.selectedTab = tab;
      return 'ok';
    })()`;
    await bidi.send('script.evaluate', { expression, target: { context: win.context }, awaitPromise: false });
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === url) return page;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${url} did not open in Firefox`);
  };
  return { browser, base, openExtensionPage, close: () => browser.close() };
}
