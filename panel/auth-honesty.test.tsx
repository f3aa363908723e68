// @vitest-environment happy-dom
/**
 * What the panel says about who you are when more than one thing could answer: Basic over a
 * session, refused Basic credentials, and a re-check when the panel comes back into view.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../shared/domain';
import type { AuthState } from '../shared/domain';
import { Panel } from './App';
import { PANEL_SHOWN_EVENT } from './host';
import { TAB, baseState, fakeClient } from './testing/fakeClient';

afterEach(cleanup);
const allow = { request: async () => true };
const admin = { id: 14, login: 'admin', name: 'Administrator User', href: '/u/14' };
const session = {
  name: 'n',
  identifier: 'sessionid0123456789',
  href: 'h',
  csrfToken: 'csrftoken0123456789',
  userHref: 'u',
  createdAt: 0,
};
const basicAndSession = (via: 'basic' | 'panel-session'): AuthState =>
  baseState({
    panelSession: session,
    basic: { user: 'admin', applied: true, remember: false, refused: false },
    identity: { kind: 'user', via, user: admin, checkedAt: 0, problem: null },
  });

describe('Basic and a session together', () => {
  it('when the server takes Basic: the status line says Basic wins, the session block says it is shadowed', async () => {
    render(
      <Panel client={fakeClient(basicAndSession('basic')).client} tabId={TAB} permissions={allow} initialPane="auth" />,
    );
    await waitFor(() =>
      expect(screen.getByTestId('auth-status').textContent).toContain('HTTP Basic, which wins over the panel session'),
    );
    expect(screen.getByTestId('session-shadowed').textContent).toContain('Shadowed');
  });

  it('when the server ignores Basic (the session answers): no shadow claim', async () => {
    render(
      <Panel
        client={fakeClient(basicAndSession('panel-session')).client}
        tabId={TAB}
        permissions={allow}
        initialPane="auth"
      />,
    );
    await waitFor(() => expect(screen.getByTestId('auth-status').textContent).toContain('panel session'));
    expect(screen.queryByTestId('session-shadowed')).toBeNull();
  });
});

describe('refused Basic credentials', () => {
  it('says so and offers to remove them (basic.clear)', async () => {
    const refused = baseState({ basic: { user: 'admin', applied: true, remember: false, refused: true } });
    const fake = fakeClient(refused, { 'basic.clear': () => ok(baseState({ revision: 2 })) });
    render(<Panel client={fake.client} tabId={TAB} permissions={allow} initialPane="auth" />);
    expect((await screen.findByTestId('basic-refused')).textContent).toContain('refuses these credentials');
    fireEvent.click(screen.getByTestId('basic-remove'));
    await waitFor(() => expect(fake.callsOf('basic.clear')).toEqual([{ tabId: TAB }]));
    await waitFor(() => expect(screen.queryByTestId('basic-refused')).toBeNull());
  });
});

describe('re-check when the panel is seen again', () => {
  it('asks identity.check when DevTools shows the panel again, without a click', async () => {
    const fake = fakeClient(baseState());
    render(<Panel client={fake.client} tabId={TAB} permissions={allow} initialPane="auth" />);
    await screen.findByTestId('auth-status');
    await waitFor(() => expect(fake.callsOf('state.get')).toHaveLength(1));
    act(() => void window.dispatchEvent(new Event(PANEL_SHOWN_EVENT)));
    await waitFor(() => expect(fake.callsOf('identity.check')).toEqual([{ tabId: TAB }]));
  });
});
