/**
 * Stands in for `webextension-polyfill` under vitest (vite.config.ts `test.alias`): the real
 * package throws on import outside an extension. Modules that only import the platform layer
 * (the panel via the client, the background via index.ts) can then be loaded in unit tests;
 * tests inject behaviour through the `Apis` bundle or `RuntimeLike`, not through this object.
 */
import { memoryStorage } from './fakes';

const unavailable = (what: string) => (): never => {
  throw new Error(`${what} is not available in unit tests: inject a fake instead`);
};
const event = () => ({ addListener: () => undefined, removeListener: () => undefined, hasListener: () => false });

const fakeBrowser = {
  runtime: {
    id: 'unit-test-extension',
    sendMessage: async () => unavailable('runtime.sendMessage')(),
    connect: unavailable('runtime.connect'),
    onMessage: event(),
    onConnect: event(),
  },
  storage: { session: memoryStorage(), local: memoryStorage() },
  permissions: {
    request: async () => false,
    contains: async () => false,
    onAdded: event(),
    onRemoved: event(),
  },
  cookies: { onChanged: event() },
  tabs: { onUpdated: event(), onRemoved: event() },
};

export default fakeBrowser;
