/**
 * e2e: real browsers against the built extension (dist/) and the mock server on port 0.
 * One worker: the machine has 2 cores and every test runs its own browser.
 */
import { defineConfig } from 'playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  // E2E_OUTPUT_DIR: a private folder when several people run the suite in one checkout (a run
  // empties its output folder first, which pulls traces from under another run).
  outputDir: process.env.E2E_OUTPUT_DIR ?? '../test-results/e2e',
  use: {
    // Also covers the persistent context the fixtures launch with the extension loaded.
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});
