/**
 * Runtimes that take one bundled script, as their deploy tools produce it: Cloudflare Workers
 * (wrangler bundles with esbuild for the `workerd`/`worker`/`browser` conditions; run here in
 * workerd through Miniflare) and Vercel's Edge Runtime (bundled for `edge-light`; run in the
 * `edge-runtime` package's VM). Both are driven in this process through their JavaScript APIs.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { build, type Format } from 'esbuild';
import { EdgeRuntime } from 'edge-runtime';
import { Miniflare } from 'miniflare';
import { fromRoot } from '../../lib/apis.js';
import type { RunContext, Runner, RunOutcome } from '../runner.js';
import type { SmokeReport } from '../scenario.js';

const require = createRequire(import.meta.url);
const packageVersion = (name: string) => (require(fromRoot(`node_modules/${name}/package.json`)) as { version: string }).version;

/** The host bundled with the installed SDK; `loadedFrom` is the SDK entry esbuild resolved. */
async function bundle(context: RunContext, host: string, format: Format, conditions: string[]): Promise<{ code: string; loadedFrom?: string | undefined }> {
  const result = await build({
    entryPoints: [path.join(context.app, host)],
    bundle: true,
    write: false,
    metafile: true,
    format,
    platform: 'neutral',
    conditions,
    mainFields: ['browser', 'module', 'main'],
    logLevel: 'silent',
  });
  const loadedFrom = Object.keys(result.metafile.inputs).find((input) => /node_modules\/payments-sdk\/dist\/[a-z]+\/src\/justifi\/index\.js$/.test(input));
  return { code: result.outputFiles[0]!.text, loadedFrom };
}

/** A POST of the run's config to the runtime's fetch handler, answered by the smoke report. */
async function askForReport(dispatch: () => Promise<{ status: number; text(): Promise<string> }>): Promise<{ report: SmokeReport } | { failure: string }> {
  const response = await dispatch();
  const text = await response.text();
  if (response.status !== 200) return { failure: `handler answered ${response.status}: ${text.slice(0, 300)}` };
  return { report: JSON.parse(text) as SmokeReport };
}

const failed = (version: string, error: unknown): RunOutcome => ({ version, failure: `cannot run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });

export const workerd: Runner = {
  id: 'workerd',
  name: 'workerd (Miniflare)',
  build: 'esm',
  checkIdentity: (identity) => (identity.evidence.userAgent === 'Cloudflare-Workers' && identity.evidence.hasProcess === false ? undefined : `not a Worker without nodejs_compat: ${JSON.stringify(identity.evidence)}`),
  async run(context) {
    let version = 'unknown';
    let miniflare: Miniflare | undefined;
    try {
      const { compatibilityDate } = require('workerd') as { compatibilityDate: string };
      version = `workerd ${packageVersion('workerd')} (Miniflare ${packageVersion('miniflare')})`;
      const { code, loadedFrom } = await bundle(context, 'worker.js', 'esm', ['workerd', 'worker', 'browser']);
      // The newest compatibility date this workerd supports, as a new Worker would use; no nodejs_compat.
      miniflare = new Miniflare({ modules: true, script: code, compatibilityDate });
      const mf = miniflare;
      const outcome = await askForReport(() => mf.dispatchFetch('http://smoke.local/', { method: 'POST', body: JSON.stringify(context.config) }));
      return { version, loadedFrom, ...outcome };
    } catch (error) {
      return failed(version, error);
    } finally {
      await miniflare?.dispose();
    }
  },
};

export const edgeRuntime: Runner = {
  id: 'edge-runtime',
  name: 'Vercel Edge Runtime',
  build: 'esm',
  checkIdentity: (identity) => (identity.evidence.EdgeRuntime === 'edge-runtime' && identity.evidence.hasProcess === false ? undefined : `not the Edge Runtime VM: ${JSON.stringify(identity.evidence)}`),
  async run(context) {
    const version = `edge-runtime ${packageVersion('edge-runtime')} (@edge-runtime/vm ${packageVersion('@edge-runtime/vm')})`;
    try {
      const { code, loadedFrom } = await bundle(context, 'edge.js', 'iife', ['edge-light', 'worker', 'browser']);
      const runtime = new EdgeRuntime({ initialCode: code });
      const outcome = await askForReport(() => runtime.dispatchFetch('http://smoke.local/', { method: 'POST', body: JSON.stringify(context.config) }));
      return { version, loadedFrom, ...outcome };
    } catch (error) {
      return failed(version, error);
    }
  },
};
