import { defineConfig } from 'vitest/config';

// Two projects, run together by `npm test` (one `vitest run`): fast unit tests and the Prism-backed
// contract suite.
//
// Workers: vitest's default is one fewer than the CPU count, which on a 2-core CI machine is a single
// worker. Most test files spend their time waiting on real servers and child processes (Prism, the
// sandbox, Chromium, Redocly), so three workers keep both cores busy.
//
// Unit files share their worker's module registry (`isolate: false`): every file would otherwise
// re-import and re-parse the bundled specs and recompile the same Ajv validators, which costs more
// than the tests themselves. Files must therefore restore any global they change (see
// test/support/browser-globals.ts) and keep their state in their own scope.
export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'contracts/support/**/*.test.ts'],
          testTimeout: 30_000,
          isolate: false,
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
