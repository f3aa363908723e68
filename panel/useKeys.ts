/** The panel's global keys, as in DevTools: `/` focuses the filter, Esc closes the detail. */
import { useEffect, useRef, type RefObject } from 'react';

const inField = (t: EventTarget | null): boolean =>
  t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement;

/** Run `on` for `key` pressed anywhere but in a text field (where the key belongs to the field). */
export function useGlobalKey(key: string, on: (e: KeyboardEvent) => void): void {
  const latest = useRef(on);
  latest.current = on;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === key && !inField(e.target)) latest.current(e);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key]);
}

export function useSlashFocus(input: RefObject<HTMLInputElement | null>): void {
  useGlobalKey('/', (e) => {
    e.preventDefault();
    input.current?.focus();
    input.current?.select();
  });
}
