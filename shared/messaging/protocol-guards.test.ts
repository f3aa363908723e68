/** Every request name has a guard; each accepts good params and rejects bad ones (table-driven). */
import { describe, expect, it } from 'vitest';
import {
  EVENTS,
  EVENT_NAMES,
  REQUESTS,
  PROTOCOL_TAG,
  REQUEST_NAMES,
  isEventEnvelope,
  isRequestEnvelope,
  isResult,
  makeEvent,
  makeRequest,
  panelPortName,
  parsePanelPortName,
} from '../protocol';
import { asTabId } from '../domain';
import type { RequestName } from '../protocol';
import type { AuthState } from '../domain';

const good: { [N in RequestName]: Record<string, unknown> } = {
  'state.get': { tabId: 3 },
  'target.detect': { tabId: 3 },
  'target.set': { tabId: 3, base: 'http://localhost:8080/api/ezp/v2', siteAccess: null },
  'session.login': { tabId: 3, login: 'admin', password: 'publish', siteAccess: 'site' },
  'session.logout': { tabId: 3 },
  'session.refresh': { tabId: 3 },
  'identity.check': { tabId: 3 },
  'basic.apply': { tabId: 3, user: 'admin', password: 'publish', remember: false },
  'basic.clear': { tabId: 3 },
  'cookies.list': { tabId: 3 },
  'cookies.reveal': { tabId: 3, name: 'eZSESSID' },
  'notice.dismiss': { tabId: 3, at: 1764000000000 },
  'capture.list': { tabId: 3 },
  'capture.clear': { tabId: 3 },
  'capture.reveal': { tabId: 3, id: '3:17', header: 'Cookie' },
  'explore.get': {
    tabId: 3,
    url: 'http://127.0.0.1:8080/api/ezp/v2/',
    accept: 'application/json',
    identity: { kind: 'as-captured', id: '3:17' },
  },
  'replay.send': {
    tabId: 3,
    request: {
      method: 'PUBLISH',
      url: 'http://127.0.0.1:8080/api/ezp/v2/content/objects/1/versions/2',
      headers: [{ name: 'Accept', value: 'application/json' }],
      body: null,
    },
    identity: { kind: 'saved', name: 'editor' },
    csrf: true,
    fromPage: false,
  },
  'identity.list': { tabId: 3 },
  'identity.save': { tabId: 3, name: 'editor', kind: 'session', user: 'editor', password: 'publish', remember: false },
  'identity.remove': { tabId: 3, name: 'editor' },
};

const bad: { [N in RequestName]: Record<string, unknown>[] } = {
  'state.get': [{}, { tabId: -1 }, { tabId: 1.5 }, { tabId: '3' }],
  'target.detect': [{ tabId: null }],
  'target.set': [
    { tabId: 3, base: 42, siteAccess: null },
    { tabId: 3, base: 'x', siteAccess: 1 },
    { tabId: 3, siteAccess: null },
  ],
  'session.login': [
    { tabId: 3, login: 'admin', siteAccess: null },
    { tabId: 3, login: 1, password: 'p', siteAccess: null },
    { tabId: 3, login: 'a', password: 'p', siteAccess: undefined },
  ],
  'session.logout': [{ tabId: 'x' }],
  'session.refresh': [{}],
  'identity.check': [{ tabId: NaN }],
  'basic.apply': [
    { tabId: 3, user: 'a', password: 'b', remember: 'yes' },
    { tabId: 3, user: 'a', remember: false },
  ],
  'basic.clear': [{ tabId: {} }],
  'cookies.list': [{ tabId: [] }],
  'cookies.reveal': [{ tabId: 3 }, { tabId: 3, name: 5 }],
  'notice.dismiss': [{ tabId: 3 }, { tabId: 3, at: -1 }, { tabId: 3, at: '1' }],
  'capture.list': [{}],
  'capture.clear': [{ tabId: 'all' }],
  'capture.reveal': [
    { tabId: 3, id: '1' },
    { tabId: 3, id: 'x'.repeat(500), header: 'Cookie' },
  ],
  'explore.get': [
    { tabId: 3, url: 'x', accept: '' },
    { tabId: 3, url: 'x', accept: '', identity: { kind: 'root' } },
    { tabId: 3, url: 'x'.repeat(20_000), accept: '', identity: { kind: 'jar' } },
  ],
  'replay.send': [
    {
      tabId: 3,
      request: { method: 'GET', url: 'x', headers: [], body: null },
      identity: { kind: 'jar' },
      csrf: true,
      fromPage: false,
    },
    {
      tabId: 3,
      request: { method: 'GET', url: 'x', headers: [{ name: 1 }], body: null },
      identity: { kind: 'anonymous' },
      csrf: true,
      fromPage: false,
    },
    {
      tabId: 3,
      request: { method: 'GET', url: 'x', headers: [], body: null },
      identity: { kind: 'saved', name: 'n'.repeat(41) },
      csrf: true,
      fromPage: false,
    },
    {
      tabId: 3,
      request: { method: 'GET', url: 'x', headers: [] },
      identity: { kind: 'anonymous' },
      csrf: true,
      fromPage: false,
    },
  ],
  'identity.list': [{}],
  'identity.save': [
    { tabId: 3, name: 'x', kind: 'jwt', user: 'a', password: 'b', remember: false },
    { tabId: 3, name: 'x', kind: 'basic', user: 'a', remember: false },
  ],
  'identity.remove': [{ tabId: 3 }],
};

