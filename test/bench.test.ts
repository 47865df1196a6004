/**
 * The benchmark harness works: a tiny run (a few calls, a few pages, stand-in pipeline commands)
 * yields every key issue 7 asks of reports/bench.json, with numbers of the right type. Timings are
 * never asserted: they belong to `npm run bench`, not to `npm test`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { tinyConfig } from '../bench/config.js';
import { runBench } from '../bench/harness.js';
import type { BenchReport } from '../bench/report.js';
import { formatTable } from '../bench/table.js';

let report: BenchReport;
/** What a reader of reports/bench.json gets: NaN or undefined would not survive this. */
let json: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  report = await runBench(tinyConfig);
  json = JSON.parse(JSON.stringify(report)) as typeof json;
}, 120_000);

function expectPositive(value: unknown) {
  expect(typeof value).toBe('number');
  expect(Number.isFinite(value)).toBe(true);
  expect(value as number).toBeGreaterThan(0);
}

describe('bench harness, tiny run', () => {
  it('reports every per-call overhead ratio as a positive number', () => {
    for (const key of ['sdk_vs_openapi_fetch', 'sdk_vs_raw_fetch', 'concurrent_sdk_vs_openapi_fetch']) expectPositive(json.overhead![key]);
    for (const op of Object.values(report.overhead.operations)) {
      for (const mode of [op.sequential, op.concurrent]) {
        for (const variant of ['sdk', 'openapi_fetch', 'raw_fetch']) expectPositive(mode.us_per_call[variant]);
      }
    }
  });

  it('reports both ratios against @justifi/justifi-node', () => {
    expectPositive(json.peer!.get_vs_justifi_node);
    expectPositive(json.peer!.list_vs_justifi_node);
  });

  it('pages through the whole list and reports items/s and heap growth', () => {
    expectPositive(json.pagination!.items_per_s);
    expect(typeof json.pagination!.heap_growth_mb).toBe('number');
    expect(json.pagination!.items).toBe(tinyConfig.pagination.items);
    expect(json.pagination!.gc_exposed).toBe(true);
  });

  it('reports the gzip size of each entry point and of bare openapi-fetch in bytes', () => {
    for (const key of ['justifi', 'payments', 'both', 'justifi_one_call', 'payments_one_call', 'openapi_fetch']) {
      expect(Number.isInteger(json.bundle_gzip_bytes![key])).toBe(true);
      expectPositive(json.bundle_gzip_bytes![key]);
    }
  });

  it('reports what the generated method table adds to a one-call bundle, for one method per operation', () => {
    expect(report.bundle_method_table.justifi.methods).toBe(39);
    expect(report.bundle_method_table.payments.methods).toBe(35);
    for (const api of ['justifi', 'payments'] as const) {
      expectPositive(report.bundle_method_table[api].gzip_bytes);
      expect(report.bundle_method_table[api].gzip_bytes).toBeLessThan(report.bundle_gzip_bytes[`${api}_one_call`]);
    }
  });

  it('times both pipeline steps in seconds', () => {
    expectPositive(json.pipeline_s!.generate);
    expectPositive(json.pipeline_s!.contracts);
  });

  it('measures the sandbox and the Prism mock on getPayment and createPayment in the same run, and the heap per 10,000 payments', () => {
    for (const op of [report.sandbox.get_payment, report.sandbox.create_payment]) {
      expectPositive(op.sandbox_rps);
      expectPositive(op.prism_rps);
      expectPositive(op.vs_prism);
      expect(op.sandbox_rounds).toHaveLength(tinyConfig.sandbox.rounds);
    }
    expect(typeof json.sandbox!.heap_mb_per_10k_payments).toBe('number');
    expect(json.sandbox!.heap_gc_exposed).toBe(true);
  });

  it('times building each sandbox in a fresh process, a second one of each, and the first requests that compile their operations', () => {
    const build = json.sandbox_build_ms!;
    for (const key of ['justifi', 'payments', 'first_requests']) expectPositive(build[key]);
    for (const key of ['second_justifi', 'second_payments']) expect(build[key]).toBeGreaterThanOrEqual(0);
    expect(build.runs).toBe(tinyConfig.sandboxBuildRuns);
    expect(formatTable(report)).toContain('sandbox build in a fresh process');
  });

  it('dates the run and names the machine', () => {
    const measuredAt = json.measured_at as unknown as string;
    expect(new Date(measuredAt).toISOString()).toBe(measuredAt);
    expect(json.machine as unknown as string).toMatch(/cores, .*Node v\d+/);
  });

  it('checks every target and prints each in the table', () => {
    expect(report.targets).toHaveLength(14);
    const table = formatTable(report);
    for (const target of report.targets) {
      expect(typeof target.met).toBe('boolean');
      expect(table).toContain(target.target);
    }
  });
});
