import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../../mock-server/server';
import {
  applyBasic,
  basicHeader,
  basicRuleRegex,
  clearBasic,
  isBasicApplied,
  restoreBasicRules,
  FIRST_BASIC_RULE_ID,
} from './basic-auth';
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

describe('the rule regex escapes what URLs may hold', () => {
  it.each([
    // IPv6 literal: the brackets must be literal, not a character class
    ['http://[::1]:8080', '/api/ezp/v2', 'http://[::1]:8080/api/ezp/v2/user/users/14', true],
    ['http://[::1]:8080', '/api/ezp/v2', 'http://:8080/api/ezp/v2/', false],
    ['http://[::1]:8080', '/api/ezp/v2', 'http://1:8080/api/ezp/v2/', false],
    // dots in the host and a typed prefix are literal
    ['https://cms.example.test', '/rest.v2', 'https://cms.example.test/rest.v2/user', true],
    ['https://cms.example.test', '/rest.v2', 'https://cmsXexample.test/rest.v2/user', false],
    ['https://cms.example.test', '/rest.v2', 'https://cms.example.test/restXv2/user', false],
    // a percent-encoded prefix (URL.pathname keeps it encoded, as Chrome matches it)
    ['https://cms.example.test', '/api%20x/v2', 'https://cms.example.test/api%20x/v2/', true],
  ])('%s%s vs %s -> %s', (origin, prefix, url, expected) => {
    expect(new RegExp(basicRuleRegex(origin, prefix)).test(url)).toBe(expected);
  });

  it('a ":" in the password stays in the password (only the first one splits, RFC 7617)', () => {
    const value = basicHeader('admin', 'pa:ss:word').slice('Basic '.length);
    expect(Buffer.from(value, 'base64').toString('utf8')).toBe('admin:pa:ss:word');
  });
});

describe('applyBasic / clearBasic / restoreBasicRules', () => {
  const target = targetFor('http://127.0.0.1:8080');

  it('adds one rule per target, reuses its id, and keeps the password out of local storage', async () => {
    const ctx = makeCtx();
    expect(await applyBasic(ctx, target, 'admin', 'publish', false)).toBeNull();
    expect([...ctx.apis.dnr.rules.keys()]).toEqual([FIRST_BASIC_RULE_ID]);
    const rule = ctx.apis.dnr.rules.get(FIRST_BASIC_RULE_ID);
    expect(rule?.action.requestHeaders[0]).toEqual({
      header: 'Authorization',
      operation: 'set',
      value: basicHeader('admin', 'publish'),
    });
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

  it('clear also removes a rule for the target whose stored record was lost, and only that one', async () => {
    const ctx = makeCtx();
    await applyBasic(ctx, target, 'admin', 'publish', false);
    await applyBasic(ctx, targetFor('http://127.0.0.1:9090'), 'other', 'x', false);
    ctx.apis.session.data.clear(); // the extension reloaded: storage.session is gone, session rules are not
    expect(await clearBasic(ctx, target)).toBe(true);
    expect([...ctx.apis.dnr.rules.values()].map((r) => r.condition.regexFilter)).toEqual([
      basicRuleRegex('http://127.0.0.1:9090', '/api/ezp/v2'),
    ]);
    expect(await clearBasic(ctx, target)).toBe(false);
  });

  it('apply replaces a rule for the target whose stored record was lost instead of adding a second one', async () => {
    const ctx = makeCtx();
    await applyBasic(ctx, target, 'admin', 'old-password', false);
    ctx.apis.session.data.clear();
    expect(await applyBasic(ctx, target, 'admin', 'new-password', false)).toBeNull();
    expect([...ctx.apis.dnr.rules.values()].map((r) => r.action.requestHeaders[0]?.value)).toEqual([
      basicHeader('admin', 'new-password'),
    ]);
  });

  it('credentials that cannot be stored (storage.session full) leave no rule behind', async () => {
    const ctx = makeCtx();
    ctx.apis.session.set = () => Promise.reject(new Error('Session storage quota bytes exceeded.'));
    const error = await applyBasic(ctx, target, 'admin', 'publish', false);
    expect(error).toEqual({
      code: 'internal',
      message:
        'The credentials could not be stored (Session storage quota bytes exceeded.), so the header rule was removed again.',
    });
    expect(ctx.apis.dnr.rules.size).toBe(0);
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
