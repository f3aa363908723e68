/**
 * The mock's HTTP tests are written once, in the eZ Platform 3.3 dialect, and run once per
 * flavour (vite.config.ts: one vitest project per flavour, `MOCK_FLAVOUR`). For Ibexa 4.6 every
 * request is put into its dialect on the way out (prefix, vendor, cookie names, JSON-escaped
 * too), and every answer is first checked to hold no word of the eZ dialect (so the server
 * cannot pass by leaking it), then put back into the tests' dialect. Rows that differ between the
 * products say so with `onlyIn` and get their own expectations.
 */
import { EZP3, flavourById, type Flavour, type FlavourId } from '../../shared/ez/flavours';

export const FLAVOUR: Flavour = flavourById(process.env.MOCK_FLAVOUR ?? EZP3.id) ?? EZP3;
export const IS_IBEXA = FLAVOUR.id !== EZP3.id;

const escaped = (prefix: string): string => prefix.replace(/\//g, '\\/');
const pairs = (from: Flavour, to: Flavour): Array<[string, string]> => [
  [from.prefix, to.prefix],
  [escaped(from.prefix), escaped(to.prefix)],
  [from.vendor, to.vendor],
  [from.sessionCookiePrefix, to.sessionCookiePrefix],
];
const swap = (s: string, list: Array<[string, string]>): string =>
  list.reduce((acc, [a, b]) => acc.split(a).join(b), s);

/** The tests' eZ-dialect text in the flavour under test. */
export const toFlavour = (s: string): string => (IS_IBEXA ? swap(s, pairs(EZP3, FLAVOUR)) : s);
/** An answer of the flavour under test back in the tests' dialect. */
export const fromFlavour = (s: string): string => (IS_IBEXA ? swap(s, pairs(FLAVOUR, EZP3)) : s);

/** The eZ dialect's words an Ibexa answer must not contain. */
export function leaks(s: string): string[] {
  if (!IS_IBEXA) return [];
  return pairs(EZP3, FLAVOUR)
    .map(([ez]) => ez)
    .filter((word) => s.includes(word));
}

/** Keep the rows of a table that hold in the flavour under test (`onlyIn` absent: in all). */
export const inThisFlavour = <T extends { onlyIn?: FlavourId }>(rows: readonly T[]): T[] =>
  rows.filter((r) => r.onlyIn === undefined || r.onlyIn === FLAVOUR.id);

/** Request headers in the flavour under test. */
export const inFlavour = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, toFlavour(v)]));
