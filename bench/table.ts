/** The report as a Markdown table (readable in a terminal, pasteable into the README). */
import type { BenchReport, ModeDetail } from './report.js';
import type { RatioSummary } from './measure.js';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const us = (n: number | undefined) => (n === undefined ? '—' : `${n.toFixed(0)} µs`);
const ratio = (r: RatioSummary) => `${r.median.toFixed(2)} (${r.p25.toFixed(2)}–${r.p75.toFixed(2)})`;
const verdict = (met: boolean | null | undefined) => (met === undefined ? '' : met === null ? 'not run' : met ? 'met' : '**missed**');

export function formatTable(report: BenchReport): string {
  const target = (name: string) => report.targets.find((t) => t.name === name);
  const rows: string[][] = [];
  const row = (what: string, ours: string, theirs: string, wall: string, cpu: string, targetName?: string) => {
    const t = targetName ? target(targetName) : undefined;
    rows.push([what, ours, theirs, wall, cpu, t?.target ?? '—', verdict(t?.met)]);
  };

  const ops = report.overhead.operations;
  for (const [key, label] of [['justifi_get', 'justifi.payments.get'], ['payments_get', 'pay.paymentIntents.get']] as const) {
    for (const [modeKey, modeLabel] of [['sequential', 'sequential'], ['concurrent', `${report.overhead.concurrency} concurrent`]] as const) {
      const m: ModeDetail = ops[key][modeKey];
      const seq = modeKey === 'sequential';
      row(`${label}, ${modeLabel} vs openapi-fetch`, us(m.us_per_call.sdk), us(m.us_per_call.openapi_fetch), ratio(m.sdk_vs_openapi_fetch), ratio(m.cpu_sdk_vs_openapi_fetch), seq ? `${label} / openapi-fetch, sequential` : undefined);
      row(`${label}, ${modeLabel} vs raw fetch`, us(m.us_per_call.sdk), us(m.us_per_call.raw_fetch), ratio(m.sdk_vs_raw_fetch), ratio(m.cpu_sdk_vs_raw_fetch), seq ? `${label} / raw fetch, sequential` : undefined);
    }
  }
  const peer = report.peer;
  row('get payment vs @justifi/justifi-node', us(peer.get.us_per_call.sdk), us(peer.get.us_per_call.justifi_node), ratio(peer.get.vs_justifi_node), ratio(peer.get.cpu_vs_justifi_node), 'get payment / @justifi/justifi-node');
  row(`list payments (${peer.list_limit}/page) vs @justifi/justifi-node`, us(peer.list.us_per_call.sdk), us(peer.list.us_per_call.justifi_node), ratio(peer.list.vs_justifi_node), ratio(peer.list.cpu_vs_justifi_node), 'list payments / @justifi/justifi-node');
  const pg = report.pagination;
  row(`auto-pagination, ${int(pg.items)} items (limit ${pg.page_limit}), items/s vs raw fetch loop`, int(pg.items_per_s), int(pg.raw_fetch_items_per_s), pg.sdk_vs_raw_fetch.toFixed(2), pg.cpu_sdk_vs_raw_fetch.toFixed(2), 'auto-pagination, items/s');
  row('auto-pagination ceiling: JSON.parse of the pages alone, items/s', '—', int(pg.json_parse_only_items_per_s), '—', '—');
  row(`auto-pagination, heap growth: live peak (full GC every ${pg.gc_every_pages} pages)`, `${pg.heap_growth_mb.toFixed(2)} MB`, '—', '—', '—', 'auto-pagination, heap growth (MB)');
  row('auto-pagination, heap growth: peak without forced GC (young garbage included) vs raw fetch loop', `${pg.heap_growth_raw_peak_mb.toFixed(1)} MB`, `${pg.raw_fetch_heap_growth_raw_peak_mb.toFixed(1)} MB`, (pg.heap_growth_raw_peak_mb / pg.raw_fetch_heap_growth_raw_peak_mb).toFixed(2), '—', 'auto-pagination, heap growth without forced GC (MB)');
  const b = report.bundle_gzip_bytes;
  const vsBare = (n: number) => `${(n / b.openapi_fetch).toFixed(2)}`;
  row('bundle payments-sdk/justifi, min+gzip vs bare openapi-fetch', `${int(b.justifi)} B`, `${int(b.openapi_fetch)} B`, vsBare(b.justifi), '—', 'bundle payments-sdk/justifi, min+gzip (B)');
  row('bundle payments-sdk/payments, min+gzip', `${int(b.payments)} B`, `${int(b.openapi_fetch)} B`, vsBare(b.payments), '—', 'bundle payments-sdk/payments, min+gzip (B)');
  row('bundle both entries, min+gzip', `${int(b.both)} B`, `${int(b.openapi_fetch)} B`, vsBare(b.both), '—', 'bundle both entries, min+gzip (B)');
  const table = report.bundle_method_table;
  row(`bundle createJustifiClient + one call, min+gzip (method table: ${int(table.justifi.gzip_bytes)} B for ${table.justifi.methods} methods)`, `${int(b.justifi_one_call)} B`, `${int(b.openapi_fetch)} B`, vsBare(b.justifi_one_call), '—');
  row(`bundle createPaymentsClient + one call, min+gzip (method table: ${int(table.payments.gzip_bytes)} B for ${table.payments.methods} methods)`, `${int(b.payments_one_call)} B`, `${int(b.openapi_fetch)} B`, vsBare(b.payments_one_call), '—');
  const sbx = report.sandbox;
  const rps = (n: number) => `${int(n)} req/s`;
  row(`sandbox GET /payments/{id}, ${sbx.concurrency} in flight, vs Prism mock (req/s ratio, above 1 = sandbox faster)`, rps(sbx.get_payment.sandbox_rps), rps(sbx.get_payment.prism_rps), sbx.get_payment.vs_prism.toFixed(2), '—', 'sandbox GET /payments/{id} / Prism mock, req/s');
  row('sandbox GET /payments/{id}, req/s', rps(sbx.get_payment.sandbox_rps), '—', '—', '—', 'sandbox GET /payments/{id}, req/s');
  row(`sandbox POST /payments, ${sbx.concurrency} in flight, vs Prism mock`, rps(sbx.create_payment.sandbox_rps), rps(sbx.create_payment.prism_rps), sbx.create_payment.vs_prism.toFixed(2), '—');
  row('sandbox heap per 10,000 stored payments (live, after full GC)', `${sbx.heap_mb_per_10k_payments.toFixed(1)} MB`, '—', '—', '—');
  const build = report.sandbox_build_ms;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  row(`sandbox build in a fresh process, JustiFi / Payments API (second one: ${ms(build.second_justifi)} / ${ms(build.second_payments)}; median of ${build.runs})`, `${ms(build.justifi)} / ${ms(build.payments)}`, '—', '—', '—');
  row('sandbox first requests (token, create and get a payment), compiling their operations', ms(build.first_requests), '—', '—', '—');
  const secs = (n: number | null) => (n === null ? 'skipped' : `${n.toFixed(1)} s`);
  row('pipeline: npm run generate (both specs)', secs(report.pipeline_s.generate), '—', '—', '—');
  row('pipeline: contract suite (vitest --project contracts)', secs(report.pipeline_s.contracts), '—', '—', '—');

  const header = ['Measurement', 'Ours', 'Reference', 'Time ratio ours/ref (p25–p75)', 'CPU ratio (p25–p75)', 'Target', 'Status'];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  const met = report.targets.filter((t) => t.met === true).length;
  const measured = report.targets.filter((t) => t.met !== null).length;
  return [
    ...lines,
    '',
    `Targets met: ${met} of ${measured}. Times are medians of wall-clock µs per call; ratios are medians of per-round ratios, ours / reference`,
    '(below 1 = ours is faster); targets apply to the time ratio. The CPU ratio compares the client process\'s CPU time (user + system) for the same batches.',
    `Measured ${report.measured_at} on ${report.machine} (1-min load average ${report.load_average_1m} at start); bench took ${report.bench_wall_s.toFixed(0)} s.`,
    ...(report.load_average_1m >= report.cpu_cores
      ? ['Note: the load average was at or above the core count: other processes competed for the CPU, so time ratios are noisy (see the quartiles).']
      : []),
  ].join('\n');
}
