/**
 * Type guards that compose: `shape({ tabId: tabId, name: string })` checks an object and gives
 * its type, so a message's params type is derived from the guard that checks it (one source).
 */

export type Check<T> = (v: unknown) => v is T;
export type Checked<C> = C extends Check<infer T> ? T : never;

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const string: Check<string> = (v): v is string => typeof v === 'string';
export const boolean: Check<boolean> = (v): v is boolean => typeof v === 'boolean';
export const finite: Check<number> = (v): v is number => typeof v === 'number' && Number.isFinite(v);
export const count: Check<number> = (v): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
export const unknown: Check<unknown> = (_v): _v is unknown => true;

export function nullable<T>(c: Check<T>): Check<T | null> {
  return (v): v is T | null => v === null || c(v);
}

export function oneOf<const T extends readonly string[]>(values: T): Check<T[number]> {
  return (v): v is T[number] => typeof v === 'string' && values.includes(v);
}

export function arrayOf<T>(c: Check<T>, max = Number.POSITIVE_INFINITY): Check<T[]> {
  return (v): v is T[] => Array.isArray(v) && v.length <= max && v.every(c);
}

export function recordOf<T>(c: Check<T>): Check<Record<string, T>> {
  return (v): v is Record<string, T> => isRecord(v) && Object.values(v).every(c);
}

/** A string no longer than `max` characters (what crosses the boundary stays bounded). */
export function text(max: number): Check<string> {
  return (v): v is string => typeof v === 'string' && v.length <= max;
}

export function brand<T>(c: Check<unknown>): Check<T> {
  return c as Check<T>;
}

type Shape = Record<string, Check<unknown>>;
export type ShapeOf<S extends Shape> = { [K in keyof S]: Checked<S[K]> };

/** An object with at least these keys, each passing its check (extra keys are allowed). */
export function shape<S extends Shape>(s: S): Check<ShapeOf<S>> {
  const entries = Object.entries(s);
  return (v): v is ShapeOf<S> => isRecord(v) && entries.every(([k, c]) => c(v[k]));
}
