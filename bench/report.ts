/**
 * Turns raw samples into reports/bench.json: medians (µs per call), median ratios ours / theirs
 * (below 1 = we are faster) with their quartiles, and the targets (targets.ts) with a verdict.
 * A ratio is paired per round (see measure.ts); the headline per-call ratios are the worse of the
 * two operations, since each target must hold for both.
 */
import type { BenchConfig } from './config.js';
import type { RawResults, Samples } from './harness.js';
import { cpuCores, describeMachine } from './machine.js';
import { median, pairedRatio, type RatioSummary, round } from './measure.js';
import { defaultListLimit } from './server.js';
import { checkTargets, type TargetCheck } from './targets.js';

export interface ModeDetail {
  /** Median wall-clock µs per call of each variant. */
  us_per_call: Record<string, number>;
  /** Median client CPU µs per call of each variant. */
  cpu_us_per_call: Record<string, number>;
  sdk_vs_openapi_fetch: RatioSummary;
  sdk_vs_raw_fetch: RatioSummary;
  cpu_sdk_vs_openapi_fetch: RatioSummary;
  cpu_sdk_vs_raw_fetch: RatioSummary;
}

export interface PeerDetail {
  us_per_call: Record<string, number>;
  cpu_us_per_call: Record<string, number>;
  vs_justifi_node: RatioSummary;
  cpu_vs_justifi_node: RatioSummary;
}

export interface BenchReport {
  overhead: {
    sdk_vs_openapi_fetch: number;
    sdk_vs_raw_fetch: number;
    concurrent_sdk_vs_openapi_fetch: number;
    concurrent_sdk_vs_raw_fetch: number;
    concurrency: number;
    operations: Record<'justifi_get' | 'payments_get', { call: string; sequential: ModeDetail; concurrent: ModeDetail }>;
  };
  peer: {
    get_vs_justifi_node: number;
    list_vs_justifi_node: number;
    /** Items per listed page: neither client sends `limit`, so the server's default. */
    list_limit: number;
    get: PeerDetail & { justifi_node_vs_raw_fetch: RatioSummary };
    list: PeerDetail;
  };
  pagination: {
    items_per_s: number;
    /** Peak live heap growth (full GC every few pages): what the iterator retains. */
    heap_growth_mb: number;
    raw_fetch_items_per_s: number;
    /** Time ratio ours / raw fetch cursor loop. */
    sdk_vs_raw_fetch: number;
    /** Client CPU per item, ours / raw fetch loop. */
    cpu_sdk_vs_raw_fetch: number;
    /** `JSON.parse` of full pages alone, in items/s: the ceiling for any client here. */
    json_parse_only_items_per_s: number;
    /** Peak heapUsed growth sampled per page without forced GC: includes young garbage. */
    heap_growth_raw_peak_mb: number;
    raw_fetch_heap_growth_raw_peak_mb: number;
    one_page_heap_mb: number;
    items: number;
    page_limit: number;
    gc_every_pages: number;
    gc_exposed: boolean;
  };
  /** The JustiFi sandbox against Prism's mock of the same operation, same run, same machine (issue 12). */
  sandbox: {
    get_payment: SandboxThroughput;
    create_payment: SandboxThroughput;
    /** Live heap (after full GC) added by 10,000 stored payments, each with its payment method, balance transactions and idempotency record. */
    heap_mb_per_10k_payments: number;
    heap_gc_exposed: boolean;
    concurrency: number;
    rounds: string;
  };
  /**
   * Building a sandbox in a fresh process (what each test file pays), in ms, medians over `runs`
   * processes: the first and a second JustiFi and Payments API sandbox, and the first three
   * requests to the JustiFi one (token, create and get a payment), which compile their operations.
   */
  sandbox_build_ms: { justifi: number; payments: number; second_justifi: number; second_payments: number; first_requests: number; runs: number };
  bundle_gzip_bytes: { justifi: number; payments: number; both: number; justifi_one_call: number; payments_one_call: number; openapi_fetch: number };
  bundle_min_bytes: { justifi: number; payments: number; both: number; justifi_one_call: number; payments_one_call: number; openapi_fetch: number };
  /** What the generated method table adds to a one-call bundle (gzip), and how many methods it holds. */
  bundle_method_table: { justifi: { gzip_bytes: number; methods: number }; payments: { gzip_bytes: number; methods: number } };
  bundle_largest_inputs: { justifi: Array<{ input: string; bytes: number }>; payments: Array<{ input: string; bytes: number }> };
  pipeline_s: { generate: number | null; contracts: number | null };
  pipeline_exit_codes: { generate: number | null; contracts: number | null };
  targets: TargetCheck[];
  rounds: { sequential: string; concurrent: string; peer: string };
  measured_at: string;
  machine: string;
  cpu_cores: number;
  /** 1-minute load average when the run started: other work on the machine adds noise. */
  load_average_1m: number;
  bench_wall_s: number;
}

