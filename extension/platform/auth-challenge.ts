/**
 * Answering a server's Basic challenge (401 + `WWW-Authenticate: Basic`) without the browser's
 * sign-in prompt. The two browsers take the asynchronous answer differently:
 * - Chrome: `asyncBlocking` and a callback (a returned promise is ignored), and MV3 needs the
 *   `webRequestAuthProvider` permission for it at all:
 *   https://developer.chrome.com/docs/extensions/reference/api/webRequest#event-onAuthRequired
 * - Firefox: `blocking` and a returned promise (no `asyncBlocking`):
 *   https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/webRequest/onAuthRequired
 * `{cancel: true}` makes authentication fail quietly: the page gets the 401 as it came.
 */
import type { Target } from './browser';

export interface ChallengeDetails {
  url: string;
  tabId: number;
  isProxy: boolean;
}

/** Decides, per challenge, whether to cancel it (true) or leave it to the browser (false). */
export type ChallengeDecider = (details: ChallengeDetails) => Promise<boolean>;

type Answer = { cancel?: boolean };

interface ChromeStyleEvent {
  addListener(
    cb: (d: ChallengeDetails, callback?: (a: Answer) => void) => void,
    filter: { urls: string[] },
    spec: string[],
  ): void;
}

export function listenAuthChallenges(
  target: Target,
  event: ChromeStyleEvent | undefined,
  decide: ChallengeDecider,
): boolean {
  if (event === undefined) return false; // no permission granted: the prompt stays the browser's
  const answer = (d: ChallengeDetails): Promise<Answer> =>
    (d.isProxy ? Promise.resolve(false) : decide(d).catch(() => false)).then((cancel) =>
      cancel ? { cancel: true } : {},
    );
  if (target === 'firefox') {
    (
      event as unknown as { addListener(cb: (d: ChallengeDetails) => Promise<Answer>, f: object, s: string[]): void }
    ).addListener(answer, { urls: ['<all_urls>'] }, ['blocking']);
  } else {
    event.addListener((d, callback) => void answer(d).then((a) => callback?.(a)), { urls: ['<all_urls>'] }, [
      'asyncBlocking',
    ]);
  }
  return true;
}
