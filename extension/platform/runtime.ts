/** Adapts the extension `runtime` to the structural `RuntimeLike` the transport is written against. */
import type { PortLike, RuntimeLike } from '../../shared/messaging/runtime';
import { browser } from './browser';

export function extensionRuntime(): RuntimeLike {
  return {
    sendMessage: (message) => browser.runtime.sendMessage(message),
    connect: (info) => browser.runtime.connect(info) as unknown as PortLike,
  };
}