export interface SandboxThroughput {
  /** Median requests/s over the rounds. */
  sandbox_rps: number;
  prism_rps: number;
  /** Median of the per-round ratios sandbox / Prism (above 1 = the sandbox is faster). */
  vs_prism: number;
  /** Requests/s of each round, for the spread. */
  sandbox_rounds: number[];
  prism_rounds: number[];
}

const r3 = (x: number) => round(x, 3);

function throughput(pair: { sandbox: number[]; prism: number[] }): SandboxThroughput {
  return {
    sandbox_rps: Math.round(median(pair.sandbox)),
    prism_rps: Math.round(median(pair.prism)),
    vs_prism: r3(median(pair.sandbox.map((s, i) => s / pair.prism[i]!))),
    sandbox_rounds: pair.sandbox.map(Math.round),
    prism_rounds: pair.prism.map(Math.round),
  };
}
const buildMedian = (samples: RawResults['sandboxBuild'], key: keyof RawResults['sandboxBuild'][number]) => round(median(samples.map((s) => s[key])), 1);
const ratio3 = (s: RatioSummary): RatioSummary => ({ median: r3(s.median), p25: r3(s.p25), p75: r3(s.p75) });

function medians(samples: Samples, clock: 'wall' | 'cpu'): Record<string, number> {
  return Object.fromEntries(Object.entries(samples).map(([name, series]) => [name, round(median(series[clock]), 1)]));
}

/** Paired ratio of two variants' samples on one clock. */
function ratio(samples: Samples, ours: string, theirs: string, clock: 'wall' | 'cpu'): RatioSummary {
  return ratio3(pairedRatio(samples[ours]![clock], samples[theirs]![clock]));
}

function mode(samples: Samples): ModeDetail {
  return {
    us_per_call: medians(samples, 'wall'),
    cpu_us_per_call: medians(samples, 'cpu'),
    sdk_vs_openapi_fetch: ratio(samples, 'sdk', 'openapi_fetch', 'wall'),
    sdk_vs_raw_fetch: ratio(samples, 'sdk', 'raw_fetch', 'wall'),
    cpu_sdk_vs_openapi_fetch: ratio(samples, 'sdk', 'openapi_fetch', 'cpu'),
    cpu_sdk_vs_raw_fetch: ratio(samples, 'sdk', 'raw_fetch', 'cpu'),
  };
}

