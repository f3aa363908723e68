/** Waiting on the real DevTools panel's frame (puppeteer has no web-first assertions). */
import type { Frame } from 'puppeteer-core';
import { byTestId } from './page';

/** Wait until `selector` matches at least `n` elements of the frame; answers how many. */
export async function waitForCount(frame: Frame, selector: string, n = 1, timeout = 15_000): Promise<number> {
  const handle = await frame.waitForFunction(
    (s, min) => document.querySelectorAll(s).length >= min && document.querySelectorAll(s).length,
    { timeout, polling: 100 },
    selector,
    n,
  );
  return (await handle.jsonValue()) as number;
}

/** Wait until the text of the first element matching `selector` passes `test` (a regexp source). */
export async function waitForText(frame: Frame, selector: string, pattern: RegExp, timeout = 15_000): Promise<string> {
  const handle = await frame.waitForFunction(
    (s, src, flags) => {
      const t = document.querySelector(s)?.textContent ?? '';
      return new RegExp(src, flags).test(t) ? t : false;
    },
    { timeout, polling: 100 },
    selector,
    pattern.source,
    pattern.flags,
  );
  return (await handle.jsonValue()) as string;
}

/** A request row by what it shows: `[data-type="User"][data-status="200"]`. */
export const row = (attrs: string): string => byTestId('request-row', attrs);
