/**
 * HAR out (the list, or what the filter shows) and in (a file the user picks), for the toolbar.
 * Export fetches the bodies DevTools holds that were not opened yet, up to a budget, so the file
 * has what Chrome's own export would; import works with the panel as a tab too (nothing here
 * needs DevTools).
 */
import type { CapturedEntry } from '../shared/capture/entry';
import { readHarFile } from '../shared/http/har-file';
import { toHar } from '../shared/http/har-out';
import type { InspectorModel } from './inspector/model';

const EXPORT_BODY_BUDGET = 64 * 1024 * 1024;

export async function exportHar(
  model: InspectorModel,
  entries: readonly CapturedEntry[],
  secrets: boolean,
  version: string,
): Promise<string> {
  let budget = EXPORT_BODY_BUDGET;
  const sources = [];
  for (const entry of entries) {
    let body: string | null = null;
    if (budget > 0 && entry.body.where !== 'none') {
      const got = await model.body(entry);
      if (got.ok) {
        body = got.text;
        budget -= got.text.length;
      }
    }
    sources.push({ entry, body });
  }
  const har = toHar(sources, { secrets, creator: { name: 'eZ REST DevTools', version } });
  const name = `ez-rest-${new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19)}.har`;
  const url = URL.createObjectURL(new Blob([JSON.stringify(har, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return `Exported ${entries.length} ${entries.length === 1 ? 'request' : 'requests'} to ${name}${secrets ? ' WITH their secrets' : ' (secrets redacted)'}.`;
}

export async function importHar(
  model: InspectorModel,
  file: File,
): Promise<{ level: 'info' | 'warning' | 'error'; message: string }> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return { level: 'error', message: `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}` };
  }
  const got = readHarFile(text, () => model.nextId('i'));
  if (typeof got === 'string') return { level: 'error', message: `${file.name}: ${got}` };
  model.addOwn(got.entries);
  const parts = [
    `Imported ${got.entries.length} ${got.entries.length === 1 ? 'request' : 'requests'} from ${file.name}.`,
  ];
  if (got.skipped.count > 0)
    parts.push(`${got.skipped.count} entries could not be read (${got.skipped.reasons.join('; ')}).`);
  if (got.invalid !== null) parts.push(`The file is not valid HAR 1.2 (${got.invalid}), read as far as it goes.`);
  return { level: got.skipped.count > 0 || got.invalid !== null ? 'warning' : 'info', message: parts.join(' ') };
}
