// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fail, ok } from '../shared/domain';
import type { AuthState } from '../shared/domain';
import { Panel } from './App';
import type { HostPermissions } from './deps';
import { TAB, baseState, fakeClient } from './testing/fakeClient';
import type { FakeClient } from './testing/fakeClient';

afterEach(cleanup);

const allow: HostPermissions = { request: async () => true };

function show(fake: FakeClient, permissions: HostPermissions = allow) {
  return render(<Panel client={fake.client} tabId={TAB} permissions={permissions} initialPane="auth" />);
}

const admin = { id: 14, login: 'admin', name: 'Administrator User', href: '/api/ezp/v2/user/users/14' };
const loggedIn = (): AuthState =>
  baseState({
    panelSession: {
      name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
      identifier: 'o7i8r1sapfc9r84ae53bgq8gp4',
      href: '/api/ezp/v2/user/sessions/o7i8r1sapfc9r84ae53bgq8gp4',
      csrfToken: 'csrf-token-0123456789',
      userHref: '/api/ezp/v2/user/users/14',
      createdAt: 0,
    },
    identity: { kind: 'user', via: 'panel-session', user: admin, checkedAt: 0, problem: null },
  });

describe('panel state', () => {
  it('asks state.get for its tab on mount, subscribes, and renders who the API thinks you are', async () => {
    const fake = fakeClient(loggedIn());
    show(fake);
    const status = screen.getByTestId('auth-status');
    await waitFor(() =>
      expect(status.textContent).toContain('Logged in as admin (Administrator User, id 14) — panel session'),
    );
    expect(status.getAttribute('data-auth-via')).toBe('panel-session');
    expect(status.getAttribute('data-auth-kind')).toBe('user');
    expect(fake.callsOf('state.get')).toEqual([{ tabId: TAB }]);
    // one subscription for the auth state, one for the capture pushes
    expect(fake.subscribers()).toBe(2);
    expect((screen.getByTestId('api-base') as HTMLInputElement).value).toBe('http://127.0.0.1:8080/api/ezp/v2');
    expect(screen.getByTestId('session-name').textContent).toBe('eZSESSID98defd6ee70dfb1dea416cecdf391f58');
  });

  it('follows state.changed pushes', async () => {
    const fake = fakeClient(baseState());
    show(fake);
    await waitFor(() => expect(screen.getByTestId('auth-status').textContent).toContain('Anonymous — no session'));
    act(() =>
      fake.push(baseState({ identity: { kind: 'user', via: 'basic', user: admin, checkedAt: 0, problem: null } })),
    );
    expect(screen.getByTestId('auth-status').textContent).toContain('admin');
    expect(screen.getByTestId('auth-status').getAttribute('data-auth-via')).toBe('basic');
    expect(screen.getByTestId('auth-status').textContent).toContain('HTTP Basic');
  });

  it('shows the worker notice with its level', async () => {
    const fake = fakeClient(baseState({ notice: { level: 'warning', message: 'The session expired.', at: 1 } }));
    show(fake);
    const notice = await screen.findByTestId('notice');
    expect(notice.getAttribute('data-level')).toBe('warning');
    expect(notice.textContent).toContain('The session expired.');
  });

  it('shows the page session notice, warning when no CSRF token was found', async () => {
    const fake = fakeClient(
      baseState({
        pageSession: { cookieName: 'eZSESSID21232f297a57a5a743894a0e4a801fc3', csrfSource: null, hasCsrfToken: false },
      }),
    );
    show(fake);
    const notice = await screen.findByTestId('page-session');
    expect(notice.textContent).toContain(
      'This page is already logged in (cookie eZSESSID21232f297a57a5a743894a0e4a801fc3)',
    );
    expect(notice.textContent).toContain('unsafe methods');
  });
});

