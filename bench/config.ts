/** How much work each benchmark does. `fullConfig` is `npm run bench`; `tinyConfig` is for the harness test. */
import { defaultPipeline, type PipelineOptions } from './pipeline.js';
import type { SandboxBenchConfig } from './sandbox-bench.js';

export interface CallRoundsConfig {
  /** Measured rounds (one batch per variant per round, interleaved). */
  rounds: number;
  /** Calls per batch. */
  calls: number;
  /** Untimed calls per variant before the first round. */
  warmupCalls: number;
}

export interface BenchConfig {
  /** Per-call overhead, sequential. */
  sequential: CallRoundsConfig;
  /** Per-call overhead with `concurrency` calls in flight. */
  concurrent: CallRoundsConfig & { concurrency: number };
  /** Our SDK against `@justifi/justifi-node`, sequential. */
  peer: CallRoundsConfig;
  pagination: { items: number; limit: number; runs: number; warmupItems: number; gcEveryPages: number };
  /** Sandbox throughput against Prism's mock, and the sandbox's heap per stored payment (issue 12). */
  sandbox: SandboxBenchConfig;
  /** Fresh processes that each time building a JustiFi and a Payments API sandbox. */
  sandboxBuildRuns: number;
  /** `null`: skip the pipeline timings (they take about a minute and a half). */
  pipeline: PipelineOptions | null;
}

export const fullConfig: BenchConfig = {
  sequential: { rounds: 25, calls: 80, warmupCalls: 300 },
  concurrent: { rounds: 25, calls: 128, warmupCalls: 320, concurrency: 32 },
  peer: { rounds: 25, calls: 60, warmupCalls: 200 },
  pagination: { items: 100_000, limit: 100, runs: 2, warmupItems: 5_000, gcEveryPages: 20 },
  sandbox: { rounds: 3, durationMs: 4_000, warmupMs: 1_500, concurrency: 32, heapPayments: 10_000 },
  sandboxBuildRuns: 5,
  pipeline: defaultPipeline,
};

/** A few calls and a few pages: proves the harness works, measures nothing worth reading. */
export const tinyConfig: BenchConfig = {
  sequential: { rounds: 2, calls: 3, warmupCalls: 2 },
  concurrent: { rounds: 2, calls: 8, warmupCalls: 4, concurrency: 4 },
  peer: { rounds: 2, calls: 2, warmupCalls: 1 },
  pagination: { items: 250, limit: 100, runs: 1, warmupItems: 100, gcEveryPages: 1 },
  sandbox: { rounds: 1, durationMs: 150, warmupMs: 50, concurrency: 4, heapPayments: 20 },
  sandboxBuildRuns: 1,
  pipeline: { generate: { argv: [process.execPath, '-e', ''] }, contracts: { argv: [process.execPath, '-e', ''] } },
};
