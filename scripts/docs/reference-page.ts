/**
 * One API's reference page: `redocly build-docs` on the bundle, with Redoc's script inlined and the
 * page made offline-safe. Redoc renders on the client from the embedded spec; the browser test is
 * what proves the result shows every operation.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { ApiEntry } from '../lib/apis.js';
import { runRedocly } from '../lib/redocly.js';
import { withLinksInDescriptions } from '../lib/spec-links.js';
import { loadBundle } from '../lib/spec-model.js';
import { makeOffline } from './offline.js';

const template = fileURLToPath(new URL('./reference-template.hbs', import.meta.url));

/** Redoc options. Showing the inferred markers lets a reader see them beside each schema and operation. */
const redocOptions = { showExtensions: ['x-inferred', 'x-inferred-path'] };

/** Builds `<outDir>/<api>.html` and returns its path. */
export function buildReferencePage(api: ApiEntry, outDir: string): string {
  const out = path.join(outDir, `${api.name}.html`);
  // Redocly writes the file itself; a stale page from an earlier build must not survive a failure.
  rmSync(out, { force: true });
  // Redoc renders no OpenAPI links, so the page is built from a copy of the bundle whose response
  // descriptions list them (scripts/lib/spec-links.ts).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-docs-'));
  const input = path.join(dir, `${api.name}.json`);
  writeFileSync(input, JSON.stringify(withLinksInDescriptions(loadBundle(api))));
  let result: ReturnType<typeof runRedocly>;
  try {
    result = runRedocly([
      'build-docs',
      input,
      '--inlineBundle',
      `--template=${template}`,
      `--title=${api.title} reference · payments-sdk`,
      `--openapi=${JSON.stringify(redocOptions)}`,
      `--output=${out}`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (result.status !== 0) {
    throw new Error(`redocly build-docs failed for ${api.name} (exit ${result.status}):\n${result.stderr || result.stdout}`);
  }
  writeFileSync(out, makeOffline(readFileSync(out, 'utf8'), `${api.name}.html`));
  return out;
}