export function buildReport(raw: RawResults, config: BenchConfig, run: { startedAt: Date; wallSeconds: number; loadAverage1m: number }): BenchReport {
  const justifi = { call: 'justifi.payments.get(id)', sequential: mode(raw.overhead.justifi_get.sequential), concurrent: mode(raw.overhead.justifi_get.concurrent) };
  const payments = { call: 'pay.paymentIntents.get(id)', sequential: mode(raw.overhead.payments_get.sequential), concurrent: mode(raw.overhead.payments_get.concurrent) };
  const worse = (pick: (op: typeof justifi) => RatioSummary) => Math.max(pick(justifi).median, pick(payments).median);
  const peerDetail = (samples: Samples): PeerDetail => ({
    us_per_call: medians(samples, 'wall'),
    cpu_us_per_call: medians(samples, 'cpu'),
    vs_justifi_node: ratio(samples, 'sdk', 'justifi_node', 'wall'),
    cpu_vs_justifi_node: ratio(samples, 'sdk', 'justifi_node', 'cpu'),
  });
  const peerGet = peerDetail(raw.peer.get);
  const peerList = peerDetail(raw.peer.list);
  const p = raw.pagination;
  const b = raw.bundles;
  const { sequential: seq, concurrent: conc, peer } = config;

  const report: Omit<BenchReport, 'targets'> = {
    overhead: {
      sdk_vs_openapi_fetch: worse((op) => op.sequential.sdk_vs_openapi_fetch),
      sdk_vs_raw_fetch: worse((op) => op.sequential.sdk_vs_raw_fetch),
      concurrent_sdk_vs_openapi_fetch: worse((op) => op.concurrent.sdk_vs_openapi_fetch),
      concurrent_sdk_vs_raw_fetch: worse((op) => op.concurrent.sdk_vs_raw_fetch),
      concurrency: conc.concurrency,
      operations: { justifi_get: justifi, payments_get: payments },
    },
    peer: {
      get_vs_justifi_node: peerGet.vs_justifi_node.median,
      list_vs_justifi_node: peerList.vs_justifi_node.median,
      list_limit: defaultListLimit,
      get: { ...peerGet, justifi_node_vs_raw_fetch: ratio(raw.peer.get, 'justifi_node', 'raw_fetch', 'wall') },
      list: peerList,
    },
    pagination: {
      items_per_s: Math.round(p.itemsPerSecond),
      heap_growth_mb: round(p.liveGrowthMb, 2),
      raw_fetch_items_per_s: Math.round(p.rawFetchItemsPerSecond),
      sdk_vs_raw_fetch: r3(p.rawFetchItemsPerSecond / p.itemsPerSecond),
      cpu_sdk_vs_raw_fetch: r3(p.cpuSdkVsRawFetch),
      json_parse_only_items_per_s: Math.round(p.jsonParseItemsPerSecond),
      heap_growth_raw_peak_mb: round(p.rawPeakGrowthMb, 2),
      raw_fetch_heap_growth_raw_peak_mb: round(p.rawFetchRawPeakGrowthMb, 2),
      one_page_heap_mb: round(p.onePageMb, 3),
      items: p.itemsSeen,
      page_limit: config.pagination.limit,
      gc_every_pages: config.pagination.gcEveryPages,
      gc_exposed: p.gcExposed,
    },
    sandbox: {
      get_payment: throughput(raw.sandbox.readPayment),
      create_payment: throughput(raw.sandbox.writePayment),
      heap_mb_per_10k_payments: round((raw.sandbox.heapBytesPerPayment * 10_000) / 1e6, 1),
      heap_gc_exposed: raw.sandbox.heapGcExposed,
      concurrency: config.sandbox.concurrency,
      rounds: `${config.sandbox.rounds} rounds × ${config.sandbox.durationMs} ms per server (alternating), ${config.sandbox.concurrency} in flight, ${config.sandbox.warmupMs} ms warm-up; heap over ${config.sandbox.heapPayments} payments`,
    },
    sandbox_build_ms: {
      justifi: buildMedian(raw.sandboxBuild, 'justifiMs'),
      payments: buildMedian(raw.sandboxBuild, 'paymentsMs'),
      second_justifi: buildMedian(raw.sandboxBuild, 'secondJustifiMs'),
      second_payments: buildMedian(raw.sandboxBuild, 'secondPaymentsMs'),
      first_requests: buildMedian(raw.sandboxBuild, 'firstRequestsMs'),
      runs: raw.sandboxBuild.length,
    },
    bundle_gzip_bytes: { justifi: b.justifi.gzipBytes, payments: b.payments.gzipBytes, both: b.both.gzipBytes, justifi_one_call: b.justifi_one_call.gzipBytes, payments_one_call: b.payments_one_call.gzipBytes, openapi_fetch: b.openapi_fetch.gzipBytes },
    bundle_min_bytes: { justifi: b.justifi.minBytes, payments: b.payments.minBytes, both: b.both.minBytes, justifi_one_call: b.justifi_one_call.minBytes, payments_one_call: b.payments_one_call.minBytes, openapi_fetch: b.openapi_fetch.minBytes },
    bundle_method_table: {
      justifi: { gzip_bytes: b.justifi_one_call.methodTable!.gzipBytes, methods: b.justifi_one_call.methodTable!.methods },
      payments: { gzip_bytes: b.payments_one_call.methodTable!.gzipBytes, methods: b.payments_one_call.methodTable!.methods },
    },
    bundle_largest_inputs: { justifi: b.justifi.largestInputs, payments: b.payments.largestInputs },
    pipeline_s: {
      generate: raw.pipeline ? round(raw.pipeline.generate.seconds, 2) : null,
      contracts: raw.pipeline ? round(raw.pipeline.contracts.seconds, 2) : null,
    },
    pipeline_exit_codes: { generate: raw.pipeline?.generate.exitCode ?? null, contracts: raw.pipeline?.contracts.exitCode ?? null },
    rounds: {
      sequential: `${seq.rounds} rounds × ${seq.calls} calls, ${seq.warmupCalls} warm-up calls`,
      concurrent: `${conc.rounds} rounds × ${conc.calls} calls at ${conc.concurrency} in flight, ${conc.warmupCalls} warm-up calls`,
      peer: `${peer.rounds} rounds × ${peer.calls} calls, ${peer.warmupCalls} warm-up calls`,
    },
    measured_at: run.startedAt.toISOString(),
    machine: describeMachine(),
    cpu_cores: cpuCores(),
    load_average_1m: round(run.loadAverage1m, 2),
    bench_wall_s: round(run.wallSeconds, 1),
  };
  return { ...report, targets: checkTargets(report) };
}
