/**
 * The slice of `runtime` the transport needs. Kept structural (not the polyfill's types) so the
 * unit tests can hand in a small in-memory fake, and so the panel's imports stay cheap.
 */
export interface PortLike {
  name: string;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
  connect(info: { name: string }): PortLike;
}
