/**
 * happy-dom lays nothing out: every element is 0×0, so a virtualiser (which reads the scroll
 * element's clientWidth/clientHeight) renders no row. Tests of virtualised views give elements
 * a size, as a 800×600 panel, for the time of the test file.
 */
import { afterAll, beforeAll } from 'vitest';

export function withLayout(width = 800, height = 600): void {
  const proto = HTMLElement.prototype;
  const saved = ['clientWidth', 'clientHeight'].map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const);
  beforeAll(() => {
    Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
    Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  });
  afterAll(() => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(proto, k, d);
      else delete (proto as unknown as Record<string, unknown>)[k];
    }
  });
}
