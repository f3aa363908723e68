/**
 * Reads a request body up to a limit. Past the limit it stops collecting at once (nothing more
 * is buffered) and reports `too-large`; the caller answers 413 and closes the connection.
 */
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyOutcome = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

export function readBody(req: IncomingMessage, limit: number, done: (outcome: BodyOutcome) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let finished = false;
  const finish = (outcome: BodyOutcome): void => {
    if (finished) return;
    finished = true;
    req.off('data', onData);
    req.off('end', onEnd);
    req.off('error', onError);
    req.off('close', onError);
    done(outcome);
  };
  const onData = (chunk: Buffer): void => {
    size += chunk.length;
    if (size > limit) {
      chunks.length = 0;
      finish({ ok: false, reason: 'too-large' });
      return;
    }
    chunks.push(chunk);
  };
  const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks) });
  const onError = (): void => finish({ ok: false, reason: 'aborted' });
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', onError);
  // A client gone mid-body: 'close' without 'end' (whether or not 'error' fired first).
  req.once('close', onError);
}

/** A declared Content-Length over the limit can be refused before reading a byte. */
export function declaredTooLarge(req: IncomingMessage, limit: number): boolean {
  const len = req.headers['content-length'];
  return len !== undefined && Number(len) > limit;
}

/** The client waits for `100 Continue` before sending its body (sent only if the body is read). */
export function expectsContinue(req: IncomingMessage): boolean {
  const e = req.headers.expect;
  return e !== undefined && e.toLowerCase() === '100-continue';
}
