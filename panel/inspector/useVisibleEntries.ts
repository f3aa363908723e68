/**
 * What the list shows: the store's entries through the filter and the REST/all-XHR switch.
 * Filtered in the keystroke's own render: even 100,000 entries take a few ms (plain fields, see
 * shared/capture/entry.ts), and deferring it cost a frame of latency on every key.
 */
import { useMemo } from 'react';
import { compileFilter, parseFilter } from '../../shared/filter/filter';
import type { InspectorModel } from './model';

export function useVisibleEntries(model: InspectorModel, version: number, filter: string, showAll: boolean) {
  const parsed = useMemo(() => parseFilter(filter), [filter]);
  const visible = useMemo(
    () => {
      // Loaded bodies are searched too, but only when a free-text term could hit one.
      const bodies = model.bodies.size > 0 && parsed.terms.some((t) => t.kind === 'text') ? model.bodies : null;
      const pass = compileFilter(parsed);
      return model.store.all().filter((e) => (showAll || e.view.isRest) && pass(e, bodies?.peekLower(e.id)));
    },
    // `version` stands for the store's content, which changes in place
    [model, version, parsed, showAll],
  );
  return { parsed, visible };
}
