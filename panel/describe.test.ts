import { describe, expect, it } from 'vitest';
import type { AuthState, Identity, ProtocolError } from '../shared/domain';
import { identityText, pageSessionText, readableError } from './describe';
import { baseState } from './testing/fakeClient';

const admin = { id: 14, login: 'admin', name: 'Administrator User', href: '/api/ezp/v2/user/users/14' };
const id = (over: Partial<Identity>): Identity => ({
  kind: 'user',
  via: 'panel-session',
  user: admin,
  checkedAt: 0,
  problem: null,
  ...over,
});

describe('identityText', () => {
  const rows: Array<[string, Identity | null, AuthState | null, string]> = [
    ['panel session user', id({}), baseState(), 'Logged in as admin (Administrator User, id 14) — panel session'],
    [
      'page session user',
      id({ via: 'page-session' }),
      baseState(),
      "Logged in as admin (Administrator User, id 14) — the page's own session",
    ],
    ['basic user', id({ via: 'basic' }), baseState(), 'Logged in as admin (Administrator User, id 14) — HTTP Basic'],
    [
      'basic user over a panel session',
      id({ via: 'basic' }),
      baseState({
        panelSession: { name: 'n', identifier: 'i', href: 'h', csrfToken: 't', userHref: 'u', createdAt: 0 },
      }),
      'Logged in as admin (Administrator User, id 14) — HTTP Basic, which wins over the panel session',
    ],
    [
      'unreachable, never anonymous',
      id({ kind: 'unreachable', via: 'none', user: null, problem: 'Could not reach x' }),
      baseState(),
      'Unreachable — the API did not answer',
    ],
    ['anonymous', id({ kind: 'anonymous', via: 'none', user: null }), baseState(), 'Anonymous — no session'],
    ['unknown', id({ kind: 'unknown', via: 'none', user: null }), baseState(), 'Unknown — the API could not be asked'],
    ['not checked', null, baseState(), 'Not checked yet.'],
    [
      'not allowed',
      null,
      baseState({ hostPermission: 'missing' }),
      'Not checked: the extension may not reach this API yet.',
    ],
    ['no target', null, baseState({ target: null }), 'No API target yet: enter the API base below.'],
    ['no state yet', null, null, 'Connecting to the extension…'],
  ];
  it.each(rows)('%s', (_label, identity, state, text) => expect(identityText(identity, state)).toBe(text));
});

describe('readableError', () => {
  const rows: Array<[ProtocolError, string]> = [
    [{ code: 'http', message: '401', status: 401 }, 'The API answered with an error. (HTTP status 401)'],
    [{ code: 'http', message: 'HTTP 404 Not Found', status: 404 }, 'The API answered with an error. (HTTP status 404)'],
    [{ code: 'network', message: '' }, 'The API server could not be reached.'],
    [{ code: 'http', message: 'Wrong user name or password.', status: 401 }, 'Wrong user name or password.'],
  ];
  it.each(rows)('%j', (e, text) => expect(readableError(e)).toBe(text));
});

describe('pageSessionText', () => {
  it('names the CSRF source when the page has a token', () => {
    expect(pageSessionText({ cookieName: 'eZSESSIDx', csrfSource: 'meta', hasCsrfToken: true })).toContain(
      '<meta name="CSRF-Token">',
    );
    expect(pageSessionText({ cookieName: 'eZSESSIDx', csrfSource: 'localStorage', hasCsrfToken: true })).toContain(
      'localStorage',
    );
  });
});
