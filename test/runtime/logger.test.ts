/**
 * Rule 12: a throwing logger changes nothing: no extra attempts, no leaked timers, the call's
 * result unchanged. Timers are followed by their delay: the SDK's per-attempt timer is the only one
 * set for the distinctive `timeoutMs` used here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, type LogEvent, NotFoundError } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

const timeoutMs = 43_210;
const throwing = (seen: LogEvent[]) => (event: LogEvent) => {
  seen.push(event);
  throw new Error('logger exploded');
};

/** Per-attempt timers set during `run`, and whether each was cleared. */
async function attemptTimers<T>(run: () => Promise<T>): Promise<{ result: T | Error; set: number; leaked: number }> {
  const pending = new Set<unknown>();
  let set = 0;
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number, ...args: unknown[]) => {
    const id = realSet(fn, ms, ...args);
    if (ms === timeoutMs) {
      set++;
      pending.add(id);
    }
    return id;
  }) as typeof setTimeout);
  vi.spyOn(globalThis, 'clearTimeout').mockImplementation(((id: Parameters<typeof clearTimeout>[0]) => {
    pending.delete(id);
    realClear(id);
  }) as typeof clearTimeout);
  const result = await run().catch((e: Error) => e);
  vi.restoreAllMocks();
  for (const id of pending) realClear(id as Parameters<typeof clearTimeout>[0]);
  return { result, set, leaked: pending.size };
}

describe('rule 12: a throwing logger changes nothing', () => {
  it('a success: same result, one attempt, every per-attempt timer cleared', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1', amount: 5 } }));
    const seen: LogEvent[] = [];
    const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, timeoutMs, logger: throwing(seen) });
    const { result, set, leaked } = await attemptTimers(() => pay.paymentIntents.get('pi_1'));
    expect(result).toEqual({ id: 'pi_1', amount: 5 });
    expect(server.requests).toHaveLength(1);
    expect(seen.map((e) => e.type)).toEqual(['request', 'response']);
    expect(set).toBe(1);
    expect(leaked).toBe(0);
  });

  it('a retried call: exactly the attempts the policy allows, and the final error unchanged', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 503, body: {} } : { status: 404, body: { code: 'missing', message: 'no such intent' } }));
    const seen: LogEvent[] = [];
    const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, timeoutMs, logger: throwing(seen), backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
    const { result, set, leaked } = await attemptTimers(() => pay.paymentIntents.get('pi_1'));
    expect(result).toBeInstanceOf(NotFoundError);
    expect(server.requests).toHaveLength(2);
    expect(seen.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response']);
    expect(set).toBe(2);
    expect(leaked).toBe(0);
  });

  it('JustiFi token events too: a throwing logger does not break getting the token', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { data: { id: 'py_1' } } }));
    const seen: LogEvent[] = [];
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, timeoutMs, logger: throwing(seen) });
    const { result, leaked } = await attemptTimers(() => justifi.payments.get('py_1'));
    expect(result).toEqual({ id: 'py_1' });
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments/py_1']);
    expect(seen.some((e) => e.type === 'token')).toBe(true);
    expect(leaked).toBe(0);
  });

  it('an async logger that rejects causes no unhandled rejection', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, logger: async () => Promise.reject(new Error('async logger exploded')) });
      await expect(pay.paymentIntents.get('pi_1')).resolves.toEqual({ id: 'pi_1' });
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
  });

  it('a failing call with a throwing logger still fails with its own error', async () => {
    server.reset(() => ({ drop: true }));
    const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, maxRetries: 0, logger: throwing([]) });
    expect(await failure(pay.paymentIntents.get('pi_1'))).toMatchObject({ name: 'ConnectionError' });
    expect(server.requests).toHaveLength(1);
  });
});
