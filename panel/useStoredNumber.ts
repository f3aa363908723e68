/** A number setting the user expects to stay as set (the list's limit), in the panel's localStorage. */
import { useCallback, useState } from 'react';

const KEY = 'ez-rest-devtools:';

export function useStoredNumber(
  name: string,
  initial: number,
  allowed: readonly number[],
): [number, (n: number) => void] {
  const [value, setValue] = useState(() => {
    try {
      const v = Number(globalThis.localStorage?.getItem(KEY + name));
      return allowed.includes(v) ? v : initial;
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (n: number) => {
      if (!allowed.includes(n)) return;
      setValue(n);
      try {
        globalThis.localStorage?.setItem(KEY + name, String(n));
      } catch {
        /* storage refused: the setting still holds for this session */
      }
    },
    [name, allowed],
  );
  return [value, set];
}
