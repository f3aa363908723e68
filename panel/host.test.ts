import { describe, expect, it } from 'vitest';
import { resolveInspectedTab } from './host';

describe('resolveInspectedTab', () => {
  const rows: Array<
    [string, string, { tabId?: unknown } | undefined, ReturnType<typeof resolveInspectedTab>['ok'], number | RegExp]
  > = [
    ['devtools wins over the URL', '?tabId=3', { tabId: 12 }, true, 12],
    ['URL when not inside devtools', '?tabId=42', undefined, true, 42],
    ['URL when devtools has no tab id', '?tabId=0', {}, true, 0],
    ['nothing at all', '', undefined, false, /does not know which tab/],
    ['empty tabId', '?tabId=', undefined, false, /does not know which tab/],
    ['not a number', '?tabId=abc', undefined, false, /"\?tabId=abc" is not a tab id/],
    ['negative', '?tabId=-1', undefined, false, /is not a tab id/],
    ['fraction', '?tabId=1.5', undefined, false, /is not a tab id/],
  ];
  it.each(rows)('%s', (_label, search, inspected, okExpected, expected) => {
    const r = resolveInspectedTab(search, inspected === undefined ? undefined : { inspectedWindow: inspected });
    expect(r.ok).toBe(okExpected);
    if (r.ok) expect(r.tabId).toBe(expected);
    else expect(r.message).toMatch(expected as RegExp);
  });
});
