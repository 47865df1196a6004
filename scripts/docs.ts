/**
 * `npm run docs [-- --out <dir>]`: builds the documentation site (default `site/`) from the bundled
 * specs. The work is in scripts/docs/; this file only parses arguments and prints the result.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildSite } from './docs/build-site.js';

const { values } = parseArgs({ options: { out: { type: 'string' } } });

try {
  const site = await buildSite({ outDir: values.out });
  const rel = path.relative(process.cwd(), site.outDir) || '.';
  for (const page of site.pages) console.log(`${path.join(rel, page.file).padEnd(28)} ${(page.bytes / 1024).toFixed(0).padStart(6)} KiB  ${page.title}`);
  for (const d of site.apis) {
    console.log(`${d.api.name}: ${d.operations.length} operations, ${d.inferred.parts.length} parts marked x-inferred, ${d.inferred.operations.length} inferred paths`);
  }
  console.log(`Open ${path.join(rel, 'index.html')}; every page works offline.`);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
