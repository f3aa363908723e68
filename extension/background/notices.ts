/**
 * The worker's sentences that more than one module says, written once, and the notice stamp:
 * every notice carries the time it was set, so the panel tells a new one from the same one
 * pushed again (see panel/Notice.tsx).
 */
import type { Notice, ProtocolError } from '../../shared/domain';

type Level = Notice['level'];

export const notice = (now: () => number, level: Level, message: string): Notice => ({ level, message, at: now() });

/** A failed action, as the notice that replaces the last one. */
export const errorNotice = (now: () => number, e: ProtocolError): Notice => notice(now, 'error', e.message);

export const noAccess = (origin: string): string =>
  `The extension may not talk to ${origin} yet: allow access to it first.`;

export const NO_TARGET = 'No API target yet: open the site or enter the API base.';

export const TAB_CLOSED = 'The inspected tab is closed.';

export const STOPPED_MID_ACTION =
  'The extension background was stopped in the middle of an action; it may not have finished. Check the state and try again.';

export const NOT_A_WEB_PAGE = 'This tab does not show a web page. Open the site, or enter the API base by hand.';
