/**
 * The inspector bench page: the real panel (App, its store, filter and virtualised list), fed
 * N synthetic eZ HAR entries through the same NetworkHost interface DevTools' log uses, with an
 * in-memory worker client. `window.bench` runs the measurements; scripts/bench/panel.ts drives it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Panel } from '../../../panel/App';
import type { HarRecord, NetworkHost } from '../../../panel/host';
import { TAB, fakeClient } from '../../../panel/testing/fakeClient';
import '../../../panel/panel.css';
import '../../../panel/inspector/inspector.css';
import { harBody, harEntry } from './har-gen';

const n = Number(new URLSearchParams(location.search).get('n') ?? '10000');
const capacity = Number(new URLSearchParams(location.search).get('capacity') ?? String(n));

let ingestStart = 0;
const network: NetworkHost = {
  // Made when asked, as DevTools hands a fresh log over: the page keeps no copy of its own, so
  // the heap figure is what the panel holds. The clock starts once the log is in hand.
  getHAR: async () => {
    const records: HarRecord[] = Array.from({ length: n }, (_, i) => ({
      entry: harEntry(i),
      getContent: async () => ({ text: harBody(i), encoding: null }),
    }));
    ingestStart = performance.now();
    return records;
  },
  onRequestFinished: () => () => undefined,
  onNavigated: () => () => undefined,
};

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
const count = (): string => document.querySelector('[data-testid="request-count"]')?.textContent ?? '';
const filterInput = (): HTMLInputElement =>
  document.querySelector('[data-testid="request-filter"]') as HTMLInputElement;
const applied = (): string | null =>
  document.querySelector('[data-testid="request-list"]')?.getAttribute('data-filter') ?? null;

/** Type into the filter as React sees typing: the native setter, then an input event. */
function type(value: string): void {
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  set?.call(filterInput(), value);
  filterInput().dispatchEvent(new Event('input', { bubbles: true }));
}

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => requestAnimationFrame(r));
}

const p95 = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;

declare global {
  interface Window {
    bench: {
      interactive(): Promise<number>;
      filter(queries: string[]): Promise<{ p95: number; max: number; samples: number }>;
      scroll(frames: number): Promise<{ p95: number; max: number }>;
    };
  }
}

window.bench = {
  async interactive() {
    await until(
      () => count().startsWith(`${n} / ${n}`) && document.querySelector('[data-testid="request-row"]') !== null,
    );
    await frame();
    return performance.now() - ingestStart;
  },
  async filter(queries) {
    const times: number[] = [];
    for (const q of queries) {
      for (let i = 1; i <= q.length; i++) {
        const text = q.slice(0, i);
        const list = document.querySelector('[data-testid="request-list"]') as HTMLElement;
        // Keystroke → the list committed for this text (its data-filter attribute) and laid out;
        // the wait for the next vsync is not the panel's cost, so it is not counted.
        const committed = new Promise<void>((resolve) => {
          const mo = new MutationObserver(() => {
            if (applied() !== text) return;
            mo.disconnect();
            resolve();
          });
          mo.observe(list, { attributes: true, attributeFilter: ['data-filter'] });
        });
        const t0 = performance.now();
        type(text);
        await committed;
        void list.getBoundingClientRect();
        times.push(performance.now() - t0);
        await frame();
      }
      type('');
      await until(() => applied() === '');
    }
    return { p95: p95(times), max: Math.max(...times), samples: times.length };
  },
  async scroll(frames) {
    const el = document.querySelector('.list-scroll') as HTMLElement;
    const times: number[] = [];
    let last = performance.now();
    for (let i = 0; i < frames; i++) {
      el.scrollTop += 400;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      times.push(now - last);
      last = now;
    }
    return { p95: p95(times), max: Math.max(...times) };
  },
};

const root = document.getElementById('root');
if (root === null) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Panel
      client={fakeClient().client}
      tabId={TAB}
      permissions={{ request: async () => true }}
      network={network}
      capacity={capacity}
    />
  </StrictMode>,
);
