import { describe, expect, it } from 'vitest';
import type { AuthState, Identity, ProtocolError } from '../shared/protocol';
import { identityText, mask, pageSessionText, readableError } from './describe';
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

describe('pageSessionText / mask', () => {
  it('names the CSRF source when the page has a token', () => {
    expect(pageSessionText({ cookieName: 'eZSESSIDx', csrfSource: 'meta', hasCsrfToken: true })).toContain(
      '<meta name="CSRF-Token">',
    );
    expect(pageSessionText({ cookieName: 'eZSESSIDx', csrfSource: 'localStorage', hasCsrfToken: true })).toContain(
      'localStorage',
    );
  });
  it('keeps 4 characters and the length, never the secret', () => {
    expect(mask('o7i8r1sapfc9r84ae53bgq8gp4')).toBe('o7i8•••••••• (26 chars)');
    expect(mask('abc')).toBe('•••');
  });
});
