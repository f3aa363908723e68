/**
 * Shared set-up for the background unit tests: a Ctx over in-memory fake browser APIs, and the
 * real mock server started in-process on a free port.
 */
import type { ParamsOf, RequestName, ResultOf } from '../../shared/protocol';
import type { ApiTarget, AuthState, Result, TabId } from '../../shared/domain';
import { makeRequest } from '../../shared/protocol';
import { asOrigin } from '../../shared/domain';
import { EZP3, mediaType } from '../../shared/ez';
import { createRouter } from '../../shared/messaging/router';
import { createMockServer } from '../../mock-server/server';
import type { MockServer, MockServerOptions } from '../../mock-server/server';
import { FAKE_OWN_HOST, fakeApis } from '../platform/testing/fakes';
import type { FakeApis } from '../platform/testing/fakes';
import { basicAuthResourceTypes } from '../platform/resource-types';
import type { Ctx } from './context';
import { createStore } from './store';
import { createCaptureBuffer } from './capture/buffer';
import { createBackground } from './handlers/index';
import { createWatchers } from './watchers';

export interface TestCtx extends Ctx {
  apis: FakeApis;
  notified: TabId[];
  pushed: AuthState[];
}

export function makeCtx(apis: FakeApis = fakeApis()): TestCtx {
  const ctx: TestCtx = {
    apis,
    store: createStore(apis.session, apis.local),
    capture: createCaptureBuffer(apis.session),
    resourceTypes: basicAuthResourceTypes('chrome'),
    ownHost: FAKE_OWN_HOST,
    notified: [],
    pushed: [],
    async notify(tabId) {
      ctx.notified.push(tabId);
    },
  };
  return ctx;
}

export const startMock = (auth: MockServerOptions['auth'] = 'hybrid'): Promise<MockServer> =>
  createMockServer({ port: 0, auth });

export const targetFor = (url: string, siteAccess: string | null = null): ApiTarget => ({
  origin: asOrigin(url),
  prefix: EZP3.prefix,
  vendor: EZP3.vendor,
  siteAccess,
  source: 'detected',
});

/** Log in the way the page itself would (no extension involved): returns the Session fields. */
export async function pageLogin(base: string, login = 'admin', password = 'publish') {
  const r = await fetch(`${base}${EZP3.prefix}/user/sessions`, {
    method: 'POST',
    headers: {
      Accept: mediaType('Session', 'json'),
      'Content-Type': mediaType('SessionInput', 'json'),
    },
    body: JSON.stringify({ SessionInput: { login, password } }),
  });
  const body = (await r.json()) as { Session: { name: string; identifier: string; csrfToken: string; _href: string } };
  return body.Session;
}

/** The worker as index.ts wires it (router → handlers, watchers pushing into ctx.pushed), for a test Ctx. */
export function workerFor(ctx: TestCtx) {
  const bg = createBackground(ctx);
  const route = createRouter(bg.handlers);
  let n = 0;
  const ask = async <N extends RequestName>(name: N, params: ParamsOf<N>) =>
    (await route(makeRequest(name, params, String(n++)))) as Result<ResultOf<N>>;
  const watchers = createWatchers(ctx, bg, (_t, s) => ctx.pushed.push(s));
  return { ctx, ask, watchers, bg };
}

/** The value of an ok Result; a failed one fails the test with its message. */
export const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
};
