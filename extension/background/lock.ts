/**
 * One operation per tab at a time: a login racing a cookie-change re-check would otherwise write
 * an older record over a newer one. In memory only; a worker restart starts with no locks.
 */
export function createLocks(): <T>(key: number, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<number, Promise<unknown>>();
  return <T>(key: number, fn: () => Promise<T>): Promise<T> => {
    const prev = tails.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
