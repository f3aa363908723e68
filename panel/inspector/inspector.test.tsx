// @vitest-environment happy-dom
/** The inspector as a user meets it: rows, the detail, keyboard, the filter, hostile bodies, link following. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../shared/domain';
import { Panel } from '../App';
import { fakeClient, TAB } from '../testing/fakeClient';
import { fakeNetwork, harEntry } from '../testing/fakeNetwork';
import { withLayout } from '../testing/layout';

const API = 'http://127.0.0.1:8080/api/ezp/v2';
const allow = { request: async () => true };
const USER = 'application/vnd.ez.api.User+json';
const ERR = 'application/vnd.ez.api.ErrorMessage+json';

afterEach(cleanup);
withLayout();

function setup(initial: Array<{ entry: unknown; body?: string | null }>, handlers = {}) {
  const fake = fakeClient(undefined, handlers);
  const net = fakeNetwork(initial);
  render(<Panel client={fake.client} tabId={TAB} permissions={allow} network={net.host} />);
  return { fake, net };
}

const rows = (): HTMLElement[] => screen.queryAllByTestId('request-row');

describe('the inspector', () => {
  it('lists DevTools’ log with type, status and badge, and counts "shown / total"', async () => {
    setup([
      {
        entry: harEntry(`${API}/user/users/14`, {
          mimeType: USER,
          headers: [{ name: 'Cookie', value: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=abc' }],
        }),
      },
      { entry: harEntry(`${API}/user/users/10`, { status: 401, mimeType: ERR, at: 1_000_100 }) },
      { entry: harEntry('http://127.0.0.1:8080/not-rest.json', { at: 1_000_200 }) },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(screen.getByTestId('request-count').textContent).toBe('2 / 3');
    const [user, denied] = rows();
    expect(user?.dataset.type).toBe('User');
    expect(within(user!).getByTestId('auth-badge').textContent).toBe('session (site)');
    expect(denied?.className).toContain('failed');
    fireEvent.click(screen.getByTestId('show-all-xhr'));
    await waitFor(() => expect(rows()).toHaveLength(3));
  });

  it('the detail keeps the clicked row whatever the filter does afterwards', async () => {
    setup([
      { entry: harEntry(`${API}/user/users/14`, { mimeType: USER }), body: '{"User":{"login":"admin"}}' },
      { entry: harEntry(`${API}/content/sections`, { at: 1_000_100 }), body: '{}' },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(rows()[0]!);
    await waitFor(() => expect(screen.getByTestId('body-view').textContent).toContain('"admin"'));
    fireEvent.change(screen.getByTestId('request-filter'), { target: { value: 'sections' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('request-detail').textContent).toContain('/user/users/14');
    fireEvent.change(screen.getByTestId('request-filter'), { target: { value: 'status:4xx' } });
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(screen.getByTestId('request-detail').textContent).toContain('/user/users/14');
  });

  it('keyboard: / focuses the filter, ↑/↓ move, Enter opens, Esc closes', async () => {
    setup([{ entry: harEntry(`${API}/a`) }, { entry: harEntry(`${API}/b`, { at: 1_000_100 }) }]);
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByTestId('request-filter'));
    const list = screen.getByTestId('request-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[0]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(rows()[1]?.getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByTestId('request-detail')).toBeNull();
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(screen.getByTestId('request-detail').textContent).toContain('/api/ezp/v2/b');
    fireEvent.keyDown(list, { key: 'ArrowUp' });
    expect(screen.getByTestId('request-detail').textContent).toContain('/api/ezp/v2/a');
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByTestId('request-detail')).toBeNull();
  });

  it('a hostile body stays text: no element, no script, no javascript: link', async () => {
    const hostile = JSON.stringify({
      Content: {
        name: '<img src=x onerror="window.__pwned=1">',
        html: '<script>window.__pwned=2</script>',
        Owner: { '_media-type': USER, _href: 'javascript:window.__pwned=3' },
        Elsewhere: { _href: 'http://evil.example/api/ezp/v2/' },
      },
    });
    setup([
      {
        entry: harEntry(`${API}/content/objects/1`, { mimeType: 'application/vnd.ez.api.Content+json' }),
        body: hostile,
      },
    ]);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    const view = await screen.findByTestId('body-view');
    await waitFor(() => expect(view.textContent).toContain('<img src=x onerror='));
    expect(document.querySelector('img, script, iframe')).toBeNull();
    expect(screen.queryAllByTestId('href-link')).toHaveLength(0);
    expect([...document.querySelectorAll('a')].some((a) => a.getAttribute('href')?.startsWith('javascript:'))).toBe(
      false,
    );
    fireEvent.click(screen.getByTestId('body-raw'));
    expect(screen.getByTestId('body-raw-text').textContent).toBe(hostile);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('an ErrorMessage shows as a card with the reason of the 401', async () => {
    const body = JSON.stringify({
      ErrorMessage: {
        errorCode: 401,
        errorMessage: 'Unauthorized',
        errorDescription: "The User does not have the 'read' 'content' permission with: contentId '41'",
      },
    });
    setup([{ entry: harEntry(`${API}/content/objects/41`, { status: 401, mimeType: ERR }), body }]);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    expect((await screen.findByTestId('error-card')).textContent).toContain("'read' 'content'");
    expect(screen.getByTestId('explain-401').dataset.why).toBe('no-session');
  });

  it('follows an _href as the identity the original ran as, with back and forward', async () => {
    const root = JSON.stringify({
      Root: {
        content: { '_media-type': 'application/vnd.ez.api.ContentInfo+json', _href: '/api/ezp/v2/content/objects' },
      },
    });
    const { fake } = setup(
      [{ entry: harEntry(`${API}/`, { mimeType: 'application/vnd.ez.api.Root+json' }), body: root }],
      {
        'explore.get': () =>
          ok({
            url: `${API}/content/objects`,
            status: 200,
            statusText: 'OK',
            headers: [{ name: 'Content-Type', value: 'application/vnd.ez.api.ContentList+json' }],
            requestHeaders: [],
            body: '{"ContentList":{}}',
            truncated: false,
            timeMs: 3,
            error: null,
          }),
      },
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(rows()[0]!);
    fireEvent.click(await screen.findByTestId('href-link'));
    await waitFor(() => expect(screen.getByTestId('body-view').textContent).toContain('ContentList'));
    expect(fake.callsOf('explore.get')[0]).toEqual({
      tabId: TAB,
      url: `${API}/content/objects`,
      accept: 'application/vnd.ez.api.ContentInfo+json',
      identity: { kind: 'anonymous' },
    });
    fireEvent.click(screen.getByTestId('nav-back'));
    await waitFor(() => expect(screen.getByTestId('body-view').textContent).toContain('Root'));
    fireEvent.click(screen.getByTestId('nav-forward'));
    await waitFor(() => expect(screen.getByTestId('body-view').textContent).toContain('ContentList'));
  });

  it('Clear empties the list; the worker’s pushes fill it', async () => {
    const { fake } = setup([{ entry: harEntry(`${API}/a`) }]);
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.click(screen.getByTestId('clear-log'));
    await waitFor(() => expect(rows()).toHaveLength(0));
    expect(fake.callsOf('capture.clear')).toHaveLength(1);
    act(() =>
      fake.emit({
        name: 'capture.entries',
        payload: {
          tabId: TAB,
          entries: [
            {
              id: '7:1',
              page: 0,
              startedAt: 5,
              endedAt: 9,
              method: 'GET',
              url: `${API}/b`,
              type: 'xmlhttprequest',
              status: 200,
              statusLine: 'HTTP/1.1 200 OK',
              error: null,
              requestHeaders: [],
              responseHeaders: [],
              auth: { scheme: 'none', basicUser: null, sessionCookies: [], siteAccess: null, csrfToken: false },
              fromCache: false,
            },
          ],
        },
      }),
    );
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('the list limit is a setting: lowering it drops the oldest and the toolbar says how many', async () => {
    setup(
      Array.from({ length: 1200 }, (_, i) => ({
        entry: harEntry(`${API}/content/objects/${i}`, { at: 1_000_000 + i }),
      })),
    );
    await waitFor(() => expect(screen.getByTestId('request-count').textContent).toBe('1200 / 1200'));
    fireEvent.click(screen.getByTestId('settings'));
    fireEvent.change(screen.getByTestId('capacity'), { target: { value: '1000' } });
    await waitFor(() => expect(screen.getByTestId('request-count').textContent).toBe('1000 / 1000 (200 dropped)'));
    expect(rows()[0]?.getAttribute('title')).toBe(`${API}/content/objects/200`);
    localStorage.clear();
  });
});
