import { describe, expect, it } from 'vitest';
import { makeEntry } from '../../shared/testing/entries';
import { draftFromEntry, identityOf, parseHeaders, toRequest } from './draft';

describe('replay draft', () => {
  const e = makeEntry({
    source: 'worker',
    method: 'POST',
    headers: {
      Accept: 'application/json',
      Cookie: 'eZSESSID98defd6ee70dfb1dea416cecdf391f58=x',
      'X-CSRF-Token': 't',
      'X-HTTP-Method-Override': 'PUBLISH',
      'Content-Length': '3',
      'X-Siteaccess': 'admin',
    },
  });

  it('starts from the entry: the effective method, no identity or computed headers, as captured', () => {
    const d = draftFromEntry(e);
    expect(d).toMatchObject({ method: 'PUBLISH', override: true, identity: 'as-captured', csrf: true });
    expect(d.headers).toBe('Accept: application/json\nX-Siteaccess: admin');
  });

  it('an override goes as POST with the header; without, the method itself', () => {
    const d = draftFromEntry(e);
    expect(toRequest(d)).toMatchObject({
      method: 'POST',
      headers: expect.arrayContaining([{ name: 'X-HTTP-Method-Override', value: 'PUBLISH' }]),
    });
    expect(toRequest({ ...d, override: false, method: 'copy' }).method).toBe('COPY');
  });

  it('header lines that are not headers are named', () => {
    expect(parseHeaders('Accept: a\n\nnot a header\n: x\nX-Y:z')).toEqual({
      headers: [
        { name: 'Accept', value: 'a' },
        { name: 'X-Y', value: 'z' },
      ],
      problems: ['line 3 is not "Name: value"', 'line 4 is not "Name: value"'],
    });
  });

  it('identities from the select', () => {
    expect(identityOf('as-captured', e)).toEqual({ kind: 'as-captured', id: e.workerId });
    expect(identityOf('anonymous', e)).toEqual({ kind: 'anonymous' });
    expect(identityOf('editor', e)).toEqual({ kind: 'saved', name: 'editor' });
  });
});
