/**
 * Browser bundle size of each entry point: esbuild (bundle, minify, platform browser, format esm,
 * openapi-fetch included), then gzip at zlib's default level, as a CDN would serve it. The esbuild
 * metafile says which inputs the bytes come from.
 *
 * The `*_one_call` entries are what an app that creates one client and calls one method ships.
 * Their method signatures are types only, so the one part that grows with the number of
 * operations is the generated method table: it is measured by bundling the same entry again with
 * the table emptied (`methodTableGzipBytes`).
 */
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { sdkMethods as justifiMethods } from '../generated/justifi-v1.sdk.js';
import { sdkMethods as paymentsMethods } from '../generated/payments-v1.3.sdk.js';
import { repoRoot } from './paths.js';

export interface BundleSize {
  minBytes: number;
  gzipBytes: number;
  /** Minified bytes per input file, largest first (top 8). */
  largestInputs: Array<{ input: string; bytes: number }>;
  /** One-call entries: gzip bytes the generated method table adds, and the methods in it. */
  methodTable?: { gzipBytes: number; methods: number };
}

/** Entry points: a module body that re-exports what a user would import. */
export const bundleEntries = {
  justifi: "export * from './src/justifi/index.ts';",
  payments: "export * from './src/payments/index.ts';",
  both: "export * as justifi from './src/justifi/index.ts';\nexport * as payments from './src/payments/index.ts';",
  justifi_one_call: "import { createJustifiClient } from './src/justifi/index.ts';\nexport const fetchPayment = (id: string) => createJustifiClient({ clientId: 'test_app', clientSecret: 'secret' }).payments.get(id);",
  payments_one_call: "import { createPaymentsClient } from './src/payments/index.ts';\nexport const fetchIntent = (id: string) => createPaymentsClient({ apiKey: 'app_api_key_00' }).paymentIntents.get(id);",
  openapi_fetch: "export * from 'openapi-fetch';\nexport { default } from 'openapi-fetch';",
} as const;

export type BundleName = keyof typeof bundleEntries;

const methodCount = (table: Record<string, Record<string, unknown>>) => Object.values(table).reduce((n, methods) => n + Object.keys(methods).length, 0);
const oneCallTables: Partial<Record<BundleName, number>> = { justifi_one_call: methodCount(justifiMethods), payments_one_call: methodCount(paymentsMethods) };

/** Replaces every generated SDK module with empty tables, keeping the rest of the bundle as it is. */
const emptyMethodTables: Plugin = {
  name: 'empty-method-tables',
  setup(b) {
    b.onLoad({ filter: /generated[\\/][^\\/]+\.sdk\.ts$/ }, () => ({ contents: 'export const sdkMethods = {};\nexport const methodByOperationId = {};', loader: 'ts' }));
  },
};

async function bundle(contents: string, plugins: Plugin[] = []): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, sourcefile: 'bench-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins,
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
  for (const name of Object.keys(bundleEntries) as BundleName[]) {
    out[name] = await bundle(bundleEntries[name]);
    const methods = oneCallTables[name];
    if (methods !== undefined) {
      const withoutTable = await bundle(bundleEntries[name], [emptyMethodTables]);
      out[name].methodTable = { gzipBytes: out[name].gzipBytes - withoutTable.gzipBytes, methods };
    }
  }
  return out;
}
