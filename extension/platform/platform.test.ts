import { describe, expect, it } from 'vitest';
import { originPattern, hasHostPermission, requestHostPermission } from './permissions';
import { basicAuthResourceTypes } from './resource-types';
import { TARGET } from './browser';

describe('originPattern (match patterns carry no port)', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1/*'],
    ['https://cms.example.test', 'https://cms.example.test/*'],
    ['http://[::1]:8080', 'http://[::1]/*'],
  ])('%s -> %s', (origin, pattern) => expect(originPattern(origin)).toBe(pattern));
});

describe('basicAuthResourceTypes', () => {
  it('covers page requests of every kind in both browsers', () => {
    for (const t of ['chrome', 'firefox'] as const) {
      expect(basicAuthResourceTypes(t)).toEqual(
        expect.arrayContaining(['main_frame', 'sub_frame', 'xmlhttprequest', 'script', 'image', 'websocket', 'other']),
      );
    }
  });
  it('gives each browser only types it knows', () => {
    expect(basicAuthResourceTypes('firefox')).not.toContain('webtransport');
    expect(basicAuthResourceTypes('chrome')).not.toContain('beacon');
    expect(basicAuthResourceTypes('chrome')).not.toContain('json');
  });
});

describe('permissions outside a browser (the polyfill stand-in denies)', () => {
  it('answers false instead of throwing', async () => {
    expect(await hasHostPermission('http://127.0.0.1:8080')).toBe(false);
    expect(await requestHostPermission('http://127.0.0.1:8080')).toBe(false);
  });
  it('takes the target from the build-time define, not the user agent', () => {
    expect(TARGET).toBe(process.env.TARGET === 'firefox' ? 'firefox' : 'chrome');
  });
});
