/**
 * Auto-pagination throughput and memory: `for await` over every payment of a JustiFi cursor list
 * (limit 100), with a hand-written raw `fetch` cursor loop over the same list as the floor. Runs in
 * its own process (pagination-process.ts) started with `--expose-gc`, so the heap starts clean.
 *
 * Two heap figures: `liveGrowthMb` forces a full GC every few pages and keeps the peak of what
 * survives (what the iterator retains: the "one page, not the whole list" rule); `rawPeakGrowthMb`
 * samples heapUsed at every page without forcing GC, so it also counts young garbage not yet swept.
 */
import { createJustifiClient } from '../src/justifi/index.js';
import { fetchToken } from './clients.js';
import { median } from './measure.js';

export interface PaginationOptions {
  /** Server origin; its list must hold exactly `items` payments. */
  origin: string;
  items: number;
  /** Page size (JustiFi's maximum is 100). */
  limit: number;
  /** Timed runs of each variant (interleaved); items/s is their median. */
  runs: number;
  /** Items iterated untimed first. */
  warmupItems: number;
  /** During the memory run, force a GC and sample every this many pages. */
  gcEveryPages: number;
}

export interface PaginationResult {
  itemsPerSecond: number;
  rawFetchItemsPerSecond: number;
  /** Client CPU per item, ours / raw fetch loop. */
  cpuSdkVsRawFetch: number;
  /** Items/s of `JSON.parse` on full pages alone: no client can beat it. */
  jsonParseItemsPerSecond: number;
  liveGrowthMb: number;
  rawPeakGrowthMb: number;
  /** The same raw peak for the raw fetch loop: garbage any client makes, for comparison. */
  rawFetchRawPeakGrowthMb: number;
  /** Live heap held by one awaited page, for scale: the whole list would be about this × pages. */
  onePageMb: number;
  itemsSeen: number;
  pages: number;
  gcExposed: boolean;
  /** Sum of every amount read (meaningless; proves the items were read). */
  amountSink: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
/** Both loops read a field of every item, as a consumer would; the sum keeps the reads observable. */
let amountSink = 0;
const heapUsed = () => process.memoryUsage().heapUsed;

export async function measurePagination(options: PaginationOptions): Promise<PaginationResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  const collect = () => gc?.();
  const justifi = createJustifiClient({ clientId: 'test_bench_client', clientSecret: 'bench_client_secret', baseUrl: `${options.origin}/v1` });
  const authorization = `Bearer ${await fetchToken(options.origin)}`;
  const pageSize = options.limit;

  /** Iterates with the SDK; `onPage` runs at each page boundary. Returns the items seen. */
  async function viaSdk(max: number, onPage?: (pagesDone: number) => void): Promise<number> {
    let count = 0;
    for await (const payment of justifi.payments.list({ limit: pageSize })) {
      amountSink += payment.amount ?? 0;
      if (++count % pageSize === 0) onPage?.(count / pageSize);
      if (count >= max) break;
    }
    return count;
  }

  async function viaRawFetch(onPage?: () => void): Promise<number> {
    let count = 0;
    let cursor: string | null | undefined;
    for (;;) {
      const query = cursor ? `limit=${pageSize}&after_cursor=${encodeURIComponent(cursor)}` : `limit=${pageSize}`;
      const response = await fetch(`${options.origin}/v1/payments?${query}`, { headers: { Authorization: authorization } });
      if (!response.ok) throw new Error(`benchmark server answered ${response.status}`);
      const body = (await response.json()) as { data: Array<{ amount?: number }>; page_info: { has_next: boolean; end_cursor: string | null } };
      for (const payment of body.data) {
        amountSink += payment.amount ?? 0;
        count++;
      }
      onPage?.();
      if (!body.page_info.has_next || !body.page_info.end_cursor || body.data.length === 0) return count;
      cursor = body.page_info.end_cursor;
    }
  }

  await viaSdk(options.warmupItems);
  await viaRawFetch();

  // The ceiling for any client on this machine: JSON.parse of one full page, nothing else.
  const pageText = await (await fetch(`${options.origin}/v1/payments?limit=${pageSize}`, { headers: { Authorization: authorization } })).text();
  const parseRates: number[] = [];
  for (let batch = 0; batch < 7; batch++) {
    const t0 = performance.now();
    let parsed = 0;
    for (let i = 0; i < 10; i++) parsed += (JSON.parse(pageText) as { data: unknown[] }).data.length;
    parseRates.push(parsed / ((performance.now() - t0) / 1000));
  }

  // Throughput, interleaved; heapUsed sampled at every page (both loops alike) for the raw peaks.
  const sdkRates: number[] = [];
  const rawRates: number[] = [];
  const cpuRatios: number[] = [];
  const cpuSeconds = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1e6;
  };
  let sdkRawPeak = 0;
  let fetchRawPeak = 0;
  let itemsSeen = 0;
  for (let run = 0; run < options.runs; run++) {
    collect();
    let base = heapUsed();
    let cpu0 = process.cpuUsage();
    let t0 = performance.now();
    itemsSeen = await viaSdk(Infinity, () => (sdkRawPeak = Math.max(sdkRawPeak, heapUsed() - base)));
    sdkRates.push(itemsSeen / ((performance.now() - t0) / 1000));
    const sdkCpuPerItem = cpuSeconds(cpu0) / itemsSeen;
    collect();
    base = heapUsed();
    cpu0 = process.cpuUsage();
    t0 = performance.now();
    const rawCount = await viaRawFetch(() => (fetchRawPeak = Math.max(fetchRawPeak, heapUsed() - base)));
    rawRates.push(rawCount / ((performance.now() - t0) / 1000));
    cpuRatios.push(sdkCpuPerItem / (cpuSeconds(cpu0) / rawCount));
  }

  // Retention: full GC every few pages, peak of what survives.
  collect();
  const base = heapUsed();
  let livePeak = 0;
  await viaSdk(Infinity, (pages) => {
    if (pages % options.gcEveryPages !== 0) return;
    collect();
    livePeak = Math.max(livePeak, heapUsed() - base);
  });

  collect();
  const beforePage = heapUsed();
  const page = await justifi.payments.list({ limit: pageSize });
  collect();
  const onePage = heapUsed() - beforePage;
  if (page.data.length === 0) throw new Error('the first page was empty');

  return {
    itemsPerSecond: median(sdkRates),
    rawFetchItemsPerSecond: median(rawRates),
    cpuSdkVsRawFetch: median(cpuRatios),
    jsonParseItemsPerSecond: median(parseRates),
    liveGrowthMb: mb(livePeak),
    rawPeakGrowthMb: mb(sdkRawPeak),
    rawFetchRawPeakGrowthMb: mb(fetchRawPeak),
    onePageMb: mb(onePage),
    itemsSeen,
    pages: Math.ceil(itemsSeen / pageSize),
    gcExposed: gc !== undefined,
    amountSink,
  };
}
