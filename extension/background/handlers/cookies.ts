/** The API origin's cookies: masked list, one value on an explicit reveal. */
import { fail, ok } from '../../../shared/domain';
import type { Handlers } from '../../../shared/messaging/router';
import { listCookies, revealCookie } from '../cookies';
import type { Kit } from './kit';

type CookieHandlers = Pick<Handlers, 'cookies.list' | 'cookies.reveal'>;

export function cookieHandlers({ ctx, withOrigin }: Kit): CookieHandlers {
  return {
    'cookies.list': ({ tabId }) =>
      withOrigin(tabId, async (t) => ok(await listCookies(ctx.apis.cookies, ctx.store, t.origin))),
    'cookies.reveal': ({ tabId, name }) =>
      withOrigin(tabId, async (t) => {
        const value = await revealCookie(ctx.apis.cookies, t.origin, name);
        return value === null
          ? fail('internal', `The cookie "${name}" is no longer set for ${t.origin}.`)
          : ok({ value });
      }),
  };
}
