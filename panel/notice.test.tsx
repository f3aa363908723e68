// @vitest-environment happy-dom
/**
 * One message at a time: which notice is on screen (visibleNotice, table-driven) and how the
 * panel behaves over a sequence of actions: a new outcome replaces the last, the status line's
 * sentence is never repeated, every notice can be dismissed.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../shared/domain';
import type { AuthState, Notice } from '../shared/domain';
import { Panel } from './App';
import { visibleNotice } from './usePanelState';
import { TAB, baseState, fakeClient } from './testing/fakeClient';

afterEach(cleanup);

const n = (message: string, at: number, level: Notice['level'] = 'info'): Notice => ({ level, message, at });
const withNotice = (notice: Notice | null, over: Partial<AuthState> = {}): AuthState => baseState({ notice, ...over });
const unreachable = baseState({
  identity: { kind: 'unreachable', via: 'none', user: null, checkedAt: 0, problem: 'Could not reach X' },
});

describe('visibleNotice', () => {
  const rows: Array<[string, AuthState | null, Parameters<typeof visibleNotice>[1], number | null, string | null]> = [
    ['nothing to say', withNotice(null), null, null, null],
    ['the worker notice', withNotice(n('Logged out.', 5)), null, null, 'Logged out.'],
    [
      'a local notice said over it replaces it',
      withNotice(n('Logged out.', 5)),
      { notice: n('Wrong login or password.', 9, 'error'), over: 5 },
      null,
      'Wrong login or password.',
    ],
    [
      'a newer worker notice replaces the local one',
      withNotice(n('HTTP Basic removed.', 7)),
      { notice: n('Timed out', 6, 'error'), over: 5 },
      null,
      'HTTP Basic removed.',
    ],
    [
      'a local notice with no worker notice',
      withNotice(null),
      { notice: n('Enter a login', 1, 'error'), over: null },
      null,
      'Enter a login',
    ],
    ['a dismissed worker notice is gone', withNotice(n('Logged out.', 5)), null, 5, null],
    ['dismissing one notice does not hide the next', withNotice(n('Logged out.', 8)), null, 5, 'Logged out.'],
    [
      'the status line already says it: not twice',
      { ...unreachable, notice: null },
      { notice: n('Could not reach X', 2, 'error'), over: null },
      null,
      null,
    ],
  ];
  it.each(rows)('%s', (_l, state, local, dismissed, message) => {
    expect(visibleNotice(state, local, dismissed)?.message ?? null).toBe(message);
  });
});

describe('the notice over a sequence of actions', () => {
  const allow = { request: async () => true };

  it('a failed login replaces "Logged out." (one box, one message); the next worker notice replaces the error', async () => {
    const fake = fakeClient(withNotice(n('Logged out.', 5)), {
      'session.login': () => fail('http', 'Wrong login or password.', 401),
    });
    render(<Panel client={fake.client} tabId={TAB} permissions={allow} initialPane="auth" />);
    expect((await screen.findByTestId('notice')).textContent).toContain('Logged out.');
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('notice').textContent).toContain('Wrong login or password.'));
    expect(screen.getAllByTestId('notice')).toHaveLength(1);
    expect(screen.getByTestId('notice').textContent).not.toContain('Logged out.');
    act(() => fake.push(withNotice(n('HTTP Basic removed.', 9), { revision: 3 })));
    expect(screen.getByTestId('notice').textContent).toContain('HTTP Basic removed.');
    expect(screen.getByTestId('notice').textContent).not.toContain('Wrong login');
  });

  it('every notice can be dismissed: a local one at once, the worker one for every panel (notice.dismiss)', async () => {
    const fake = fakeClient(withNotice(n('Logged out.', 5)), {
      'notice.dismiss': () => ok(withNotice(null, { revision: 2 })),
    });
    render(<Panel client={fake.client} tabId={TAB} permissions={allow} initialPane="auth" />);
    fireEvent.click(await screen.findByTestId('notice-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('notice')).toBeNull());
    expect(fake.callsOf('notice.dismiss')).toEqual([{ tabId: TAB, at: 5 }]);

    fireEvent.change(screen.getByTestId('api-base'), { target: { value: 'not a url' } });
    fireEvent.click(screen.getByTestId('api-base-apply'));
    expect((await screen.findByTestId('notice')).textContent).toContain('is not a URL');
    fireEvent.click(screen.getByTestId('notice-dismiss'));
    expect(screen.queryByTestId('notice')).toBeNull();
    expect(fake.callsOf('notice.dismiss')).toHaveLength(1);
  });

  it('an unreachable API is said once, by the status line, never as Anonymous', async () => {
    const fake = fakeClient(unreachable, { 'identity.check': () => fail('network', 'Could not reach X') });
    render(<Panel client={fake.client} tabId={TAB} permissions={allow} initialPane="auth" />);
    const status = await screen.findByTestId('auth-status');
    await waitFor(() => expect(status.getAttribute('data-auth-kind')).toBe('unreachable'));
    expect(status.textContent).toContain('Unreachable');
    expect(status.textContent).not.toContain('Anonymous');
    fireEvent.click(screen.getByTestId('identity-check'));
    await waitFor(() => expect(fake.callsOf('identity.check')).toHaveLength(1));
    expect(screen.queryByTestId('notice')).toBeNull();
    expect(document.body.textContent?.split('Could not reach X')).toHaveLength(2);
  });
});
