/**
 * The platform layer: the only folder that knows Chrome from Firefox. Everything browser-specific
 * is decided here from the build-time TARGET, each branch with the reason and a link.
 */
import { TARGET, browser } from './browser';
import type { Apis, CookieInfo, DnrRule, PageCsrf, PageFetchAnswer } from './apis';
import { basicAuthResourceTypes } from './resource-types';
import { hasHostPermission } from './permissions';
import { readPageCsrfInPage } from './page-csrf';
import { fetchInPage } from './page-fetch';
import { listenAuthChallenges, type ChallengeDecider } from './auth-challenge';
import { watchRequests, type RequestWatch, type WebRequestLike } from './web-request';

export { TARGET, browser } from './browser';
export type { Target } from './browser';
export { requestHostPermission, hasHostPermission, originPattern } from './permissions';
export type { ChallengeDetails } from './auth-challenge';
export type { RequestDetails, RequestWatch } from './web-request';
export type * from './apis';

/**
 * The host part of this extension's origin (`chrome-extension://<id>`, `moz-extension://<uuid>`),
 * which DNR matches as the initiator domain of the extension's own requests.
 */
export function extensionHost(): string {
  return new URL(browser.runtime.getURL('/')).hostname;
}

export const capabilities = {
  basicAuthResourceTypes: basicAuthResourceTypes(TARGET),
} as const;

/** The real extension APIs in the `Apis` shape the background modules are written against. */
export function createApis(): Apis {
  return {
    session: browser.storage.session,
    local: browser.storage.local,
    cookies: {
      getAll: async (d) => (await browser.cookies.getAll(d)) as CookieInfo[],
      set: (d) => browser.cookies.set(d),
      remove: (d) => browser.cookies.remove(d),
    },
    dnr: {
      // DNR rules are plain data; the polyfill's typing lacks Chrome-only resource types.
      updateSessionRules: (o) =>
        browser.declarativeNetRequest.updateSessionRules(
          o as Parameters<typeof browser.declarativeNetRequest.updateSessionRules>[0],
        ),
      getSessionRules: async () => (await browser.declarativeNetRequest.getSessionRules()) as unknown as DnrRule[],
    },
    tabs: { get: (tabId) => browser.tabs.get(tabId) },
    scripting: {
      async readPageCsrf(tabId): Promise<PageCsrf> {
        // ISOLATED world is enough: the DOM and localStorage are shared with the page, and the
        // page's own JS cannot tamper with our function. Same call in both browsers (Firefox 102+).
        const results = await browser.scripting.executeScript({
          target: { tabId },
          func: readPageCsrfInPage,
        });
        const first = results[0]?.result as PageCsrf | undefined;
        return first ?? { token: null, source: null };
      },
      async fetchInPage(tabId, req): Promise<PageFetchAnswer> {
        // MAIN world: the page's own fetch, so its service worker and cookies apply as to its calls.
        const results = await browser.scripting.executeScript({
          target: { tabId },
          world: 'MAIN',
          func: fetchInPage,
          args: [req],
        } as Parameters<typeof browser.scripting.executeScript>[0]);
        const first = results[0]?.result as PageFetchAnswer | undefined;
        if (first === undefined) throw new Error('The page did not run the request (it may be a browser page).');
        return first;
      },
    },
    permissions: { hasHostPermission },
    fetch: (input, init) => fetch(input, init),
    now: () => Date.now(),
  };
}

/** Cancel the Basic challenges `decide` says are ours (see auth-challenge.ts for the browser split). */
export function onBasicChallenge(decide: ChallengeDecider): boolean {
  const g = globalThis as {
    chrome?: { webRequest?: { onAuthRequired?: unknown } };
    browser?: { webRequest?: { onAuthRequired?: unknown } };
  };
  // Firefox's own `browser` takes a promise; Chrome's `chrome` takes the callback.
  const event = TARGET === 'firefox' ? g.browser?.webRequest?.onAuthRequired : g.chrome?.webRequest?.onAuthRequired;
  return listenAuthChallenges(TARGET, event as Parameters<typeof listenAuthChallenges>[1], decide);
}

/** Watch the tabs' fetch/XHR and navigations (see web-request.ts for the browser split). */
export function onRequests(watch: RequestWatch): boolean {
  const g = globalThis as { chrome?: { webRequest?: unknown }; browser?: { webRequest?: unknown } };
  const api = (TARGET === 'firefox' ? g.browser?.webRequest : g.chrome?.webRequest) as WebRequestLike | undefined;
  return watchRequests(TARGET, api, watch);
}
