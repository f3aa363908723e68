// @vitest-environment happy-dom
/** The panel when the conversation with the worker is not the happy path: late states, new sessions, odd errors. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { asTabId, fail } from '../shared/domain';
import type { AuthState, SessionInfo } from '../shared/domain';
import { Panel } from './App';
import { TAB, baseState, fakeClient } from './testing/fakeClient';
import type { FakeClient } from './testing/fakeClient';

afterEach(cleanup);

const show = (fake: FakeClient) =>
  render(<Panel client={fake.client} tabId={TAB} permissions={{ request: async () => true }} initialPane="auth" />);

const session = (identifier: string, csrfToken: string): SessionInfo => ({
  name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
  identifier,
  href: `/api/ezp/v2/user/sessions/${identifier}`,
  csrfToken,
  userHref: '/api/ezp/v2/user/users/14',
  createdAt: 0,
});
const withSession = (revision: number, s: SessionInfo): AuthState => baseState({ revision, panelSession: s });

describe('a state that arrives after state.get gave up', () => {
  it('replaces the timeout notice and the retry button (the worker finished the slow detection after all)', async () => {
    const fake = fakeClient(baseState(), {
      'state.get': () => fail('timeout', 'The extension did not answer "state.get" within 15 s.'),
    });
    show(fake);
    expect((await screen.findByTestId('notice')).textContent).toContain('did not answer');
    expect(screen.getByTestId('retry')).toBeTruthy();

    act(() => fake.push(baseState({ revision: 2 })));
    await screen.findByText(/Anonymous/);
    expect(screen.queryByTestId('notice')).toBeNull();
    expect(screen.queryByTestId('retry')).toBeNull();
  });

  it('keeps an action error that came after the load failure', async () => {
    const fake = fakeClient(baseState(), {
      'state.get': () => fail('timeout', 'The extension did not answer "state.get" within 15 s.'),
      'identity.check': () => fail('network', 'Could not reach http://127.0.0.1:8080: is the server running?'),
    });
    show(fake);
    await screen.findByTestId('retry');
    act(() => fake.push(baseState({ revision: 2 })));
    fireEvent.click(await screen.findByTestId('identity-check'));
    expect((await screen.findByTestId('notice')).textContent).toContain('is the server running?');
    act(() => fake.push(baseState({ revision: 3 })));
    expect(screen.getByTestId('notice').textContent).toContain('is the server running?');
  });
});

describe('secrets', () => {
  it("a token revealed for one session is masked again for the next login's session", async () => {
    const fake = fakeClient(withSession(1, session('firstsessionid0000000000', 'first-csrf-token-value')));
    show(fake);
    fireEvent.click(await screen.findByTestId('session-csrf-reveal'));
    expect(screen.getByTestId('session-csrf').textContent).toBe('first-csrf-token-value');

    act(() => fake.push(withSession(2, session('secondsessionid000000000', 'second-csrf-token-value'))));
    await waitFor(() => expect(screen.getByTestId('session-identifier').textContent).toContain('seco••••'));
    expect(screen.getByTestId('session-csrf').textContent).not.toContain('second-csrf-token-value');
    expect(document.body.textContent).not.toContain('second-csrf-token-value');
  });
});

describe('odd answers', () => {
  it('ignores a state.changed for another tab', async () => {
    const fake = fakeClient(baseState());
    show(fake);
    await screen.findByText(/Anonymous/);
    act(() => fake.push(baseState({ tabId: asTabId(99), revision: 5, pageUrl: null })));
    expect(screen.queryByTestId('tab-closed')).toBeNull();
    expect(screen.getByTestId('auth-status').textContent).toContain('Anonymous');
  });

  it('an error Result with neither status nor message still reads as a sentence', async () => {
    const fake = fakeClient(baseState(), { 'session.refresh': () => fail('internal', ' ') });
    show(fake);
    await screen.findByText(/Anonymous/);
    act(() => fake.push(withSession(2, session('sessionid00000000000000', 'csrf'))));
    fireEvent.click(await screen.findByTestId('refresh'));
    expect((await screen.findByTestId('notice')).querySelector('.notice-text')?.textContent).toBe(
      'Something went wrong inside the extension.',
    );
  });
});
