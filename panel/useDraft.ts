import { useState } from 'react';

/**
 * An editable copy of a value that comes from the worker. The user's edits stay until the
 * upstream value changes (e.g. the target was re-detected); then the draft follows it again.
 * Adjusted during render rather than in an effect, so the field never shows a stale value.
 */
export function useDraft<T>(upstream: T): [T, (v: T) => void] {
  const [s, setS] = useState({ upstream, draft: upstream });
  if (s.upstream !== upstream) setS({ upstream, draft: upstream });
  const draft = s.upstream === upstream ? s.draft : upstream;
  return [draft, (v: T) => setS({ upstream, draft: v })];
}
