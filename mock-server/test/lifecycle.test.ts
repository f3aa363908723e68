/** createMockServer's contract: real port, independent instances, close() ends keep-alive sockets, no crash on a throwing handler. */
import { Agent, get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createMockServer } from '../server';
import { FLAVOUR, toFlavour } from './flavour';
import { API, JSON_ACCEPT, login, pick, send } from './helpers';

function keepAliveGet(url: string, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { Accept: JSON_ACCEPT } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    }).on('error', reject);
  });
}

describe('createMockServer', () => {
  it('reports the real port and closes despite an open keep-alive connection', async () => {
    const server = await createMockServer({ port: 0, flavour: FLAVOUR });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url.endsWith(':0')).toBe(false);
    const agent = new Agent({ keepAlive: true });
    expect(await keepAliveGet(`${server.url}${toFlavour(API)}/`, agent)).toBe(200);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(fetch(`${server.url}${toFlavour(API)}/`)).rejects.toThrow();
    agent.destroy();
  });

  it('close() does not wait for half-sent requests (partial headers, a body still coming) and ends their sockets', async () => {
    const server = await createMockServer({ port: 0, flavour: FLAVOUR });
    const { hostname, port } = new URL(server.url);
    const partial = [
      `GET ${API}/ HTTP/1.1\r\nHost: x\r\nAccept: appl`,
      `POST ${API}/user/sessions HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nContent-Type: application/vnd.ez.api.SessionInput+json\r\nContent-Length: 1000\r\n\r\n{"Sess`,
    ];
    const sockets = await Promise.all(
      partial.map(
        (text) =>
          new Promise<Socket>((resolve) => {
            const s = connect(Number(port), hostname, () => {
              s.write(toFlavour(text));
              resolve(s);
            });
            s.on('error', () => undefined);
          }),
      ),
    );
    const closed = sockets.map((s) => new Promise<void>((resolve) => s.once('close', () => resolve())));
    // Let the server see the bytes before closing.
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await server.close();
    await Promise.all(closed);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('instances are independent: a session of one is unknown to the other', async () => {
    const a = await createMockServer({ port: 0, flavour: FLAVOUR });
    const b = await createMockServer({ port: 0, flavour: FLAVOUR });
    try {
      const s = await login(a.url, 'admin', 'publish');
      const r = await send(b.url, { path: `${API}/user/users/14`, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } });
      expect(r.status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('refuses bad options', async () => {
    await expect(createMockServer({ port: 0, flavour: FLAVOUR, auth: 'digest' as 'basic' })).rejects.toThrow(
      /auth profile/,
    );
    await expect(createMockServer({ port: 0, flavour: FLAVOUR, sessionTtl: 0 })).rejects.toThrow(/sessionTtl/);
  });

  it('an exception inside a handler becomes a logged 500 ErrorMessage and the server lives on', async () => {
    let explode = false;
    const server = await createMockServer({
      port: 0,
      flavour: FLAVOUR,
      now: () => {
        if (explode) throw new Error('clock exploded');
        return Date.now();
      },
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const s = await login(server.url, 'admin', 'publish');
      explode = true;
      const r = await send(server.url, {
        path: `${API}/user/users/14`,
        headers: { Accept: JSON_ACCEPT, Cookie: s.cookie },
      });
      expect(r.status).toBe(500);
      expect(pick(r.json, 'ErrorMessage.errorDescription')).toBe(
        'An error has occurred. Please try again later or contact your Administrator.',
      );
      expect(errors).toHaveBeenCalled();
      explode = false;
      expect(
        (await send(server.url, { path: `${API}/user/users/14`, headers: { Accept: JSON_ACCEPT, Cookie: s.cookie } }))
          .status,
      ).toBe(200);
    } finally {
      errors.mockRestore();
      await server.close();
    }
  });
});
