import { defineConfig } from 'vitest/config';

// Three projects: pure domain rules, database-backed server tests (PGlite, or PostgreSQL when
// DATABASE_URL is set) and browser tests in Debian's Chromium (`npm run test:browser`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Projects with different worker counts need their own group (vitest runs groups in order).
          sequence: { groupOrder: 0 },
          include: ['src/domain/**/*.test.ts', 'tests/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'db',
          sequence: { groupOrder: 1 },
          globalSetup: ['tests/helpers/global-setup.ts'],
          include: ['src/server/**/*.test.ts', 'tests/api/**/*.test.ts', 'tests/db/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Each test file opens its own database; two workers keep the 2-core machine responsive.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'browser',
          sequence: { groupOrder: 2 },
          globalSetup: ['tests/helpers/global-setup.ts'],
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 240_000,
          // A page can take seconds to show its data on a loaded machine: polls wait like locators do.
          expect: { poll: { timeout: 20_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
