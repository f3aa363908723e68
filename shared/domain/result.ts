/** Errors cross every boundary as values, with a sentence a user can read. */

export type ErrorCode =
  | 'bad-request' // the message failed the guard
  | 'timeout' // no answer in time (the worker may have been restarting)
  | 'network' // the API server could not be reached
  | 'http' // the API answered with an error status
  | 'permission' // host permission missing or declined
  | 'no-tab' // the inspected tab is gone
  | 'no-target' // no API target known yet
  | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  /** a sentence a user can read, never a bare status code */
  message: string;
  status?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, status?: number): Result<never> => ({
  ok: false,
  error: status === undefined ? { code, message } : { code, message, status },
});
