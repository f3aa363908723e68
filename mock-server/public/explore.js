// Search (POST /views, a ViewInput 1.1 with a full-text and a content type criterion) and the
// "Make N calls" control that fills the inspector with REST reads at scale.
import { API, media, request, sessionStore } from './api.js';
import { $, outcome } from './dom.js';

/** The ViewInput for the search box: full text, optionally one content type, newest first. */
export function viewInput(text, contentType, limit = 10) {
  const filter = {};
  if (text.trim() !== '') filter.FullTextCriterion = text.trim();
  if (contentType !== '') filter.ContentTypeIdentifierCriterion = contentType;
  return {
    ViewInput: {
      identifier: 'demo-search',
      ContentQuery: { Filter: filter, limit, offset: 0, SortClauses: { DatePublished: 'descending' } },
    },
  };
}

export async function search() {
  const text = $('demo-search-text').value;
  const type = $('demo-search-type').value;
  const { csrfToken } = sessionStore.read();
  const ex = await request({
    method: 'POST',
    url: `${API}/views`,
    headers: {
      Accept: media('View'),
      'Content-Type': `${media('ViewInput')}; version=1.1`,
      // A POST with a session cookie needs the token, like any unsafe call.
      ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
    },
    body: JSON.stringify(viewInput(text, type)),
  });
  const result = ex.doc?.View?.Result;
  const hits = result?.searchHits?.searchHit ?? [];
  $('demo-search-status').textContent =
    ex.status === 200 ? `${result?.count ?? 0} found, ${hits.length} shown (${ex.status}).` : outcome(ex);
  $('demo-search-results').replaceChildren(
    ...hits.map((hit) => {
      const c = hit.value?.Content ?? {};
      const li = document.createElement('li');
      li.dataset.testid = 'demo-search-hit';
      li.textContent = `${c._id ?? '?'} · ${c.Name ?? '(no name)'}`;
      return li;
    }),
  );
  return ex.status;
}

/** REST reads a page like this makes, cycled through by the bulk control. */
const READS = [
  ['/', 'Root'],
  ['/content/objects/1', 'ContentInfo'],
  ['/content/objects/54', 'Content'],
  ['/content/locations/1/2', 'Location'],
  ['/content/locations/1/2/children', 'LocationList'],
  ['/content/types/2', 'ContentType'],
  ['/content/sections', 'SectionList'],
  ['/user/users/14', 'User'],
];

/** The i-th read of a run: same list whoever runs it, so runs can be compared. */
export const bulkRead = (i) => READS[i % READS.length];

/**
 * Makes `n` REST reads, 8 at a time (a browser's per-host limit is 6: this keeps it busy without
 * queueing thousands), reporting progress; the log only gets the summary.
 */
export async function makeCalls(n, concurrency = 8) {
  const status = $('demo-bulk-status');
  const started = performance.now();
  let next = 0;
  let done = 0;
  const counts = {};
  const worker = async () => {
    while (next < n) {
      const [path, type] = bulkRead(next++);
      const ex = await request({ url: API + path, headers: { Accept: media(type) }, quiet: true });
      counts[ex.status] = (counts[ex.status] ?? 0) + 1;
      done++;
      if (done % 250 === 0 || done === n) status.textContent = `${done} / ${n} calls…`;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const ms = Math.round(performance.now() - started);
  const summary = Object.entries(counts)
    .map(([s, c]) => `${c}× ${s === '0' ? 'ERR' : s}`)
    .join(', ');
  status.textContent = `${n} calls in ${ms} ms: ${summary}.`;
  status.dataset.done = String(n);
  return { n, ms, counts };
}
