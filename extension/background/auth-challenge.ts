/**
 * Refused Basic credentials must not stall the page behind the browser's sign-in prompt: while a
 * Basic rule of ours covers the URL, the server's challenge is ours to answer, and we cancel it,
 * so the page's request completes with its 401 and the panel says the credentials are refused.
 * Challenges for anything else (a site's own Basic login) are left to the browser.
 */
import type { Ctx } from './context';
import { basicRuleRegex, isBasicApplied } from './basic-auth';

export async function isOurChallenge(ctx: Ctx, url: string): Promise<boolean> {
  for (const b of await ctx.store.allBasics()) {
    if (new RegExp(basicRuleRegex(b.origin, b.prefix)).test(url) && (await isBasicApplied(ctx, b.ruleId))) return true;
  }
  return false;
}
