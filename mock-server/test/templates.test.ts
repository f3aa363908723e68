/** Every body template of the panel's New request form is accepted by the mock as admin. */
import { describe, expect, it } from 'vitest';
import { EZP3 } from '../../shared/ez/flavours';
import { INPUT_TEMPLATES, templateRequest } from '../../shared/ez/inputs';
import { login, send, useServer } from './helpers';

const srv = useServer({ auth: 'session' });

describe('New request templates', () => {
  it.each(INPUT_TEMPLATES.map((t) => [t.name, t] as const))('%s: 2xx as admin with the CSRF token', async (_n, t) => {
    const admin = await login(srv.url, 'admin', 'publish');
    const r = templateRequest(t, srv.url, EZP3.prefix, EZP3.vendor);
    const headers = Object.fromEntries(r.headers.map((h) => [h.name, h.value]));
    // A login needs no cookie; everything else goes as admin.
    const auth: Record<string, string> =
      t.name === 'SessionInput' || t.name === 'JWTInput' ? {} : { Cookie: admin.cookie, 'X-CSRF-Token': admin.token };
    const res = await send(srv.url, {
      method: r.method,
      path: new URL(r.url).pathname,
      headers: { ...headers, ...auth },
      body: r.body,
    });
    expect(res.status, res.text).toBeGreaterThanOrEqual(200);
    expect(res.status, res.text).toBeLessThan(300);
  });
});
