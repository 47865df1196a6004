/**
 * Runs every benchmark in order and gathers the raw results: bundle sizes first (no I/O), then the
 * HTTP benchmarks against one server process, the pagination child against the same server, and
 * the pipeline last, once nothing else is running.
 */
import { measureBundles } from './bundle.js';
import { forkBench } from './child.js';
import { createClients } from './clients.js';
import type { BenchConfig, CallRoundsConfig } from './config.js';
import { loadAverage } from './machine.js';
import { type Call, runRounds, type Series } from './measure.js';
import type { PaginationOptions, PaginationResult } from './pagination.js';
import { measurePipeline } from './pipeline.js';
import { buildReport, type BenchReport } from './report.js';
import { runSandboxBench, type SandboxBenchResult } from './sandbox-bench.js';
import { runSandboxBuildBench, type SandboxBuildResult } from './sandbox-build.js';

/** µs-per-call samples (wall and CPU) of each variant, one per round. */
export type Samples = Record<string, Series>;

export interface RawResults {
  overhead: Record<'justifi_get' | 'payments_get', Record<'sequential' | 'concurrent', Samples>>;
  peer: { get: Samples; list: Samples };
  pagination: PaginationResult;
  sandbox: SandboxBenchResult;
  sandboxBuild: SandboxBuildResult;
  bundles: Awaited<ReturnType<typeof measureBundles>>;
  pipeline: Awaited<ReturnType<typeof measurePipeline>> | null;
}

function rounds(variants: Record<string, Call>, config: CallRoundsConfig, concurrency = 1): Promise<Samples> {
  return runRounds(
    Object.entries(variants).map(([name, call]) => ({ name, call })),
    { ...config, concurrency },
  );
}

/** Runs the benchmarks described by `config`; `log` receives one line per stage. */
export async function runBench(config: BenchConfig, log: (line: string) => void = () => {}): Promise<BenchReport> {
  const started = performance.now();
  const startedAt = new Date();
  const loadAverage1m = loadAverage();

  log('bundle sizes (esbuild, minify, gzip)…');
  const bundles = await measureBundles();

  const server = forkBench<{ url: string }>('server-process.ts', { listTotal: config.pagination.items });
  let overhead: RawResults['overhead'];
  let peer: RawResults['peer'];
  let pagination: PaginationResult;
  try {
    const { url } = await server.message;
    const clients = await createClients(url);
    const { sequential, concurrent } = config;
    log(`per-call overhead, sequential (${sequential.rounds} rounds × ${sequential.calls} calls)…`);
    const justifiSeq = await rounds(clients.justifiGet, sequential);
    const paymentsSeq = await rounds(clients.paymentsGet, sequential);
    log(`per-call overhead, ${concurrent.concurrency} concurrent (${concurrent.rounds} rounds × ${concurrent.calls} calls)…`);
    const justifiConc = await rounds(clients.justifiGet, concurrent, concurrent.concurrency);
    const paymentsConc = await rounds(clients.paymentsGet, concurrent, concurrent.concurrency);
    overhead = {
      justifi_get: { sequential: justifiSeq, concurrent: justifiConc },
      payments_get: { sequential: paymentsSeq, concurrent: paymentsConc },
    };

    log(`peer SDK @justifi/justifi-node (${config.peer.rounds} rounds × ${config.peer.calls} calls)…`);
    peer = {
      get: await rounds({ sdk: clients.peer.sdkGet, justifi_node: clients.peer.peerGet, raw_fetch: clients.justifiGet.raw_fetch }, config.peer),
      list: await rounds({ sdk: clients.peer.sdkList, justifi_node: clients.peer.peerList }, config.peer),
    };

    log(`auto-pagination over ${config.pagination.items} items (child process, --expose-gc)…`);
    const child = forkBench<PaginationResult>('pagination-process.ts', { origin: url, ...config.pagination } satisfies PaginationOptions, ['--expose-gc']);
    try {
      pagination = await child.message;
    } finally {
      await child.stop();
    }
  } finally {
    await server.stop();
  }

  // The sandbox and Prism each run in their own process; the load generator is this one.
  const sandbox = await runSandboxBench(config.sandbox, log);
  const sandboxBuild = await runSandboxBuildBench(config.sandboxBuildRuns, log);

  let pipeline: RawResults['pipeline'] = null;
  if (config.pipeline) {
    log('pipeline: npm run generate, then the contract suite (in a copy of the tree)…');
    pipeline = await measurePipeline(config.pipeline);
  } else {
    log('pipeline: skipped');
  }

  return buildReport({ overhead, peer, pagination, sandbox, sandboxBuild, bundles, pipeline }, config, {
    startedAt,
    wallSeconds: (performance.now() - started) / 1000,
    loadAverage1m,
  });
}
