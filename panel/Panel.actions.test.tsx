// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../shared/domain';
import type { CookieView } from '../shared/domain';
import { Panel, declinedMessage } from './App';
import { ErrorBoundary } from './ErrorBoundary';
import type { HostPermissions } from './deps';
import { TAB, baseState, fakeClient } from './testing/fakeClient';
import type { FakeClient } from './testing/fakeClient';

afterEach(cleanup);

function show(fake: FakeClient, permissions: HostPermissions = { request: async () => true }) {
  return render(<Panel client={fake.client} tabId={TAB} permissions={permissions} initialPane="auth" />);
}
const ready = () => screen.findByText(/Anonymous/);

describe('HTTP Basic', () => {
  it('warns that remembered credentials go to disk only while the box is ticked', async () => {
    show(fakeClient());
    await ready();
    expect(screen.queryByTestId('basic-remember-warning')).toBeNull();
    fireEvent.click(screen.getByTestId('basic-remember'));
    expect(screen.getByTestId('basic-remember-warning').textContent).toContain('stored on this computer');
    fireEvent.click(screen.getByTestId('basic-remember'));
    expect(screen.queryByTestId('basic-remember-warning')).toBeNull();
  });

  it('applies user, password and remember, then says where the credentials go', async () => {
    const applied = baseState({ basic: { user: 'editor', applied: true, remember: true, refused: false } });
    const fake = fakeClient(baseState(), { 'basic.apply': () => ok(applied), 'basic.clear': () => ok(baseState()) });
    show(fake);
    await ready();
    fireEvent.change(screen.getByTestId('basic-user'), { target: { value: 'editor' } });
    fireEvent.change(screen.getByTestId('basic-password'), { target: { value: 's3cret' } });
    fireEvent.click(screen.getByTestId('basic-remember'));
    fireEvent.click(screen.getByTestId('basic-apply'));
    const status = await screen.findByTestId('basic-status');
    expect(status.textContent).toContain(
      'Basic credentials for editor are attached to requests to http://127.0.0.1:8080/api/ezp/v2',
    );
    expect(fake.callsOf('basic.apply')).toEqual([{ tabId: TAB, user: 'editor', password: 's3cret', remember: true }]);
    expect((screen.getByTestId('basic-password') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByTestId('basic-clear'));
    await waitFor(() => expect(screen.queryByTestId('basic-status')).toBeNull());
    expect(fake.callsOf('basic.clear')).toEqual([{ tabId: TAB }]);
  });
});

describe('closed or missing tab', () => {
  it('says the tab was closed when the state has no page', async () => {
    show(fakeClient(baseState({ pageUrl: null })));
    expect((await screen.findByTestId('tab-closed')).textContent).toContain('The inspected tab was closed.');
    expect(screen.getByTestId('auth-status').textContent).toContain('closed');
  });

  it('says the tab was closed when state.get answers no-tab', async () => {
    show(fakeClient(baseState(), { 'state.get': () => fail('no-tab', 'Tab 7 does not exist any more.') }));
    expect((await screen.findByTestId('tab-closed')).textContent).toContain('The inspected tab was closed.');
  });

  it('offers a retry when state.get fails for another reason', async () => {
    let calls = 0;
    const fake = fakeClient(baseState(), {
      'state.get': () =>
        ++calls === 1 ? fail('timeout', 'The extension did not answer "state.get" within 15 s.') : ok(baseState()),
    });
    show(fake);
    expect((await screen.findByTestId('notice')).textContent).toContain('did not answer');
    fireEvent.click(screen.getByTestId('retry'));
    await ready();
    expect(screen.queryByTestId('notice')).toBeNull();
  });
});

describe('host permission', () => {
  const missing = () => baseState({ hostPermission: 'missing' });

  it('asks for the origin straight from the click and explains a refusal', async () => {
    const request = vi.fn(async () => false);
    const fake = fakeClient(missing());
    show(fake, { request });
    fireEvent.click(await screen.findByTestId('grant-permission'));
    // Synchronous: the prompt must be requested inside the user gesture.
    expect(request).toHaveBeenCalledWith('http://127.0.0.1:8080');
    const notice = await screen.findByTestId('notice');
    expect(notice.textContent).toContain(declinedMessage('http://127.0.0.1:8080'));
    expect(notice.getAttribute('data-level')).toBe('warning');
    expect(fake.callsOf('target.detect')).toEqual([]);
  });

  it('re-detects the target once the user allowed it', async () => {
    const fake = fakeClient(missing(), { 'target.detect': () => ok(baseState()) });
    show(fake);
    fireEvent.click(await screen.findByTestId('grant-permission'));
    await waitFor(() => expect(screen.queryByTestId('grant-permission')).toBeNull());
    expect(fake.callsOf('target.detect')).toEqual([{ tabId: TAB }]);
    expect(fake.callsOf('cookies.list')).toEqual([{ tabId: TAB }]);
  });
});

describe('target bar', () => {
  it('applies a typed API base on Enter with the SiteAccess', async () => {
    const fake = fakeClient();
    show(fake);
    await ready();
    fireEvent.change(screen.getByTestId('login-siteaccess'), { target: { value: 'admin' } });
    const base = screen.getByTestId('api-base');
    fireEvent.change(base, { target: { value: 'http://localhost:9000/api/ibexa/v2' } });
    fireEvent.keyDown(base, { key: 'Enter' });
    await waitFor(() =>
      expect(fake.callsOf('target.set')).toEqual([
        { tabId: TAB, base: 'http://localhost:9000/api/ibexa/v2', siteAccess: 'admin' },
      ]),
    );
  });

  it('sends a changed SiteAccess with target.set when the field is left', async () => {
    const fake = fakeClient();
    show(fake);
    await ready();
    fireEvent.change(screen.getByTestId('login-siteaccess'), { target: { value: 'admin' } });
    fireEvent.blur(screen.getByTestId('login-siteaccess'));
    await waitFor(() =>
      expect(fake.callsOf('target.set')).toEqual([
        { tabId: TAB, base: 'http://127.0.0.1:8080/api/ezp/v2', siteAccess: 'admin' },
      ]),
    );
  });

  it('rejects a base that is not an http(s) URL in words', async () => {
    const fake = fakeClient();
    show(fake);
    await ready();
    fireEvent.change(screen.getByTestId('api-base'), { target: { value: 'localhost/api' } });
    fireEvent.click(screen.getByTestId('api-base-apply'));
    expect((await screen.findByTestId('notice')).textContent).toContain('is not a URL');
    expect(fake.callsOf('target.set')).toEqual([]);
  });

  it('detects again on request', async () => {
    const fake = fakeClient();
    show(fake);
    await ready();
    fireEvent.click(screen.getByTestId('detect'));
    await waitFor(() => expect(fake.callsOf('target.detect')).toEqual([{ tabId: TAB }]));
  });
});

describe('cookies', () => {
  const jar: CookieView[] = [
    {
      name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58',
      maskedValue: 'o7i8••••',
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      session: true,
      ownedByExtension: true,
    },
    {
      name: 'theme',
      maskedValue: 'da••',
      path: '/',
      httpOnly: false,
      secure: false,
      sameSite: '',
      session: false,
      ownedByExtension: false,
    },
  ];

  it('lists masked cookies and reveals one value on request', async () => {
    const fake = fakeClient(baseState(), {
      'cookies.list': () => ok(jar),
      'cookies.reveal': (p) => ok({ value: p.name === 'theme' ? 'dark' : 'o7i8r1sapfc9r84ae53bgq8gp4' }),
    });
    show(fake);
    const rows = await screen.findAllByTestId('cookie-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.textContent).toContain('created by this panel');
    expect(rows[0]!.textContent).toContain('HttpOnly');
    expect(rows[1]!.textContent).not.toContain('created by this panel');
    expect(rows[0]!.textContent).not.toContain('o7i8r1sapfc9r84ae53bgq8gp4');
    fireEvent.click(screen.getAllByTestId('cookie-reveal')[0]!);
    await waitFor(() =>
      expect(screen.getAllByTestId('cookie-value')[0]!.textContent).toBe('o7i8r1sapfc9r84ae53bgq8gp4'),
    );
    expect(fake.callsOf('cookies.reveal')).toEqual([{ tabId: TAB, name: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58' }]);
    fireEvent.click(screen.getAllByTestId('cookie-reveal')[0]!);
    expect(screen.getAllByTestId('cookie-value')[0]!.textContent).toBe('o7i8••••');
    fireEvent.click(screen.getByTestId('cookies-refresh'));
    await waitFor(() => expect(fake.callsOf('cookies.list').length).toBe(2));
  });

  it('does not list cookies while the host permission is missing', async () => {
    const fake = fakeClient(baseState({ hostPermission: 'missing' }));
    show(fake);
    await screen.findByTestId('grant-permission');
    expect(screen.getByTestId('cookies-refresh').hasAttribute('disabled')).toBe(true);
    expect(screen.getByText('Cookies are listed once the extension may reach the API origin.')).toBeTruthy();
    expect(fake.callsOf('cookies.list')).toEqual([]);
  });
});

describe('error boundary', () => {
  function Thrower(): never {
    throw new Error('cannot read properties of undefined');
  }

  it('shows what broke and a "Reload panel" button instead of a blank panel', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onReload = vi.fn();
    render(
      <ErrorBoundary onReload={onReload}>
        <Thrower />
      </ErrorBoundary>,
    );
    expect(screen.getByTestId('panel-crash').textContent).toContain('cannot read properties of undefined');
    fireEvent.click(screen.getByTestId('reload-panel'));
    expect(onReload).toHaveBeenCalledTimes(1);
    quiet.mockRestore();
  });
});
