import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/server';
import { applyBasic, basicHeader, basicRuleRegex, clearBasic, isBasicApplied, restoreBasicRules, FIRST_BASIC_RULE_ID } from './basic-auth';
import { makeCtx, startMock, targetFor } from './test-kit';

describe('basicHeader', () => {
  it.each([
    ['admin', 'publish', 'Basic YWRtaW46cHVibGlzaA=='],
    ['zoë', 'pässword', `Basic ${Buffer.from('zoë:pässword', 'utf8').toString('base64')}`],
    ['a', '', 'Basic YTo='],
  ])('%s:%s', (user, password, expected) => {
    expect(basicHeader(user, password)).toBe(expected);
  });
});

describe('the DNR rule matches exactly the API origin under its prefix', () => {
  const re = new RegExp(basicRuleRegex('http://127.0.0.1:8080', '/api/ezp/v2'));
  it.each([
    ['http://127.0.0.1:8080/api/ezp/v2/user/users/14', true],
    ['http://127.0.0.1:8080/api/ezp/v2/', true],
    ['http://127.0.0.1:8080/api/ezp/v2', true],
    ['http://127.0.0.1:8080/api/ezp/v2?x=1', true],
    ['http://127.0.0.1:8081/api/ezp/v2/user/users/14', false], // same host, other port
    ['http://127.0.0.1:80801/api/ezp/v2/', false],
    ['http://127.0.0.1/api/ezp/v2/', false], // default port is another origin
    ['https://127.0.0.1:8080/api/ezp/v2/', false], // other scheme
    ['http://localhost:8080/api/ezp/v2/', false], // other host
    ['http://127.0.0.1:8080.evil.test/api/ezp/v2/', false],
    ['http://127.0.0.1:8080/api/ezp/v20/', false], // prefix look-alike
    ['http://127.0.0.1:8080/', false], // outside the prefix
    ['http://127.0.0.1:8080/other/api/ezp/v2/', false],
  ])('%s -> %s', (url, expected) => {
    expect(re.test(url)).toBe(expected);
  });
});

describe('applyBasic / clearBasic / restoreBasicRules', () => {
  const target = targetFor('http://127.0.0.1:8080');

  it('adds one rule per target, reuses its id, and keeps the password out of local storage', async () => {
    const ctx = makeCtx();
    expect(await applyBasic(ctx, target, 'admin', 'publish', false)).toBeNull();
    expect([...ctx.apis.dnr.rules.keys()]).toEqual([FIRST_BASIC_RULE_ID]);
    const rule = ctx.apis.dnr.rules.get(FIRST_BASIC_RULE_ID);
    expect(rule?.action.requestHeaders[0]).toEqual({ header: 'Authorization', operation: 'set', value: basicHeader('admin', 'publish') });
    expect(rule?.condition.resourceTypes).toContain('xmlhttprequest');
    expect(rule?.condition.resourceTypes).toContain('main_frame');
    expect(await applyBasic(ctx, target, 'editor', 'x', false)).toBeNull();
    expect([...ctx.apis.dnr.rules.keys()]).toEqual([FIRST_BASIC_RULE_ID]);
    expect(ctx.apis.local.data.size).toBe(0);
    const other = targetFor('http://127.0.0.1:9090');
    await applyBasic(ctx, other, 'admin', 'publish', false);
    expect([...ctx.apis.dnr.rules.keys()].sort()).toEqual([FIRST_BASIC_RULE_ID, FIRST_BASIC_RULE_ID + 1]);
  });

  it.each([
    ['', 'Enter a user name'],
    ['a:b', 'cannot contain ":"'],
  ])('refuses user %j', async (user, text) => {
    const ctx = makeCtx();
    expect((await applyBasic(ctx, target, user, 'p', false))?.message).toContain(text);
    expect(ctx.apis.dnr.rules.size).toBe(0);
  });

  it('remember=true mirrors the credentials in storage.local; clear removes rule and both copies, no cookie touched', async () => {
    const ctx = makeCtx();
    ctx.apis.cookies.put('127.0.0.1', 'eZSESSIDabc', 'visitor');
    await applyBasic(ctx, target, 'admin', 'publish', true);
    expect(ctx.apis.local.data.size).toBe(1);
    expect(await clearBasic(ctx, target)).toBe(true);
    expect(ctx.apis.dnr.rules.size).toBe(0);
    expect(ctx.apis.local.data.size).toBe(0);
    expect(ctx.apis.session.data.size).toBe(0);
    expect(ctx.apis.cookies.jar.map((c) => c.value)).toEqual(['visitor']);
    expect(await clearBasic(ctx, target)).toBe(false);
  });

  it('after a browser restart, remembered credentials get their rule back; forgotten ones do not', async () => {
    const ctx = makeCtx();
    await applyBasic(ctx, target, 'admin', 'publish', true);
    await applyBasic(ctx, targetFor('http://localhost:8080'), 'tmp', 'tmp', false);
    // restart: session rules and storage.session are gone, storage.local stays
    ctx.apis.dnr.rules.clear();
    ctx.apis.session.data.clear();
    expect(await restoreBasicRules(ctx)).toBe(1);
    const stored = await ctx.store.getBasic(target.origin, target.prefix);
    expect(stored && (await isBasicApplied(ctx, stored.ruleId))).toBe(true);
    expect(await restoreBasicRules(ctx)).toBe(0);
  });
});

describe('the rule header against the mock server', () => {
  let basic: MockServer;
  beforeAll(async () => {
    basic = await startMock('basic');
  });
  afterAll(() => basic.close());

  it.each([
    ['admin', 'publish', 200],
    ['admin', 'wrong', 401],
  ])('%s:%s -> %i', async (user, password, status) => {
    const r = await fetch(`${basic.url}/api/ezp/v2/user/users/14`, {
      headers: { Accept: 'application/vnd.ez.api.User+json', Authorization: basicHeader(user, password) },
    });
    expect(r.status).toBe(status);
  });
});
