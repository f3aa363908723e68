/**
 * Bad input: a clear 4xx, nothing lost, nothing crashes. After every row the server still
 * answers and a session made before it is untouched.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, JSON_ACCEPT, login, pick, raw, send, statusOf, useServer, type LoggedIn } from './helpers';
import { inFlavour, toFlavour } from './flavour';

const srv = useServer();
let witness: LoggedIn;

beforeAll(async () => {
  witness = await login(srv.url, 'admin', 'publish');
});

async function witnessStillLoggedIn(): Promise<void> {
  const r = await send(srv.url, {
    method: 'POST',
    path: `${API}/user/sessions/${witness.id}/refresh`,
    headers: { Accept: JSON_ACCEPT, Cookie: witness.cookie, 'X-CSRF-Token': witness.token },
  });
  expect(r.status).toBe(200);
}

const SESSION_POST = (len: string | null, extra = ''): string =>
  `POST ${API}/user/sessions HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nContent-Type: application/vnd.ez.api.SessionInput+json\r\n${len === null ? '' : `Content-Length: ${len}\r\n`}${extra}Connection: close\r\n\r\n`;

interface RawRow {
  name: string;
  request: string | Buffer;
  status: number;
  contains?: string;
}

const rawRows: RawRow[] = [
  {
    name: 'control character in a header value',
    request: `GET ${API}/ HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nX-Bad: a\x01b\r\nConnection: close\r\n\r\n`,
    status: 400,
  },
  {
    name: 'NUL in a header value',
    request: `GET ${API}/ HTTP/1.1\r\nHost: x\r\nX-Bad: a\x00b\r\nConnection: close\r\n\r\n`,
    status: 400,
  },
  {
    name: 'unknown method under the prefix',
    request: `FROB ${API}/ HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
    status: 405,
    contains: '"errorCode":405',
  },
  { name: 'unknown method elsewhere', request: 'FROB / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', status: 405 },
  {
    name: 'URL over 8 KiB',
    request: `GET ${API}/${'a'.repeat(9000)} HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\nConnection: close\r\n\r\n`,
    status: 414,
    contains: '"errorCode":414',
  },
  {
    name: 'URL over the header limit',
    request: `GET ${API}/${'a'.repeat(20000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    status: 431,
  },
  { name: 'garbage request line', request: 'HELLO\r\n\r\n', status: 400 },
  {
    name: 'no Accept header: framework 500 page (no view mapping)',
    request: `GET ${API}/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
    status: 500,
    contains: 'No view mapping found',
  },
  {
    name: 'declared body over 1 MiB',
    request: SESSION_POST(String(2 * 1024 * 1024)),
    status: 413,
    contains: '"errorCode":413',
  },
  { name: 'invalid Content-Length', request: SESSION_POST('12abc'), status: 400 },
  {
    name: 'empty JSON body',
    request: SESSION_POST('0'),
    status: 400,
    contains: 'An error occured while decoding the JSON input',
  },
];

describe('malformed requests on the wire', () => {
  it.each(rawRows)('$name -> $status', async (row) => {
    const out = await raw(srv.url, row.request);
    expect(statusOf(out)).toBe(row.status);
    if (row.contains) expect(out).toContain(row.contains);
    await witnessStillLoggedIn();
  });
});

describe('bodies', () => {
  it('a chunked body over 1 MiB gets 413 and the server stops reading', async () => {
    const { hostname, port } = new URL(srv.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: hostname,
          port,
          method: 'POST',
          path: toFlavour(`${API}/user/sessions`),
          headers: inFlavour({
            Accept: JSON_ACCEPT,
            'Content-Type': 'application/vnd.ez.api.SessionInput+json',
            'Transfer-Encoding': 'chunked',
          }),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 4 * 1024 * 1024 && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    await witnessStillLoggedIn();
  });

  const XML = { Accept: JSON_ACCEPT, 'Content-Type': 'application/vnd.ez.api.SessionInput+xml' };
  const xmlRows: Array<[string, string]> = [
    [
      'internal entity (billion laughs)',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><SessionInput><login>&lol2;</login><password>x</password></SessionInput>',
    ],
    [
      'external entity',
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><SessionInput><login>&x;</login><password>x</password></SessionInput>',
    ],
    [
      'bare DOCTYPE',
      '<!DOCTYPE SessionInput><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    ],
    [
      'lower-case doctype',
      '<!doctype SessionInput><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    ],
    ['unclosed element', '<SessionInput><login>admin</login>'],
    ['two roots', '<a/><b/>'],
    ['undefined entity', '<SessionInput><login>&foo;</login><password>x</password></SessionInput>'],
    ['bare ampersand', '<SessionInput><login>a & b</login><password>x</password></SessionInput>'],
    ['nesting too deep', `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`],
    ['empty body', ''],
    // As strict as libxml, which reads the body before anything else does:
    ['a NUL character', '<SessionInput><login>adm\u0000in</login><password>publish</password></SessionInput>'],
    [
      'another control character',
      '<SessionInput><login>adm\u0001in</login><password>publish</password></SessionInput>',
    ],
    [
      'an XML declaration not at the very start',
      ' <?xml version="1.0"?><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    ],
    [
      'an XML declaration after the root',
      '<SessionInput><login>admin</login><password>publish</password></SessionInput><?xml version="1.0"?>',
    ],
    [
      'a second root after a valid SessionInput',
      '<SessionInput><login>admin</login><password>publish</password></SessionInput><SessionInput/>',
    ],
    ['mismatched tags', '<SessionInput><login>admin</password></login></SessionInput>'],
    [
      'an encoding libxml does not know',
      '<?xml version="1.0" encoding="bogus"?><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    ],
    [
      'a malformed encoding name',
      '<?xml version="1.0" encoding="8-utf"?><SessionInput><login>admin</login><password>publish</password></SessionInput>',
    ],
  ];
  it.each(xmlRows)('XML refused: %s (400, never a login)', async (_n, b) => {
    const r = await send(srv.url, { method: 'POST', path: `${API}/user/sessions`, headers: XML, body: b });
    expect(r.status).toBe(400);
    expect(String(pick(r.json, 'ErrorMessage.errorDescription'))).toMatch(
      /^Detected errors in input XML:\n - In line \d+ character \d+: /,
    );
    expect(r.text).not.toContain('root:');
    expect(r.cookies).toEqual([]);
  });

  it('a Latin-1 body that says so is read as Latin-1', async () => {
    const body = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><SessionInput><login>admin</login><password>publish</password></SessionInput>',
      'latin1',
    );
    const r = await send(srv.url, { method: 'POST', path: `${API}/user/sessions`, headers: XML, body });
    expect(r.status).toBe(201);
  });

  it('XML character references and predefined entities are decoded (they are not DTD entities)', async () => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: XML,
      body: '<SessionInput><login>&#x61;dmin</login><password>pub&#108;ish</password></SessionInput>',
    });
    expect(r.status).toBe(201);
    const amp = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: XML,
      body: '<SessionInput><login>a&amp;b</login><password><![CDATA[x & y]]></password></SessionInput>',
    });
    expect(amp.status).toBe(401);
  });

  it.each([
    ['JSON array', '[]'],
    ['JSON string', '"x"'],
    ['JSON null', 'null'],
    ['nested garbage', '{"SessionInput":[1,2]}'],
  ])('odd JSON input is a 400: %s', async (_n, b) => {
    const r = await send(srv.url, {
      method: 'POST',
      path: `${API}/user/sessions`,
      headers: { Accept: JSON_ACCEPT, 'Content-Type': 'application/vnd.ez.api.SessionInput+json' },
      body: b,
    });
    expect(r.status).toBe(400);
  });

  it('a huge cookie value or odd cookie header does not break anything', async () => {
    const r = await send(srv.url, {
      path: `${API}/`,
      headers: {
        Accept: JSON_ACCEPT,
        Cookie: `eZSESSID98defd6ee70dfb1dea416cecdf391f58=%E0%A4%A; x=${'y'.repeat(4000)}`,
      },
    });
    expect(r.status).toBe(200);
    await witnessStillLoggedIn();
  });

  it('X-CSRF-Token of any shape is just invalid', async () => {
    for (const token of ['', '.', '..', 'a.b.c', 'x'.repeat(500), 'ab.!!.??']) {
      const r = await send(srv.url, {
        method: 'DELETE',
        path: `${API}/content/objects/1`,
        headers: { Accept: JSON_ACCEPT, Cookie: witness.cookie, 'X-CSRF-Token': token },
      });
      expect(r.status).toBe(401);
    }
    await witnessStillLoggedIn();
  });
});

/** Sends a request whose body never completes, then drops the connection. */
function abandonMidBody(base: string, declared: number, sent: number): Promise<void> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST ${API}/user/sessions HTTP/1.1\r\nHost: x\r\nAccept: application/json\r\n` +
          `Content-Type: application/vnd.ez.api.SessionInput+json\r\nContent-Length: ${declared}\r\n\r\n${'{'.repeat(sent)}`,
      );
      setTimeout(() => socket.destroy(), 50);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
  });
}

describe('lying and vanishing clients', () => {
  it('a Content-Length smaller than the body: the rest is a broken next request, a 4xx, never a 5xx', async () => {
    const body = Buffer.concat([Buffer.from('{"SessionInput":{}}'), Buffer.alloc(2 * 1024 * 1024, 0x78)]);
    const out = await raw(
      srv.url,
      Buffer.concat([Buffer.from(SESSION_POST('19').replace('Connection: close\r\n', '')), body]),
    );
    const statuses = [...out.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    expect(statuses[0]).toBe(400);
    expect(out).toContain("Missing 'login' attribute for SessionInput.");
    expect(statuses.every((s) => s >= 400 && s < 500)).toBe(true);
    await witnessStillLoggedIn();
  });

  it('a Content-Length over 1 MiB with a short body: 413 at once, without waiting for the bytes', async () => {
    const out = await raw(srv.url, SESSION_POST(String(5 * 1024 * 1024)) + '{"SessionInput":{}}');
    expect(statuses(out)).toEqual([413]);
    await witnessStillLoggedIn();
  });

  it.each([
    ['after the headers', 1000, 0],
    ['halfway through the body', 1000, 500],
    ['one byte short', 1000, 999],
  ])('a client that disconnects %s', async (_n, declared, sent) => {
    await abandonMidBody(srv.url, declared, sent);
    await witnessStillLoggedIn();
  });

  it('partial headers (slowloris) do not block other clients', async () => {
    const { hostname, port } = new URL(srv.url);
    const slow = Array.from({ length: 20 }, () => {
      const s = connect(Number(port), hostname);
      s.on('error', () => undefined);
      s.write(`GET ${API}/ HTTP/1.1\r\nHost: x\r\nAccept: appl`);
      return s;
    });
    try {
      await witnessStillLoggedIn();
      const r = await send(srv.url, { path: `${API}/`, headers: { Accept: JSON_ACCEPT } });
      expect(r.status).toBe(200);
    } finally {
      for (const s of slow) s.destroy();
    }
  });
});

function statuses(out: string): number[] {
  return [...out.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
}
