import { defineConfig } from 'vitest/config';

// Two projects so `npm test` can run fast unit tests before the slower Prism-backed contract suite.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'contracts/support/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'contracts',
          include: ['contracts/**/*.contract.test.ts'],
          globalSetup: ['contracts/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
