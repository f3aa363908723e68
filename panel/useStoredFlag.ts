/** A switch the user expects to stay as set (preserve log, all XHR): kept in the panel's localStorage. */
import { useCallback, useState } from 'react';

const KEY = 'ez-rest-devtools:';

export function useStoredFlag(name: string, initial: boolean): [boolean, (on: boolean) => void] {
  const [value, setValue] = useState(() => {
    try {
      const v = globalThis.localStorage?.getItem(KEY + name);
      return v === null || v === undefined ? initial : v === '1';
    } catch {
      return initial;
    }
  });
  const set = useCallback(
    (on: boolean) => {
      setValue(on);
      try {
        globalThis.localStorage?.setItem(KEY + name, on ? '1' : '0');
      } catch {
        /* storage refused (private mode): the switch still works for this session */
      }
    },
    [name],
  );
  return [value, set];
}
