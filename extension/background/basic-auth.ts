/**
 * HTTP Basic through one declarativeNetRequest session rule per API target. The rule sets
 * `Authorization` on requests whose URL starts with exactly `<scheme>://<host>[:port]<prefix>`
 * followed by `/`, `?` or the end, so the same host on another port, another host, or a path
 * outside the prefix never carries it. Session rules live in browser memory: they survive the
 * worker being stopped, not a browser restart (remembered credentials are re-applied on startup).
 *
 * The extension's own requests are excluded from the rule and set the header themselves where
 * they mean it (identity.ts): the panel's session login/logout must not carry Basic, because a
 * server that accepts both (Ibexa's Authorization-header matcher, the mock's hybrid profile)
 * routes a request with Basic to the stateless firewall, where the session endpoints fail (500).
 */
import type { ApiTarget, ProtocolError } from '../../shared/domain';
import type { DnrRule } from '../platform/apis';
import type { Ctx } from './context';
import type { StoredBasic } from './store';

/** First id handed out; ids below are left free for future static rules. */
export const FIRST_BASIC_RULE_ID = 1000;

/** RFC 7617: `Basic base64(utf8(user ":" password))`. btoa needs a binary string, hence the bytes. */
export function basicHeader(user: string, password: string): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `Basic ${btoa(bin)}`;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** RE2 pattern for DNR: the exact origin, then the prefix, then a path boundary. */
export function basicRuleRegex(origin: string, prefix: string): string {
  return `^${escapeRegex(origin)}${escapeRegex(prefix)}(/|\\?|$)`;
}

export function basicRule(
  id: number,
  b: Pick<StoredBasic, 'origin' | 'prefix' | 'user' | 'password'>,
  resourceTypes: string[],
  ownHost: string,
): DnrRule {
  return {
    id,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Authorization', operation: 'set', value: basicHeader(b.user, b.password) }],
    },
    condition: {
      regexFilter: basicRuleRegex(b.origin, b.prefix),
      isUrlFilterCaseSensitive: true,
      resourceTypes,
      excludedInitiatorDomains: [ownHost],
    },
  };
}

const why = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * The session rules for this target: its stored rule id and any Basic rule with the target's
 * pattern whose stored record was lost (storage.session is wiped on an extension reload, while a
 * rule nobody knows about would keep sending a password). Apply replaces them, Clear removes them.
 */
async function targetRuleIds(
  ctx: Ctx,
  target: Pick<ApiTarget, 'origin' | 'prefix'>,
  storedId: number | null,
): Promise<number[]> {
  const regex = basicRuleRegex(target.origin, target.prefix);
  return (await ctx.apis.dnr.getSessionRules())
    .filter((r) => r.id === storedId || (r.id >= FIRST_BASIC_RULE_ID && r.condition.regexFilter === regex))
    .map((r) => r.id);
}

async function allocateRuleId(ctx: Ctx): Promise<number> {
  const [rules, stored] = await Promise.all([ctx.apis.dnr.getSessionRules(), ctx.store.allBasics()]);
  const used = [...rules.map((r) => r.id), ...stored.map((b) => b.ruleId)];
  return Math.max(FIRST_BASIC_RULE_ID - 1, ...used) + 1;
}

export async function applyBasic(
  ctx: Ctx,
  target: ApiTarget,
  user: string,
  password: string,
  remember: boolean,
): Promise<ProtocolError | null> {
  if (user === '') return { code: 'bad-request', message: 'Enter a user name for HTTP Basic.' };
  if (user.includes(':')) return { code: 'bad-request', message: 'A Basic user name cannot contain ":" (RFC 7617).' };
  const existing = await ctx.store.getBasic(target.origin, target.prefix);
  const ruleId = existing?.ruleId ?? (await allocateRuleId(ctx));
  const stored: StoredBasic = { origin: target.origin, prefix: target.prefix, user, password, remember, ruleId };
  const replaced = await targetRuleIds(ctx, target, ruleId);
  try {
    await ctx.apis.dnr.updateSessionRules({
      removeRuleIds: [...new Set([ruleId, ...replaced])],
      addRules: [basicRule(ruleId, stored, ctx.resourceTypes, ctx.ownHost)],
    });
  } catch (e) {
    return { code: 'internal', message: `The browser refused the header rule: ${why(e)}` };
  }
  try {
    await ctx.store.putBasic(stored);
  } catch (e) {
    // A rule without its record would send the password with no way to see or clear it in the
    // panel (Clear needs the record): take the rule back out.
    await ctx.apis.dnr.updateSessionRules({ removeRuleIds: [ruleId] }).catch(() => undefined);
    return {
      code: 'internal',
      message: `The credentials could not be stored (${why(e)}), so the header rule was removed again.`,
    };
  }
  return null;
}

/** Removes the rule and the credentials (memory and, if remembered, disk). Cookies are not touched. */
export async function clearBasic(ctx: Ctx, target: Pick<ApiTarget, 'origin' | 'prefix'>): Promise<boolean> {
  const existing = await ctx.store.getBasic(target.origin, target.prefix);
  const ids = await targetRuleIds(ctx, target, existing?.ruleId ?? null);
  if (!existing && ids.length === 0) return false;
  if (ids.length) await ctx.apis.dnr.updateSessionRules({ removeRuleIds: ids });
  await ctx.store.dropBasic(target.origin, target.prefix);
  return true;
}

export async function isBasicApplied(ctx: Ctx, ruleId: number): Promise<boolean> {
  return (await ctx.apis.dnr.getSessionRules()).some((r) => r.id === ruleId);
}

/**
 * After a browser restart the session rules are gone but remembered credentials are in
 * storage.local: put their rules back. Also repairs a rule lost for any other reason. The
 * credentials are not copied back into storage.session: getBasic already falls back to
 * storage.local, and a copy written here could race an apply and bring back stale ones.
 */
export async function restoreBasicRules(ctx: Ctx): Promise<number> {
  const [rules, stored] = await Promise.all([ctx.apis.dnr.getSessionRules(), ctx.store.allBasics()]);
  const missing = stored.filter((b) => !rules.some((r) => r.id === b.ruleId));
  if (missing.length === 0) return 0;
  await ctx.apis.dnr.updateSessionRules({
    addRules: missing.map((b) => basicRule(b.ruleId, b, ctx.resourceTypes, ctx.ownHost)),
  });
  return missing.length;
}
