import { describe, expect, it } from 'vitest';
import { EZP3, IBEXA4 } from './flavours';
import { INPUT_TEMPLATES, checkInput, templateRequest } from './inputs';

describe('checkInput', () => {
  const J = (name: string) => `application/vnd.ez.api.${name}+json`;
  const rows: Array<[string, string | null, string | null, RegExp | null]> = [
    ['matching JSON', J('SessionInput'), '{"SessionInput":{"login":"a"}}', null],
    [
      'SessionInput sent as ContentCreate',
      J('ContentCreate'),
      '{"SessionInput":{}}',
      /body is a SessionInput, but the Content-Type says ContentCreate/,
    ],
    ['case slip', J('SessionInput'), '{"sessionInput":{}}', /case-sensitive/],
    [
      'matching XML',
      'application/vnd.ez.api.SessionInput+xml',
      '<?xml version="1.0"?><SessionInput><login>a</login></SessionInput>',
      null,
    ],
    ['XML root mismatch', 'application/vnd.ez.api.ViewInput+xml', '<SessionInput/>', /body is a SessionInput/],
    ['XML sent as +json', J('SessionInput'), '<SessionInput/>', /XML, but the Content-Type says \+json/],
    ['JSON sent as +xml', 'application/vnd.ibexa.api.SessionInput+xml', '{"SessionInput":{}}', /not XML/],
    ['broken JSON', J('SessionInput'), '{"SessionInput":', /not valid JSON/],
    ['two roots', J('SessionInput'), '{"SessionInput":{},"x":1}', /one root key/],
    ['not an eZ type: nothing to say', 'application/json', '{"a":1,"b":2}', null],
    ['no body', J('SessionInput'), null, null],
  ];
  it.each(rows)('%s', (_n, ct, body, want) => {
    const got = checkInput(ct, body);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatch(want);
  });
});

describe('input templates', () => {
  it.each(INPUT_TEMPLATES.map((t) => [t.name, t] as const))('%s passes its own check in both dialects', (_n, t) => {
    for (const f of [EZP3, IBEXA4]) {
      const r = templateRequest(t, 'http://127.0.0.1:8080', f.prefix, f.vendor);
      expect(checkInput(r.headers[1]!.value, r.body)).toBeNull();
      expect(r.url.startsWith(`http://127.0.0.1:8080${f.prefix}/`)).toBe(true);
    }
  });
});
