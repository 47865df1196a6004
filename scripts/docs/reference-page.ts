/**
 * One API's reference page: `redocly build-docs` on the bundle, with Redoc's script inlined and the
 * page made offline-safe. Redoc renders on the client from the embedded spec; the browser test is
 * what proves the result shows every operation.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { type ApiEntry, fromRoot } from '../lib/apis.js';
import { runRedocly } from '../lib/redocly.js';
import { makeOffline } from './offline.js';

const template = fileURLToPath(new URL('./reference-template.hbs', import.meta.url));

/** Redoc options. Showing the inferred markers lets a reader see them beside each schema and operation. */
const redocOptions = { showExtensions: ['x-inferred', 'x-inferred-path'] };

/** Builds `<outDir>/<api>.html` and returns its path. */
export function buildReferencePage(api: ApiEntry, outDir: string): string {
  const out = path.join(outDir, `${api.name}.html`);
  // Redocly writes the file itself; a stale page from an earlier build must not survive a failure.
  rmSync(out, { force: true });
  const result = runRedocly([
    'build-docs',
    fromRoot(api.bundle),
    '--inlineBundle',
    `--template=${template}`,
    `--title=${api.title} reference · payments-sdk`,
    `--openapi=${JSON.stringify(redocOptions)}`,
    `--output=${out}`,
  ]);
  if (result.status !== 0) {
    throw new Error(`redocly build-docs failed for ${api.name} (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  writeFileSync(out, makeOffline(readFileSync(out, 'utf8'), `${api.name}.html`));
  return out;
}
