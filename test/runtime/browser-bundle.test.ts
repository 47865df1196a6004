/**
 * Rule 11 (browser side): redacting `inspect` output must not pull `node:util` (or any Node
 * built-in) into browser bundles. Each public entry of src/ is bundled by esbuild for the browser
 * platform with nothing marked external, so a Node built-in anywhere in its imports fails the build.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../scripts/lib/apis.js';

const entries = ['src/index.ts', 'src/justifi/index.ts', 'src/payments/index.ts'];

describe('rule 11: the SDK stays a browser-safe bundle', () => {
  it.each(entries)('%s bundles for the browser with no Node built-in among its inputs', async (entry) => {
    const result = await build({ entryPoints: [fromRoot(entry)], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((p) => p.startsWith('node:') || /^(util|crypto|buffer|fs|path|http|https|stream)$/.test(p))).toEqual([]);
    // The redaction hook is there, keyed by the symbol Node's inspect looks up (no import needed).
    expect(result.outputFiles[0]!.text).toContain('nodejs.util.inspect.custom');
  });
});
