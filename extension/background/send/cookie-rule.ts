/**
 * A fetch may not set `Cookie`, and a replay must carry one cookie value (the captured one, a
 * saved identity's) without putting it in the browser's jar. So, for the length of one request,
 * a declarativeNetRequest session rule sets the header on the extension's own request to exactly
 * that URL (initiator: the extension; tab: none), and the request goes with `credentials: 'omit'`
 * (the jar is neither read nor written: a Set-Cookie in the answer is not stored). One at a time:
 * the rule must never meet a second request.
 */
import type { DnrRule } from '../../platform/apis';
import type { Ctx } from '../context';

/** Below the Basic rules' ids (1000+). */
export const REPLAY_COOKIE_RULE_ID = 900;

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function cookieRule(url: string, cookie: string, ownHost: string, resourceTypes: string[]): DnrRule {
  return {
    id: REPLAY_COOKIE_RULE_ID,
    priority: 10,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'Cookie', operation: 'set', value: cookie }] },
    condition: {
      regexFilter: `^${escapeRegex(url)}$`,
      isUrlFilterCaseSensitive: true,
      resourceTypes,
      initiatorDomains: [ownHost],
      tabIds: [-1],
    },
  };
}

let queue: Promise<unknown> = Promise.resolve();

/** Run `send` with `cookie` set on its request to `url` (none: no Cookie at all), one at a time. */
export function withCookie<T>(ctx: Ctx, url: string, cookie: string | null, send: () => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    if (cookie === null) return send();
    await ctx.apis.dnr.updateSessionRules({
      removeRuleIds: [REPLAY_COOKIE_RULE_ID],
      addRules: [cookieRule(url, cookie, ctx.ownHost, ctx.resourceTypes)],
    });
    try {
      return await send();
    } finally {
      await ctx.apis.dnr.updateSessionRules({ removeRuleIds: [REPLAY_COOKIE_RULE_ID] }).catch(() => undefined);
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