describe('session', () => {
  it('login sends the typed login, password and SiteAccess', async () => {
    const fake = fakeClient(baseState(), { 'session.login': () => ok(loggedIn()) });
    show(fake);
    await screen.findByText(/Anonymous/);
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: ' admin ' } });
    fireEvent.change(screen.getByTestId('login-password'), { target: { value: 'publish' } });
    fireEvent.change(screen.getByTestId('login-siteaccess'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await screen.findByTestId('logout');
    expect(fake.callsOf('session.login')).toEqual([
      { tabId: TAB, login: 'admin', password: 'publish', siteAccess: 'admin' },
    ]);
    expect(screen.getByTestId('auth-status').textContent).toContain('Logged in as admin');
  });

  it('refuses an empty login in words without asking the worker', async () => {
    const fake = fakeClient();
    show(fake);
    await screen.findByText(/Anonymous/);
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('notice')).textContent).toContain('Enter a login');
    expect(fake.callsOf('session.login')).toEqual([]);
  });

  it('turns an error Result into a readable message, never a bare status code', async () => {
    const fake = fakeClient(baseState(), { 'session.login': () => fail('http', '401', 401) });
    show(fake);
    await screen.findByText(/Anonymous/);
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    const notice = await screen.findByTestId('notice');
    expect(notice.getAttribute('data-level')).toBe('error');
    expect(notice.textContent).toBe('The API answered with an error. (HTTP status 401)✕');
  });

  it('keeps a failed login in view while the cookie list reloads behind it', async () => {
    const fake = fakeClient(loggedIn(), { 'session.login': () => fail('http', 'Wrong login or password.', 401) });
    show(fake);
    await screen.findByTestId('session-details');
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await screen.findByText('Wrong login or password.');
    const listed = fake.callsOf('cookies.list').length;
    act(() => fake.push(baseState()));
    await waitFor(() => expect(fake.callsOf('cookies.list').length).toBe(listed + 1));
    expect(screen.getByTestId('notice').textContent).toContain('Wrong login or password.');
  });

  it('shows the worker message of an error Result as is', async () => {
    const message = 'Login failed: the user name or password is wrong (the API answered 401 Unauthorized).';
    const fake = fakeClient(baseState(), { 'session.login': () => fail('http', message, 401) });
    show(fake);
    await screen.findByText(/Anonymous/);
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('notice')).textContent).toContain(message);
  });

  it('disables the login button with a spinner while the login is pending', async () => {
    let answer: (r: ReturnType<typeof ok<AuthState>>) => void = () => {};
    const fake = fakeClient(baseState(), { 'session.login': () => new Promise((res) => (answer = res)) });
    show(fake);
    await screen.findByText(/Anonymous/);
    fireEvent.change(screen.getByTestId('login-user'), { target: { value: 'admin' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(screen.getByTestId('login-submit').hasAttribute('disabled')).toBe(true));
    expect(screen.getByTestId('login-submit').querySelector('.spinner')).not.toBeNull();
    expect(screen.getByTestId('basic-apply').hasAttribute('disabled')).toBe(false);
    await act(async () => answer(ok(loggedIn())));
    expect(screen.getByTestId('login-submit').hasAttribute('disabled')).toBe(false);
    expect(screen.getByTestId('login-submit').textContent).toBe('Log in again');
    expect((screen.getByTestId('login-password') as HTMLInputElement).value).toBe('');
  });

  it('masks the CSRF token until revealed, and logs out / refreshes through the worker', async () => {
    const fake = fakeClient(loggedIn(), { 'session.logout': () => ok(baseState()) });
    show(fake);
    const csrf = await screen.findByTestId('session-csrf');
    expect(csrf.textContent).not.toContain('csrf-token-0123456789');
    fireEvent.click(screen.getByTestId('session-csrf-reveal'));
    expect(screen.getByTestId('session-csrf').textContent).toBe('csrf-token-0123456789');
    fireEvent.click(screen.getByTestId('refresh'));
    await waitFor(() => expect(fake.callsOf('session.refresh')).toEqual([{ tabId: TAB }]));
    fireEvent.click(screen.getByTestId('logout'));
    await waitFor(() => expect(screen.queryByTestId('session-details')).toBeNull());
    expect(fake.callsOf('session.logout')).toEqual([{ tabId: TAB }]);
  });
});
