/**
 * Timing primitives. Variants compared with each other run in interleaved rounds, back to back and
 * in a rotating order, so slow drift of the machine (thermal, other processes, GC debt) lands on
 * every variant alike; a ratio is the median over rounds of that round's ratio.
 *
 * Each batch records wall time (what a caller waits: the figure the targets are about) and this
 * process's CPU time (user + system, all threads: what the client itself spends, without the
 * time spent waiting for the server process).
 */

export type Call = () => PromiseLike<unknown>;

export interface Variant {
  name: string;
  call: Call;
}

export interface RoundsOptions {
  /** Measured rounds; each variant runs one batch per round. */
  rounds: number;
  /** Calls in one batch. */
  calls: number;
  /** Calls in flight at once (1 = sequential). */
  concurrency: number;
  /** Untimed calls per variant before the first round (JIT, connections, token). */
  warmupCalls: number;
}

export interface BatchTime {
  /** Wall-clock µs per call (inverse throughput when concurrent). */
  wall: number;
  /** Client-process CPU µs per call. */
  cpu: number;
}

/** Per-round samples of one variant. */
export interface Series {
  wall: number[];
  cpu: number[];
}

/** Time per call for `calls` calls, `concurrency` at a time. */
export async function timeBatch(call: Call, calls: number, concurrency: number): Promise<BatchTime> {
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      started++;
      await call();
    }
  };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, calls)) }, worker));
  const wall = ((performance.now() - t0) * 1000) / calls;
  const cpu = process.cpuUsage(cpu0);
  return { wall, cpu: (cpu.user + cpu.system) / calls };
}

/** Per-variant samples (µs per call), one per round, measured interleaved. */
export async function runRounds(variants: readonly Variant[], options: RoundsOptions): Promise<Record<string, Series>> {
  const samples: Record<string, Series> = Object.fromEntries(variants.map((v) => [v.name, { wall: [], cpu: [] }]));
  for (const v of variants) await timeBatch(v.call, options.warmupCalls, options.concurrency);
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[(round + i) % variants.length]!;
      const time = await timeBatch(v.call, options.calls, options.concurrency);
      samples[v.name]!.wall.push(time.wall);
      samples[v.name]!.cpu.push(time.cpu);
    }
  }
  return samples;
}

function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export interface RatioSummary {
  /** Median of the per-round ratios ours / theirs. */
  median: number;
  /** Interquartile range of the per-round ratios: how much the rounds disagreed. */
  p25: number;
  p75: number;
}

/** Ratio of paired samples `a[i] / b[i]` (same round), summarised by its median and quartiles. */
export function pairedRatio(a: readonly number[], b: readonly number[]): RatioSummary {
  const ratios = a.map((x, i) => x / b[i]!);
  return { median: median(ratios), p25: quantile(ratios, 0.25), p75: quantile(ratios, 0.75) };
}

/** Rounds a number for the report (ratios to 3 decimals, times to 0.1 µs …). */
export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
