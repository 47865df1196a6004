/** The targets of issue 7 (SDK) and issue 12 (sandbox), checked against a report. 1 kB = 1000 bytes. */
import type { BenchReport } from './report.js';

export interface TargetCheck {
  /** What is measured, as printed in the table. */
  name: string;
  value: number | null;
  /** The target as the issue states it. */
  target: string;
  /** `null` when not measured in this run. */
  met: boolean | null;
}

const kB = 1000;

/** Each target with its measured value; the per-call targets are checked for both operations. */
export function checkTargets(report: Omit<BenchReport, 'targets'>): TargetCheck[] {
  const ops = report.overhead.operations;
  const at = (name: string, value: number | null, target: string, ok: (v: number) => boolean): TargetCheck => ({
    name,
    value,
    target,
    met: value === null ? null : ok(value),
  });
  return [
    at('justifi.payments.get / openapi-fetch, sequential', ops.justifi_get.sequential.sdk_vs_openapi_fetch.median, '≤ 1.10', (v) => v <= 1.1),
    at('pay.paymentIntents.get / openapi-fetch, sequential', ops.payments_get.sequential.sdk_vs_openapi_fetch.median, '≤ 1.10', (v) => v <= 1.1),
    at('justifi.payments.get / raw fetch, sequential', ops.justifi_get.sequential.sdk_vs_raw_fetch.median, '≤ 1.25', (v) => v <= 1.25),
    at('pay.paymentIntents.get / raw fetch, sequential', ops.payments_get.sequential.sdk_vs_raw_fetch.median, '≤ 1.25', (v) => v <= 1.25),
    at('get payment / @justifi/justifi-node', report.peer.get_vs_justifi_node, '< 1', (v) => v < 1),
    at('list payments / @justifi/justifi-node', report.peer.list_vs_justifi_node, '< 1', (v) => v < 1),
    at('auto-pagination, items/s', report.pagination.items_per_s, '≥ 200,000', (v) => v >= 200_000),
    at('auto-pagination, heap growth (MB)', report.pagination.heap_growth_mb, '< 20', (v) => v < 20),
    // The strict reading: heapUsed peak without forced GC, young garbage included.
    at('auto-pagination, heap growth without forced GC (MB)', report.pagination.heap_growth_raw_peak_mb, '< 20 (strict reading)', (v) => v < 20),
    at('bundle payments-sdk/justifi, min+gzip (B)', report.bundle_gzip_bytes.justifi, '≤ 8,000', (v) => v <= 8 * kB),
    at('bundle payments-sdk/payments, min+gzip (B)', report.bundle_gzip_bytes.payments, '≤ 8,000', (v) => v <= 8 * kB),
    at('bundle both entries, min+gzip (B)', report.bundle_gzip_bytes.both, '≤ 12,000', (v) => v <= 12 * kB),
    at('sandbox GET /payments/{id}, req/s', report.sandbox.get_payment.sandbox_rps, '≥ 1,500', (v) => v >= 1500),
    at('sandbox GET /payments/{id} / Prism mock, req/s', report.sandbox.get_payment.vs_prism, '≥ 2.5', (v) => v >= 2.5),
  ];
}
