/** apiFetch never throws, whatever the server answers, and says in words what happened (table-driven). */
import { describe, expect, it } from 'vitest';
import { apiFetch } from './http';
import { targetFor } from './test-kit';

const target = targetFor('https://cms.example.test');
const answer =
  (body: string, status: number, type: string): typeof fetch =>
  async () =>
    new Response(status === 204 ? null : body, { status, headers: { 'Content-Type': type } });
const throwing =
  (e: Error): typeof fetch =>
  async () => {
    throw e;
  };
const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

describe('apiFetch against odd servers', () => {
  it.each([
    [
      'an HTML 500 page',
      answer('<html><body>Whoops</body></html>', 500, 'text/html'),
      { code: 'http', status: 500, message: 'The server failed with an internal error (HTTP 500).' },
    ],
    [
      'a proxy 502 page',
      answer('<h1>Bad Gateway</h1>', 502, 'text/html'),
      { code: 'http', status: 502, message: 'The server failed with an internal error (HTTP 502).' },
    ],
    [
      'an XML ErrorMessage',
      answer('<ErrorMessage><errorCode>403</errorCode></ErrorMessage>', 403, 'application/vnd.ez.api.ErrorMessage+xml'),
      { code: 'http', status: 403, message: 'Forbidden: the current user may not do this.' },
    ],
    [
      'a JSON ErrorMessage',
      answer(
        '{"ErrorMessage":{"errorDescription":"User does not have access"}}',
        401,
        'application/vnd.ez.api.ErrorMessage+json',
      ),
      {
        code: 'http',
        status: 401,
        message: 'Not authorised: the server refused these credentials or this session (User does not have access).',
      },
    ],
    [
      'a redirect to a login page',
      answer('', 302, 'text/html'),
      { code: 'http', status: 302, message: 'The server answered HTTP 302.' },
    ],
    [
      'a refused connection',
      throwing(new TypeError('Failed to fetch')),
      { code: 'network', message: 'Could not reach https://cms.example.test: is the server running?' },
    ],
    [
      'a server that never answers',
      throwing(timeout),
      { code: 'network', message: 'https://cms.example.test did not answer within 6 s.' },
    ],
  ])('%s: an error in words', async (_l, doFetch, error) => {
    const r = await apiFetch(doFetch, target, { path: '/', accept: 'Root', credentials: 'omit' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual(error);
  });

  it.each([
    ['an empty 200', answer('', 200, 'application/vnd.ez.api.Session+json')],
    ['a 204', answer('', 204, 'text/plain')],
    ['HTML with 200', answer('<html>a login form</html>', 200, 'text/html')],
    ['XML with 200', answer('<Session/>', 200, 'application/vnd.ez.api.Session+xml')],
    ['truncated JSON', answer('{"Session":{"name":', 200, 'application/json')],
  ])('%s: ok with no body to read, never a throw', async (_l, doFetch) => {
    const r = await apiFetch(doFetch, target, { path: '/user/sessions', accept: 'Session', credentials: 'omit' });
    expect(r).toMatchObject({ ok: true, body: null });
  });
});
