/**
 * `npm run test:runtimes`: the smoke scenario in every runtime the SDK claims, on the packed
 * package, one line per runtime (name, version, result). Exits non-zero when any runtime fails,
 * including one that cannot start.
 *
 *   npm run test:runtimes                       # all of them
 *   npm run test:runtimes -- --only deno,bun    # some, by id
 */
import { parseArgs } from 'node:util';
import { prepareApp, runMatrix, type RuntimeResult, runners } from './runtimes/matrix.js';
import { stepNames } from './runtimes/scenario.js';

const { values } = parseArgs({ options: { only: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`usage: npm run test:runtimes [-- --only ${runners.map((r) => r.id).join(',')}]`);
  process.exit(0);
}

const columns = [24, 58];
const row = (...cells: string[]) => cells.map((cell, i) => (i < columns.length ? cell.padEnd(columns[i]!) : cell)).join(' ').trimEnd();

function line({ runner, outcome, problems, ms }: RuntimeResult): string {
  const result = problems.length ? `FAIL: ${problems.join('; ')}` : `pass (${stepNames.length} steps, ${(ms / 1000).toFixed(1)} s)`;
  return row(runner.name, outcome.version, result);
}

async function main(): Promise<number> {
  const started = performance.now();
  const only = values.only?.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only?.filter((id) => !runners.some((r) => r.id === id)) ?? [];
  if (unknown.length) throw new Error(`unknown runtime ${unknown.join(', ')}; known: ${runners.map((r) => r.id).join(', ')}`);
  const app = await prepareApp();
  console.log(`consumer app (build, npm pack, npm install of the tarball) ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`smoke steps: ${stepNames.join(', ')}`);
  console.log(row('runtime', 'version', 'result'));
  let results: RuntimeResult[];
  try {
    results = await runMatrix({ only, app, onResult: (r) => console.log(line(r)) });
  } finally {
    app.remove();
  }
  const failed = results.filter((r) => r.problems.length).length;
  console.log(`test:runtimes took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`runtimes: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`test:runtimes: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