describe('protocol guards', () => {
  it('derives the names from the guard map, and every request and event has a guard', () => {
    expect([...REQUEST_NAMES].sort()).toEqual(Object.keys(REQUESTS).sort());
    expect(Object.keys(good).sort()).toEqual([...REQUEST_NAMES].sort());
    for (const n of REQUEST_NAMES) expect(typeof REQUESTS[n].params).toBe('function');
    for (const e of EVENT_NAMES) expect(typeof EVENTS[e]).toBe('function');
  });

  it('bounds typed text: a megabyte login is refused at the edge', () => {
    expect(
      REQUESTS['session.login'].params({ tabId: 1, login: 'x'.repeat(1 << 20), password: 'p', siteAccess: null }),
    ).toBe(false);
  });

  describe.each(REQUEST_NAMES.map((n) => [n] as const))('%s', (name) => {
    it('accepts good params in an envelope', () => {
      expect(isRequestEnvelope(makeRequest(name, good[name] as never, 'id-1'))).toBe(true);
    });
    it.each(bad[name].map((p) => [JSON.stringify(p), p] as const))('rejects %s', (_label, params) => {
      expect(REQUESTS[name].params(params)).toBe(false);
      expect(isRequestEnvelope({ tag: PROTOCOL_TAG, kind: 'request', id: 'x', name, params })).toBe(false);
    });
  });

  it.each([
    ['null', null],
    ['a string', 'state.get'],
    ['wrong tag', { tag: 'other', kind: 'request', id: '1', name: 'state.get', params: { tabId: 1 } }],
    ['wrong kind', { tag: PROTOCOL_TAG, kind: 'event', id: '1', name: 'state.get', params: { tabId: 1 } }],
    ['unknown name', { tag: PROTOCOL_TAG, kind: 'request', id: '1', name: 'nope', params: { tabId: 1 } }],
    ['array params', { tag: PROTOCOL_TAG, kind: 'request', id: '1', name: 'state.get', params: [1] }],
    ['missing id', { tag: PROTOCOL_TAG, kind: 'request', name: 'state.get', params: { tabId: 1 } }],
  ])('rejects an envelope with %s', (_label, v) => {
    expect(isRequestEnvelope(v)).toBe(false);
  });

  it('recognises state.changed events and nothing else', () => {
    const payload = { tabId: asTabId(4), revision: 3 } as AuthState;
    expect(isEventEnvelope(makeEvent('state.changed', payload))).toBe(true);
    expect(isEventEnvelope({ ...makeEvent('state.changed', payload), name: 'other' })).toBe(false);
    expect(isEventEnvelope({ ...makeEvent('state.changed', payload), payload: { tabId: 'x', revision: 3 } })).toBe(
      false,
    );
    // the panel orders states by revision: without a usable one a state cannot be placed
    for (const revision of [undefined, '3', -1, 1.5, Number.NaN]) {
      expect(isEventEnvelope({ ...makeEvent('state.changed', payload), payload: { tabId: 4, revision } })).toBe(false);
    }
  });

  it('recognises Results', () => {
    expect(isResult({ ok: true, value: 1 })).toBe(true);
    expect(isResult({ ok: false, error: { code: 'timeout', message: 'slow' } })).toBe(true);
    expect(isResult({ ok: true })).toBe(false);
    expect(isResult({ ok: false, error: { code: 'x' } })).toBe(false);
  });

  it('round-trips panel port names', () => {
    expect(parsePanelPortName(panelPortName(asTabId(12)))).toBe(12);
    expect(parsePanelPortName('panel:abc')).toBeNull();
    expect(parsePanelPortName('devtools')).toBeNull();
  });
});
