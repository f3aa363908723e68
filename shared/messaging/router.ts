/**
 * Worker-side transport: every incoming message passes the protocol guard before a handler sees
 * it; anything else gets a `bad-request` Result. Handlers return Results; a handler that throws
 * still produces an `internal` Result with a sentence, never an unanswered promise.
 */
import { PROTOCOL_TAG, REQUEST_NAMES, isRequestEnvelope } from '../protocol';
import { fail } from '../domain';
import type { ParamsOf, RequestName, ResultOf } from '../protocol';
import type { Result } from '../domain';

export type Handlers = {
  [N in RequestName]: (params: ParamsOf<N>) => Promise<Result<ResultOf<N>>>;
};

function whyBad(message: unknown): string {
  if (typeof message !== 'object' || message === null) return 'The message is not a protocol request.';
  const m = message as Record<string, unknown>;
  if (m.tag !== PROTOCOL_TAG) return "The message does not carry this extension's protocol tag.";
  if (typeof m.name !== 'string' || !(REQUEST_NAMES as readonly string[]).includes(m.name)) {
    return `Unknown request "${String(m.name)}".`;
  }
  return `The parameters of "${m.name}" are missing or of the wrong type.`;
}

export function createRouter(handlers: Handlers): (message: unknown) => Promise<Result<unknown>> {
  return async (message) => {
    if (!isRequestEnvelope(message)) return fail('bad-request', whyBad(message));
    const handler = handlers[message.name] as (p: unknown) => Promise<Result<unknown>>;
    try {
      return await handler(message.params);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return fail('internal', `The extension failed while handling "${message.name}": ${why}`);
    }
  };
}
