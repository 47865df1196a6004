/**
 * `npm run generate`: lint every spec (recommended-strict plus the x-sdk-method rules, zero
 * problems), bundle it into generated/<api>.yaml, generate generated/<api>.d.ts with
 * openapi-typescript, the SDK namespaces and method table generated/<api>.sdk.ts, and the
 * body-optionality type test test/types/<api>.sdk-bodies.ts.
 *
 * `npm run generate -- --check` writes nothing: it regenerates in memory and exits 1 with a
 * one-line reason when a generated file is stale (lint runs separately in `npm test`).
 */
import path from 'node:path';
import { apis } from './lib/apis.js';
import { findStale, generateApi, lintSpec, writeGenerated } from './lib/codegen.js';

const check = process.argv.includes('--check');

async function main(): Promise<number> {
  for (const api of apis) {
    if (!check) {
      const lint = lintSpec(api);
      if (!lint.ok) {
        console.error(lint.report);
        console.error(`generate: ${api.spec} has lint problems; fix them first.`);
        return 1;
      }
    }
    const fresh = await generateApi(api);
    if (check) {
      const stale = findStale(api, fresh);
      if (stale) {
        console.error(`generate --check: ${stale} is out of date with ${path.dirname(api.spec)}/; run \`npm run generate\`.`);
        return 1;
      }
      continue;
    }
    for (const file of writeGenerated(api, fresh)) console.log(`generate: wrote ${file}`);
  }
  if (check) console.log(`generate --check: generated files are up to date for ${apis.map((a) => a.name).join(', ')}.`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
