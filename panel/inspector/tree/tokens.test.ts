import { describe, expect, it } from 'vitest';
import { COLOUR_LIMIT, jsonTokens, xmlTokens } from './tokens';

const kinds = (ts: Array<{ kind: string; text: string }>): string[] =>
  ts.filter((t) => t.text.trim() !== '').map((t) => `${t.kind}:${t.text.trim()}`);

describe('raw view tokens', () => {
  it('JSON keys, strings, numbers, literals', () => {
    expect(kinds(jsonTokens('{"a": "x\\"y", "b": -1.5e3, "c": [true, null]}'))).toEqual([
      'punct:{',
      'key:"a":',
      'string:"x\\"y"',
      'punct:,',
      'key:"b":',
      'number:-1.5e3',
      'punct:,',
      'key:"c":',
      'punct:[',
      'literal:true',
      'punct:,',
      'literal:null',
      'punct:]}',
    ]);
  });

  it('XML tags, attributes and text', () => {
    expect(kinds(xmlTokens('<Root media-type="x"><a href=\'/y\'/>t &amp; u</Root>'))).toEqual([
      'tag:<Root',
      'attr:media-type',
      'punct:=',
      'string:"x"',
      'tag:><a',
      'attr:href',
      'punct:=',
      "string:'/y'",
      'tag:/>',
      'text:t &amp; u',
      'tag:</Root>',
    ]);
  });

  it('the text joined back is the input, whatever it holds, and past the limit is plain', () => {
    for (const s of [
      '<img src=x onerror=alert(1)>',
      '{"a":"<script>"}',
      '\u0000\u2028{',
      'x'.repeat(COLOUR_LIMIT + 10),
    ]) {
      expect(
        jsonTokens(s)
          .map((t) => t.text)
          .join(''),
      ).toBe(s);
      expect(
        xmlTokens(s)
          .map((t) => t.text)
          .join(''),
      ).toBe(s);
    }
    const long = jsonTokens(`"${'a'.repeat(COLOUR_LIMIT)}"`);
    expect(long[long.length - 1]?.kind).toBe('text');
  });
});
