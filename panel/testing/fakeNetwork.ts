/** A fake `devtools.network` for tests: a HAR log to back-fill, and requests finishing on demand. */
import type { HarRecord, NetworkHost } from '../host';

export interface FakeNetwork {
  host: NetworkHost;
  finish(entry: unknown, body?: string | null): void;
  navigate(url: string): void;
  /** how often a body was asked of DevTools */
  contentCalls: number;
}

export function harEntry(
  url: string,
  over: {
    method?: string;
    status?: number;
    at?: number;
    mimeType?: string;
    type?: string;
    headers?: Array<{ name: string; value: string }>;
  } = {},
): unknown {
  return {
    startedDateTime: new Date(over.at ?? 1_000_000).toISOString(),
    time: 12,
    _resourceType: over.type ?? 'fetch',
    request: { method: over.method ?? 'GET', url, headers: over.headers ?? [] },
    response: {
      status: over.status ?? 200,
      statusText: 'OK',
      headers: over.mimeType ? [{ name: 'Content-Type', value: over.mimeType }] : [],
      content: { size: 10, mimeType: (over.mimeType ?? '').toLowerCase() },
    },
  };
}

export function fakeNetwork(initial: Array<{ entry: unknown; body?: string | null }> = []): FakeNetwork {
  const finished = new Set<(r: HarRecord) => void>();
  const navigated = new Set<(url: string) => void>();
  const fake: FakeNetwork = {
    contentCalls: 0,
    host: {
      getHAR: async () => initial.map((i) => record(i.entry, i.body)),
      onRequestFinished: (l) => (finished.add(l), () => finished.delete(l)),
      onNavigated: (l) => (navigated.add(l), () => navigated.delete(l)),
    },
    finish: (entry, body = '{}') => finished.forEach((l) => l(record(entry, body))),
    navigate: (url) => navigated.forEach((l) => l(url)),
  };
  function record(entry: unknown, body: string | null = '{}'): HarRecord {
    return {
      entry,
      getContent: async () => {
        fake.contentCalls++;
        return { text: body, encoding: null };
      },
    };
  }
  return fake;
}
