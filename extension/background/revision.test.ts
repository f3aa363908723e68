/**
 * AuthState.revision as the worker keeps it: it grows with every stored change, across worker
 * restarts (a new worker over the same storage.session) and across the tab record being dropped
 * or replaced, so a panel that keeps the highest revision never takes an old state for a new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asTabId } from '../../shared/domain';
import type { AuthState } from '../../shared/domain';
import type { MockServer } from '../../mock-server/server';
import type { FakeApis } from '../platform/testing/fakes';
import { buildState } from './state';
import { emptyTab } from './store';
import { makeCtx, startMock, value, workerFor } from './test-kit';
import type { TestCtx } from './test-kit';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock('hybrid');
});
afterAll(() => mock.close());

const TAB = asTabId(7);

/** A worker as index.ts wires it: notify pushes the stored state, so pushes carry revisions. */
function worker(apis?: FakeApis) {
  const ctx: TestCtx = makeCtx(apis);
  ctx.notify = async (tabId) => {
    ctx.pushed.push(await buildState(ctx, tabId, await ctx.store.getTab(tabId)));
  };
  return workerFor(ctx);
}

const strictlyIncreasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? -Infinity));

describe('AuthState revision (worker)', () => {
  it('grows with every action, and every push and answer agree on the order', async () => {
    const { ctx, ask } = worker();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const s0 = value(await ask('state.get', { tabId: TAB }));
    const s1 = value(await ask('basic.apply', { tabId: TAB, user: 'admin', password: 'publish', remember: false }));
    const s2 = value(await ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }));
    const s3 = value(await ask('session.logout', { tabId: TAB }));
    expect(s0.revision).toBeGreaterThan(0);
    expect(strictlyIncreasing([s0, s1, s2, s3].map((s) => s.revision))).toBe(true);
    // the busy push of an action comes before its answer, under a lower revision
    const busy = ctx.pushed.filter((s) => s.busy);
    expect(busy.length).toBe(3);
    for (const b of busy) expect(ctx.pushed.some((s) => !s.busy && s.revision > b.revision)).toBe(true);
    // pushes never go backwards
    const revs = ctx.pushed.map((s) => s.revision);
    expect(revs).toEqual([...revs].sort((a, b) => a - b));
    // the answer is exactly the last stored version
    expect((await ctx.store.getTab(TAB))?.revision).toBe(s3.revision);
  });

  it('continues after a worker restart over the same storage.session', async () => {
    const w1 = worker();
    w1.ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    value(await w1.ask('state.get', { tabId: TAB }));
    const before = value(
      await w1.ask('session.login', { tabId: TAB, login: 'admin', password: 'publish', siteAccess: null }),
    );

    const w2 = worker(w1.ctx.apis); // new store, handlers, locks: only storage survives
    const again = value(await w2.ask('state.get', { tabId: TAB }));
    expect(again.revision).toBe(before.revision); // nothing changed: the same state, the same number
    const after = value(await w2.ask('identity.check', { tabId: TAB }));
    expect(after.revision).toBeGreaterThan(before.revision);
  });

  it('never goes backwards when the record is replaced (new origin) or dropped and created again', async () => {
    const { ctx, ask, watchers } = worker();
    ctx.apis.tabUrls.set(TAB, `${mock.url}/`);
    const first = value(await ask('identity.check', { tabId: TAB }));

    ctx.apis.tabUrls.set(TAB, 'http://localhost:9/elsewhere');
    await watchers.onTabUpdated(TAB, { url: 'http://localhost:9/elsewhere' });
    const moved = value(await ask('state.get', { tabId: TAB }));
    expect(moved.target?.origin).toBe('http://localhost:9');
    expect(moved.revision).toBeGreaterThan(first.revision);

    await watchers.onTabRemoved(TAB);
    const closed = ctx.pushed.at(-1) as AuthState;
    expect(closed).toMatchObject({ pageUrl: null, notice: { message: 'The inspected tab was closed.' } });
    expect(closed.revision).toBeGreaterThan(moved.revision);

    // the same tab id shows up again (a fresh record from emptyTab, revision 0 in memory)
    const reborn = value(await ask('state.get', { tabId: TAB }));
    expect(reborn.pageUrl).toBe('http://localhost:9/elsewhere');
    expect(reborn.revision).toBeGreaterThan(closed.revision);
  });

  it('concurrent writes of one tab get distinct revisions, stored in the order they were made', async () => {
    const ctx = makeCtx();
    const recs = Array.from({ length: 5 }, (_, i) => emptyTab(`http://127.0.0.1/${i}`));
    await Promise.all(recs.map((r) => ctx.store.putTab(TAB, r)));
    expect(recs.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(await ctx.store.getTab(TAB)).toMatchObject({ pageUrl: 'http://127.0.0.1/4', revision: 5 });
    // another tab counts on its own
    const other = emptyTab(null);
    await ctx.store.putTab(asTabId(8), other);
    expect(other.revision).toBe(1);
  });
});
