/**
 * `drift types`: is generated/ what the generator would write from spec/ today? The same check as
 * `npm run generate -- --check`, reused rather than repeated, so the two can never disagree.
 */
import path from 'node:path';
import { apis } from '../lib/apis.js';
import { findStale, generateApi } from '../lib/codegen.js';

export interface TypesResult {
  ok: boolean;
  /** One line: what is up to date, or which file is stale and how to fix it. */
  message: string;
}

/** Regenerates every API in memory and compares with generated/ on disk; stops at the first stale file. */
export async function checkGeneratedTypes(): Promise<TypesResult> {
  for (const api of apis) {
    const stale = findStale(api, await generateApi(api));
    if (stale) {
      return { ok: false, message: `types: ${stale} is out of date with ${path.dirname(api.spec)}/; run \`npm run generate\` and commit the result.` };
    }
  }
  return { ok: true, message: `types: generated/ matches spec/ for ${apis.map((a) => a.name).join(', ')}.` };
}
