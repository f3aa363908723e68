/**
 * What the list shows: the store's entries through the filter and the REST/all-XHR switch.
 * Filtered in the keystroke's own render: even 100,000 entries take a few ms (plain fields, see
 * shared/capture/entry.ts), and deferring it cost a frame of latency on every key.
 */
import { useMemo } from 'react';
import type { CapturedEntry } from '../../shared/capture/entry';
import { compileFilter, parseFilter } from '../../shared/filter/filter';
import type { InspectorModel } from './model';

export function useVisibleEntries(model: InspectorModel, version: number, filter: string, showAll: boolean) {
  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const visible = useMemo(
    () => {
      // Loaded bodies are searched too, but only when a free-text term could hit one.
      const bodies = model.bodies.size > 0 && parsed.terms.some((t) => t.kind === 'text') ? model.bodies : null;
      const pass = compileFilter(parsed);
      const all = model.store.all();
      const out: CapturedEntry[] = [];
      // A plain loop: this runs over every entry on every keystroke.
      for (let i = 0; i < all.length; i++) {
        const e = all[i]!;
        if ((showAll || e.view.isRest) && pass(e, bodies === null ? undefined : bodies.peekLower(e.id))) out.push(e);
      }
      return out;
    },
    // `version` stands for the store's content, which changes in place
    [model, version, parsed, showAll],
  );
  return { parsed, visible };
}
