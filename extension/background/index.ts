/**
 * Background entry: wiring only. Listeners are registered synchronously at the top level so an
 * MV3 worker woken by an event finds them (Chrome drops events for late registrations).
 */
import { asTabId } from '../../shared/domain';
import type { PortLike } from '../../shared/messaging/runtime';
import { createBroadcaster } from '../../shared/messaging/broadcaster';
import { createRouter } from '../../shared/messaging/router';
import { browser, capabilities, createApis, extensionHost, onBasicChallenge, onRequests } from '../platform';
import type { CookieChange } from '../platform';
import type { Ctx } from './context';
import { createStore } from './store';
import { buildState } from './state';
import { createBackground } from './handlers/index';
import { createWatchers } from './watchers';
import { restoreBasicRules } from './basic-auth';
import { isOurChallenge } from './auth-challenge';
import { createCapture } from './capture/index';

const apis = createApis();
const store = createStore(apis.session, apis.local);
const ports = createBroadcaster();
const capture = createCapture(apis.session, {
  entries: (tabId, entries) => ports.emit(tabId, 'capture.entries', { tabId, entries }),
  navigated: (tabId, page, url) => ports.emit(tabId, 'capture.navigated', { tabId, page, url }),
  // The API went away under the page: the panel should say so without a click.
  networkFailed: (tabId) => watchers.onNetworkFailure(tabId),
});
const ctx: Ctx = {
  apis,
  store,
  capture: capture.buffer,
  resourceTypes: capabilities.basicAuthResourceTypes,
  ownHost: extensionHost(),
  async notify(tabId) {
    if (!ports.listening(tabId)) return;
    ports.emit(tabId, 'state.changed', await buildState(ctx, tabId, await store.getTab(tabId)));
  },
};
const bg = createBackground(ctx);
const route = createRouter(bg.handlers);
const watchers = createWatchers(ctx, bg, (tabId, state) => ports.emit(tabId, 'state.changed', state));
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown) => route(message));
browser.runtime.onConnect.addListener((port) => void ports.accept(port as unknown as PortLike));

browser.cookies.onChanged.addListener((change) => quietly(watchers.onCookieChanged(change as CookieChange)));
browser.tabs.onUpdated.addListener((tabId, change) => quietly(watchers.onTabUpdated(tabId, change)));
browser.tabs.onRemoved.addListener((tabId) => {
  quietly(watchers.onTabRemoved(asTabId(tabId)));
  quietly(capture.buffer.drop(tabId));
});
browser.permissions.onAdded.addListener(() => quietly(watchers.onPermissionsChanged()));
browser.permissions.onRemoved.addListener(() => quietly(watchers.onPermissionsChanged()));
// Refused Basic credentials: the page gets its 401, not the browser's sign-in prompt.
onBasicChallenge((d) => isOurChallenge(ctx, d.url));
// Every tab's fetch/XHR to the origins the extension may reach, even before DevTools is opened.
onRequests(capture.watch);

// Session rules vanish with the browser; remembered Basic credentials bring theirs back. Cheap
// enough to run on every worker start, which also covers onStartup.
quietly(restoreBasicRules(ctx));
