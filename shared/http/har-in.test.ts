import { describe, expect, it } from 'vitest';
import { entryFromHar } from './har-in';

const har = (over: Record<string, unknown> = {}, res: Record<string, unknown> = {}) => ({
  startedDateTime: '2026-12-01T10:00:00.123Z',
  time: 12.5,
  request: {
    method: 'get',
    url: 'http://127.0.0.1:8080/api/ezp/v2/user/users/14',
    headers: [{ name: 'Accept', value: 'application/vnd.ez.api.User+json' }],
    ...over,
  },
  response: {
    status: 200,
    statusText: 'OK',
    headers: [{ name: 'Content-Type', value: 'application/vnd.ez.api.User+json' }],
    content: { size: 42, mimeType: 'application/vnd.ez.api.user+json', text: '{"User":{}}' },
    ...res,
  },
  _resourceType: 'fetch',
});

describe('HAR entries in', () => {
  it('a DevTools entry: fields, the eZ type, the body fetched on demand', () => {
    const r = entryFromHar(har(), 'x', 'devtools');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.entry).toMatchObject({
      method: 'GET',
      status: 200,
      size: 42,
      kind: 'fetch',
      timeMs: 12.5,
      body: { where: 'devtools', key: 'x' },
    });
    expect(r.entry.startedAt).toBe(Date.parse('2026-12-01T10:00:00.123Z'));
    expect(r.entry.view).toMatchObject({ path: '/user/users/14', resource: 'User', isRest: true, failed: false });
  });

  it('an imported entry keeps its body; base64 is decoded', () => {
    const r = entryFromHar(
      har({}, { content: { text: Buffer.from('{"a":"é"}').toString('base64'), encoding: 'base64' } }),
      'x',
      'import',
    );
    expect(r.ok && r.entry.body).toEqual({ where: 'inline', text: '{"a":"é"}' });
  });

  it.each([
    ['not an object', 42, /not a HAR entry/],
    ['no response', { request: {} }, /not a HAR entry/],
    ['a data: URL', har({ url: 'data:text/plain,x' }), /not an http\(s\) request/],
  ])('refuses %s in words', (_l, raw, why) => {
    const r = entryFromHar(raw, 'x', 'import');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.why).toMatch(why);
  });

  it('junk inside is tolerated: odd headers are dropped, a missing status is a failure', () => {
    const r = entryFromHar(
      har({ headers: [null, { name: 5 }, { name: 'A', value: 'b' }] }, { status: 'x' }),
      'x',
      'import',
    );
    expect(r.ok && r.entry.requestHeaders).toEqual([{ name: 'A', value: 'b' }]);
    expect(r.ok && r.entry.view.failed).toBe(true);
  });
});
