/**
 * Sandbox throughput (issue 12): requests/s of the JustiFi sandbox reading a payment
 * (`GET /payments/{id}`) and creating one (`POST /payments`), measured in the same run as Prism's mock of the same operation on the same
 * machine (rounds alternate between the two, so load from elsewhere hits both alike), and the
 * sandbox's live heap per 10,000 stored payments (each with its idempotency record).
 */
import { once } from 'node:events';
import { fromRoot } from '../scripts/lib/apis.js';
import { startPrism } from '../scripts/lib/prism.js';
import { forkBench } from './child.js';
import { type LoadRequest, runLoad } from './load.js';
import { median } from './measure.js';

export interface SandboxBenchConfig {
  /** Measured rounds per operation; each round runs the sandbox then Prism (or the reverse) for `durationMs`. */
  rounds: number;
  durationMs: number;
  warmupMs: number;
  concurrency: number;
  /** Payments created for the heap figure (scaled to 10,000 in the report). */
  heapPayments: number;
}

export interface ThroughputPair {
  /** Requests/s of each round. */
  sandbox: number[];
  prism: number[];
}

/** The two measured operations: GET /payments/{id} and POST /payments. */
type Operation = 'readPayment' | 'writePayment';

export interface SandboxBenchResult {
  readPayment: ThroughputPair;
  writePayment: ThroughputPair;
  heapBytesPerPayment: number;
  heapGcExposed: boolean;
}

const card = { name: 'Bench Cardholder', number: '4242424242424242', verification: '123', month: '3', year: '2040' };
const body = JSON.stringify({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { card } });

/** Runs the sandbox bench; `log` receives one line per stage. */
export async function runSandboxBench(config: SandboxBenchConfig, log: (line: string) => void = () => {}): Promise<SandboxBenchResult> {
  const child = forkBench<{ url: string }>('sandbox-process.ts', {}, ['--expose-gc']);
  const prism = await startPrism(fromRoot('generated/justifi-v1.yaml'));
  try {
    const { url } = await child.message;
    const heap = async () => {
      child.process.send('heap');
      const [answer] = (await once(child.process, 'message')) as [{ heapUsed: number; gcExposed: boolean }];
      return answer;
    };
    const tokenRes = await fetch(`${url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: 'test_bench', client_secret: 'bench' }) });
    const token = ((await tokenRes.json()) as { access_token: string }).access_token;
    const created = await fetch(`${url}/payments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'bench-seed' }, body });
    const paymentId = ((await created.json()) as { id: string }).id;
    let keys = 0;

    const requests = {
      readPayment: (target: 'sandbox' | 'prism') => (): LoadRequest => ({ method: 'GET', path: `/payments/${target === 'sandbox' ? paymentId : 'py_123xyz'}`, headers: { authorization: `Bearer ${token}` } }),
      writePayment: () => (): LoadRequest => ({ method: 'POST', path: '/payments', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${++keys}` }, body }),
    };
    const origins = { sandbox: url, prism: prism.url };
    const expected = { readPayment: 200, writePayment: 201 };

    const measure = async (op: Operation): Promise<ThroughputPair> => {
      const out: ThroughputPair = { sandbox: [], prism: [] };
      for (const target of ['sandbox', 'prism'] as const) {
        await runLoad(origins[target], requests[op](target), expected[op], { durationMs: config.warmupMs, concurrency: config.concurrency });
      }
      for (let round = 0; round < config.rounds; round++) {
        const order = round % 2 === 0 ? (['sandbox', 'prism'] as const) : (['prism', 'sandbox'] as const);
        for (const target of order) {
          const result = await runLoad(origins[target], requests[op](target), expected[op], { durationMs: config.durationMs, concurrency: config.concurrency });
          if (result.unexpected > 0) throw new Error(`${op} on ${target}: ${result.unexpected} unexpected answers, first: ${result.firstUnexpected}`);
          out[target].push(result.requestsPerSecond);
        }
      }
      log(`  ${op}: sandbox ${Math.round(median(out.sandbox))} req/s, Prism ${Math.round(median(out.prism))} req/s`);
      return out;
    };

    log(`sandbox throughput: GET /payments/{id}, ${config.rounds} rounds × ${config.durationMs} ms per server, ${config.concurrency} in flight…`);
    const readPayment = await measure('readPayment');
    log('sandbox throughput: POST /payments…');
    const writePayment = await measure('writePayment');

    log(`sandbox heap: ${config.heapPayments} payments…`);
    const before = await heap();
    const stored = await runLoad(url, requests.writePayment(), 201, { durationMs: 10 * 60_000, concurrency: 16, maxRequests: config.heapPayments });
    if (stored.unexpected > 0 || stored.requests !== config.heapPayments) throw new Error(`heap run: ${stored.requests} payments, ${stored.unexpected} unexpected answers, first: ${stored.firstUnexpected}`);
    const after = await heap();
    return { readPayment, writePayment, heapBytesPerPayment: (after.heapUsed - before.heapUsed) / config.heapPayments, heapGcExposed: after.gcExposed };
  } finally {
    await prism.stop();
    await child.stop();
  }
}
