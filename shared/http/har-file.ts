/**
 * A HAR file the user imports (Chrome's, Firefox's or ours): size-capped, parsed, validated
 * against HAR 1.2, and read entry by entry. A file that fails the schema is still read as far as
 * its entries allow, and the panel says what was wrong; nothing in it is trusted further.
 */
import type { CapturedEntry } from '../capture/entry';
import { entryFromHar } from './har-in';
import { validate } from './har-validator.generated.js';

export const MAX_HAR_BYTES = 200 * 1024 * 1024;

export interface HarImport {
  entries: CapturedEntry[];
  /** entries that could not be read, with why (the first few) */
  skipped: { count: number; reasons: string[] };
  /** the first schema violation, when the file is not valid HAR 1.2 */
  invalid: string | null;
}

export function readHarFile(text: string, nextId: () => string): HarImport | string {
  if (text.length > MAX_HAR_BYTES) return `The file is over ${MAX_HAR_BYTES / 1024 / 1024} MB: too big to import.`;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `Not a HAR file: it is not JSON (${e instanceof Error ? e.message : String(e)}).`;
  }
  const log = (doc as { log?: { entries?: unknown } } | null)?.log;
  if (log === undefined || !Array.isArray(log.entries)) return 'Not a HAR file: it has no log.entries list.';
  const ok = validate(doc);
  const first = ok ? null : (validate.errors?.[0] ?? null);
  const invalid = first === null ? null : `${first.instancePath || '/'} ${first.message ?? 'is not valid'}`;
  const entries: CapturedEntry[] = [];
  const reasons: string[] = [];
  let count = 0;
  for (const raw of log.entries as unknown[]) {
    const got = entryFromHar(raw, nextId(), 'import');
    if (got.ok) entries.push(got.entry);
    else {
      count++;
      if (reasons.length < 3) reasons.push(got.why);
    }
  }
  return { entries, skipped: { count, reasons }, invalid };
}
