/**
 * The runtime matrix: the packed SDK installed into a consumer app, the smoke scenario run in each
 * runtime against one local API server, each judged on the server's record. Runtimes run one after
 * another (the machine is small and the output stays in order), each with its own time limit.
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { fromRoot } from '../lib/apis.js';
import { type ApiServer, smokeCredentials, startApiServer } from './api-server.js';
import { installPackedSdk } from './consumer.js';
import type { Runner, RunOutcome } from './runner.js';
import { edgeRuntime, workerd } from './runners/bundled.js';
import { chromium } from './runners/chromium.js';
import { bun, deno, nodeCjs, nodeEsm } from './runners/processes.js';
import { judge } from './verdict.js';

export const runners: Runner[] = [nodeEsm, nodeCjs, bun, deno, workerd, edgeRuntime, chromium];

export interface RuntimeResult {
  runner: Runner;
  outcome: RunOutcome;
  /** Empty when the runtime passed. */
  problems: string[];
  ms: number;
}

export interface App {
  /** The consumer project: the installed tarball, the compiled scenario and the hosts. */
  dir: string;
  /** Scratch space for runtime caches (Deno's DENO_DIR, Bun's cache). */
  scratch: string;
  remove(): void;
}

/** Builds, packs and installs the SDK into a consumer app, with the scenario and the hosts beside it. */
export async function prepareApp(): Promise<App> {
  const consumer = installPackedSdk({ prefix: 'payments-sdk-runtimes-', type: 'module' });
  try {
    // The scenario imports only types; a transpile (no bundle) leaves it loading nothing but what it is handed.
    await build({ entryPoints: [fromRoot('scripts/runtimes/scenario.ts')], outfile: path.join(consumer.project, 'scenario.js'), format: 'esm', target: 'es2022', logLevel: 'warning' });
    const hosts = fromRoot('scripts/runtimes/hosts');
    for (const file of readdirSync(hosts)) cpSync(path.join(hosts, file), path.join(consumer.project, file));
    const scratch = path.join(path.dirname(consumer.project), 'scratch');
    mkdirSync(scratch);
    return { dir: consumer.project, scratch, remove: consumer.remove };
  } catch (error) {
    consumer.remove();
    throw error;
  }
}

function withTimeout(work: Promise<RunOutcome>, ms: number): Promise<RunOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<RunOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ version: 'unknown', failure: `no result within ${ms / 1000} s` }), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Runs one runtime against the server and judges it. */
export async function runRuntime(runner: Runner, app: App, server: ApiServer, timeoutMs: number): Promise<RuntimeResult> {
  const base = `${server.url}/${runner.id}`;
  const config = { justifiUrl: `${base}/justifi`, paymentsUrl: `${base}/payments`, webhooksUrl: `${base}/webhooks`, ...smokeCredentials };
  const scratch = path.join(app.scratch, runner.id);
  mkdirSync(scratch, { recursive: true });
  const started = performance.now();
  const outcome = await withTimeout(
    runner.run({ app: app.dir, config, scratch, timeoutMs }).catch((error: unknown) => ({ version: 'unknown', failure: `runner crashed: ${String(error)}` })),
    timeoutMs + 30_000,
  );
  const ms = performance.now() - started;
  return { runner, outcome, problems: judge(runner, outcome, server.requests(runner.id), runner.id), ms };
}

/** Runs every runtime (or those named in `only`) on `app`, reporting each result as it comes. */
export async function runMatrix(options: { app: App; only?: string[] | undefined; timeoutMs?: number; onResult(result: RuntimeResult): void }): Promise<RuntimeResult[]> {
  const { app } = options;
  const selected = options.only?.length ? runners.filter((r) => options.only!.includes(r.id)) : runners;
  const server = await startApiServer();
  const results: RuntimeResult[] = [];
  try {
    for (const runner of selected) {
      const result = await runRuntime(runner, app, server, options.timeoutMs ?? 60_000);
      results.push(result);
      options.onResult(result);
    }
  } finally {
    await server.close();
  }
  return results;
}
