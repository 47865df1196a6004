/**
 * `npm run bench`: runs every benchmark of issue 7, writes reports/bench.json and prints the table.
 *
 *   --skip-pipeline (or BENCH_SKIP_PIPELINE=1)  skip timing `npm run generate` and the contract suite
 *   --out <file>                                 where to write the JSON (default reports/bench.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fullConfig } from './config.js';
import { runBench } from './harness.js';
import { fromRepo } from './paths.js';
import { formatTable } from './table.js';

const args = process.argv.slice(2);
const skipPipeline = args.includes('--skip-pipeline') || process.env.BENCH_SKIP_PIPELINE === '1';
const outIndex = args.indexOf('--out');
const out = path.resolve(outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : fromRepo('reports/bench.json'));

const report = await runBench({ ...fullConfig, pipeline: skipPipeline ? null : fullConfig.pipeline }, (line) => console.error(`bench: ${line}`));
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(formatTable(report));
console.log(`\nWrote ${path.relative(process.cwd(), out) || out}.`);
