// @vitest-environment happy-dom
/**
 * The panel applies a state only if its revision is at least the newest it has shown for the tab:
 * request answers and pushed `state.changed` events travel on different channels and may arrive
 * in either order.
 */
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../shared/domain';
import type { AuthState, Result } from '../shared/domain';
import { usePanelState } from './usePanelState';
import { TAB, baseState, fakeClient } from './testing/fakeClient';

afterEach(cleanup);

/** A promise the test resolves when it wants the "worker" to answer. */
function later<T>() {
  let resolve: (v: T) => void = () => undefined;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const at = (revision: number, over: Partial<AuthState> = {}): AuthState => baseState({ revision, ...over });

describe('usePanelState orders states by revision', () => {
  it('drops a state.get answer older than a push that overtook it', async () => {
    const answer = later<Result<AuthState>>();
    const fake = fakeClient(at(1), { 'state.get': () => answer.promise });
    const { result } = renderHook(() => usePanelState(fake.client, TAB));
    act(() => fake.push(at(5, { busy: true })));
    expect(result.current.state?.revision).toBe(5);
    await act(async () => {
      answer.resolve(ok(at(4)));
      await answer.promise;
    });
    expect(result.current.state).toMatchObject({ revision: 5, busy: true });
    expect(result.current.loadFailed).toBe(false);
  });

  it('applies a state.get answer newer than an earlier push (the old "push wins" rule lost it)', async () => {
    const answer = later<Result<AuthState>>();
    const fake = fakeClient(at(1), { 'state.get': () => answer.promise });
    const { result } = renderHook(() => usePanelState(fake.client, TAB));
    act(() => fake.push(at(2, { busy: true })));
    await act(async () => {
      answer.resolve(ok(at(3, { busy: false })));
      await answer.promise;
    });
    expect(result.current.state).toMatchObject({ revision: 3, busy: false });
  });

  it('ignores an older push after a newer one; applies an equal or newer one', async () => {
    const fake = fakeClient(at(2));
    const { result } = renderHook(() => usePanelState(fake.client, TAB));
    await waitFor(() => expect(result.current.state?.revision).toBe(2));
    act(() => fake.push(at(7, { notice: { level: 'info', message: 'Logged out.', at: 2 } })));
    act(() => fake.push(at(6, { notice: { level: 'error', message: 'stale', at: 1 } })));
    expect(result.current.state?.notice?.message).toBe('Logged out.');
    act(() => fake.push(at(7, { notice: null }))); // equal: the same stored change, fine to apply
    expect(result.current.state).toMatchObject({ revision: 7, notice: null });
    act(() => fake.push(at(8, { busy: true })));
    expect(result.current.state).toMatchObject({ revision: 8, busy: true });
  });

  it("an action's answer older than a push still counts as success but does not roll the state back", async () => {
    const answer = later<Result<AuthState>>();
    const fake = fakeClient(at(1), { 'identity.check': () => answer.promise });
    const { result } = renderHook(() => usePanelState(fake.client, TAB));
    await waitFor(() => expect(result.current.state?.revision).toBe(1));
    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = result.current.act('identity.check', {});
    });
    act(() => fake.push(at(4, { pageUrl: 'http://127.0.0.1:8080/newer' })));
    await act(async () => {
      answer.resolve(ok(at(3, { pageUrl: 'http://127.0.0.1:8080/older' })));
      await answer.promise;
    });
    expect(await done).toBe(true);
    expect(result.current.state).toMatchObject({ revision: 4, pageUrl: 'http://127.0.0.1:8080/newer' });
    expect(result.current.isPending('identity.check')).toBe(false);
  });
});
