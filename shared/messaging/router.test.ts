import { describe, expect, it } from 'vitest';
import { PROTOCOL_TAG, makeRequest } from '../protocol';
import { fail, ok, asTabId } from '../domain';
import type { AuthState } from '../domain';
import { createRouter } from './router';
import type { Handlers } from './router';

const state = (tabId: number): AuthState => ({ tabId: asTabId(tabId) }) as AuthState;
const notUsed = async () => fail('internal', 'not used in this test');
const handlers = (over: Partial<Handlers>): Handlers =>
  ({
    'state.get': async ({ tabId }) => ok(state(tabId)),
    'target.detect': notUsed,
    'target.set': notUsed,
    'session.login': notUsed,
    'session.logout': notUsed,
    'session.refresh': notUsed,
    'identity.check': notUsed,
    'basic.apply': notUsed,
    'basic.clear': notUsed,
    'cookies.list': notUsed,
    'cookies.reveal': notUsed,
    ...over,
  }) as Handlers;

describe('router', () => {
  it('hands a guarded request to its handler and answers its Result', async () => {
    const route = createRouter(handlers({}));
    expect(await route(makeRequest('state.get', { tabId: asTabId(7) }, '1'))).toEqual(ok(state(7)));
  });

  it.each([
    ['not an object', 42, /not a protocol request/],
    ['foreign tag', { tag: 'x', kind: 'request', id: '1', name: 'state.get', params: { tabId: 1 } }, /protocol tag/],
    [
      'unknown name',
      { tag: PROTOCOL_TAG, kind: 'request', id: '1', name: 'drop.tables', params: {} },
      /Unknown request "drop.tables"/,
    ],
    [
      'bad params',
      { tag: PROTOCOL_TAG, kind: 'request', id: '1', name: 'session.login', params: { tabId: 1 } },
      /parameters of "session.login"/,
    ],
  ])('answers bad-request for %s', async (_l, msg, text) => {
    const r = await createRouter(handlers({}))(msg);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('bad-request');
      expect(r.error.message).toMatch(text);
    }
  });

  it('turns a throwing handler into an internal error with a sentence', async () => {
    const route = createRouter(handlers({ 'state.get': async () => Promise.reject(new Error('storage exploded')) }));
    const r = await route(makeRequest('state.get', { tabId: asTabId(1) }, '1'));
    expect(r).toEqual(fail('internal', 'The extension failed while handling "state.get": storage exploded'));
  });
});
