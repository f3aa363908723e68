/**
 * What the panel needs from the outside world, as injectable values: the protocol client and the
 * host-permission prompt. main.tsx wires the real ones; component tests pass fakes.
 */
import type { ProtocolClient } from '../shared/messaging/client';

export type PanelClient = ProtocolClient;

export interface HostPermissions {
  /**
   * Ask the user for access to `origin`. Must be called synchronously inside a click handler:
   * browsers only show the prompt for a user gesture, and an `await` before it loses the gesture.
   */
  request(origin: string): Promise<boolean>;
}
