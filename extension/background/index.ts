/**
 * Background entry: wiring only. Listeners are registered synchronously at the top level so an
 * MV3 worker woken by an event finds them (Chrome drops events for late registrations).
 */
import { asTabId, parsePanelPortName } from '../../shared/protocol';
import type { PortLike } from '../../shared/messaging/runtime';
import { createRouter } from '../../shared/messaging/router';
import { browser, capabilities, createApis, extensionHost } from '../platform';
import type { CookieChange } from '../platform';
import type { Ctx } from './context';
import { createStore } from './store';
import { buildState, createBroadcaster } from './state';
import { createBackground } from './handlers';
import { createWatchers } from './watchers';
import { restoreBasicRules } from './basic-auth';

const apis = createApis();
const store = createStore(apis.session, apis.local);
const ports = createBroadcaster();
const ctx: Ctx = {
  apis,
  store,
  resourceTypes: capabilities.basicAuthResourceTypes,
  ownHost: extensionHost(),
  async notify(tabId) {
    if (!ports.tabs().includes(tabId)) return;
    ports.push(await buildState(ctx, tabId, await store.getTab(tabId)));
  },
};
const bg = createBackground(ctx);
const route = createRouter(bg.handlers);
const watchers = createWatchers(ctx, bg, (_tabId, state) => ports.push(state));
const quietly = (p: Promise<unknown>): void => void p.catch(() => undefined);

browser.runtime.onMessage.addListener((message: unknown) => route(message));

browser.runtime.onConnect.addListener((port) => {
  const tabId = parsePanelPortName(port.name);
  if (tabId === null) return port.disconnect();
  const p = port as unknown as PortLike;
  ports.add(tabId, p);
  port.onDisconnect.addListener(() => ports.remove(tabId, p));
});

browser.cookies.onChanged.addListener((change) => quietly(watchers.onCookieChanged(change as CookieChange)));
browser.tabs.onUpdated.addListener((tabId, change) => quietly(watchers.onTabUpdated(tabId, change)));
browser.tabs.onRemoved.addListener((tabId) => quietly(watchers.onTabRemoved(asTabId(tabId))));
browser.permissions.onAdded.addListener(() => quietly(watchers.onPermissionsChanged()));
browser.permissions.onRemoved.addListener(() => quietly(watchers.onPermissionsChanged()));

// Session rules vanish with the browser; remembered Basic credentials bring theirs back. Cheap
// enough to run on every worker start, which also covers onStartup.
quietly(restoreBasicRules(ctx));
