/**
 * One job per key at a time, in the order they were asked for: a login racing a cookie-change
 * re-check would otherwise write an older record over a newer one, and two revision bumps of one
 * tab would read the same number. In memory only; a restarted worker starts with empty queues.
 */
export type Serial<K> = <T>(key: K, job: () => Promise<T>) => Promise<T>;

export function createSerial<K>(): Serial<K> {
  const tails = new Map<K, Promise<unknown>>();
  return <T>(key: K, job: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(job, job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
