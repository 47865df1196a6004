/**
 * Browser bundle size of each entry point: esbuild (bundle, minify, platform browser, format esm,
 * openapi-fetch included), then gzip at zlib's default level, as a CDN would serve it. The esbuild
 * metafile says which inputs the bytes come from.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from './paths.js';

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Minified bytes per input file, largest first (top 8). */
  largestInputs: Array<{ input: string; bytes: number }>;
}

/** Entry points: a module body that re-exports what a user would import. */
export const bundleEntries = {
  justifi: "export * from './src/justifi/index.ts';",
  payments: "export * from './src/payments/index.ts';",
  both: "export * as justifi from './src/justifi/index.ts';\nexport * as payments from './src/payments/index.ts';",
  openapi_fetch: "export * from 'openapi-fetch';\nexport { default } from 'openapi-fetch';",
} as const;

export type BundleName = keyof typeof bundleEntries;

async function bundle(contents: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const output = Object.values(result.metafile.outputs)[0]!;
  const largestInputs = Object.entries(output.inputs)
    .map(([input, info]) => ({ input, bytes: info.bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 8);
  return { minBytes: code.length, gzipBytes: gzipSync(code).length, largestInputs };
}

export async function measureBundles(): Promise<Record<BundleName, BundleSize>> {
  const out = {} as Record<BundleName, BundleSize>;
  for (const name of Object.keys(bundleEntries) as BundleName[]) out[name] = await bundle(bundleEntries[name]);
  return out;
}
