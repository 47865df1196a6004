import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BadRequestError,
  ConflictError,
  ConnectionError,
  createPaymentsClient,
  InternalServerError,
  type LogEvent,
  RateLimitError,
  TimeoutError,
  UserAbortError,
} from '../../src/payments/index.js';
import { startTestServer, type Reply, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const intent = { id: 'pi_1', amount: 1000 };
const fail = (status: number, headers: Record<string, string> = {}): Reply => ({ status, headers, body: { type: 'error', code: String(status), message: `status ${status}` } });

function sequence(...replies: Reply[]) {
  server.reset((_req, i) => replies[Math.min(i, replies.length - 1)]!);
}

function client(extra: Record<string, unknown> = {}) {
  const events: LogEvent[] = [];
  const pay = createPaymentsClient({
    apiKey: 'key_live_0123456789',
    accountId: 'acc_1',
    baseUrl: server.url,
    backoff: { initialDelayMs: 1, maxDelayMs: 4 },
    logger: (e) => events.push(e),
    ...extra,
  });
  return { pay, events };
}

const getIntent = (pay: ReturnType<typeof client>['pay'], options = {}) => pay.paymentIntents.get('pi_1', options);
const settle = <T>(p: PromiseLike<T>) => Promise.resolve(p).then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));

describe('retries', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries a %i and succeeds', async (status) => {
    sequence(fail(status), { status: 200, body: intent });
    await expect(getIntent(client().pay)).resolves.toEqual(intent);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 402, 403, 404, 422])('never retries a %i', async (status) => {
    sequence(fail(status), { status: 200, body: intent });
    await expect(getIntent(client().pay)).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries (default 2) and raises the last status as its error class', async () => {
    sequence(fail(503));
    await expect(getIntent(client().pay)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(3);
  });

  it('maxRetries applies per client and per call', async () => {
    sequence(fail(500));
    await expect(getIntent(client({ maxRetries: 0 }).pay)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
    sequence(fail(500));
    await expect(getIntent(client({ maxRetries: 0 }).pay, { maxRetries: 4 })).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(5);
  });

  it('Should-Retry: false overrides a retryable status', async () => {
    sequence(fail(503, { 'Should-Retry': 'false' }), { status: 200, body: intent });
    await expect(getIntent(client().pay)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('Should-Retry: true overrides a non-retryable status', async () => {
    sequence(fail(400, { 'Should-Retry': 'true' }), { status: 200, body: intent });
    await expect(getIntent(client().pay)).resolves.toEqual(intent);
    expect(server.requests).toHaveLength(2);
  });

  it('honours Retry-After in seconds', async () => {
    sequence(fail(429, { 'Retry-After': '1' }), { status: 200, body: intent });
    const { pay, events } = client();
    const started = Date.now();
    await expect(getIntent(pay)).resolves.toEqual(intent);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(events.find((e) => e.type === 'retry')).toMatchObject({ delayMs: 1000, reason: 'status 429, Retry-After' });
  });

  it('honours Retry-After as an HTTP date', async () => {
    sequence(fail(503, { 'Retry-After': new Date(Date.now() + 1500).toUTCString() }), { status: 200, body: intent });
    const { pay, events } = client();
    await expect(getIntent(pay)).resolves.toEqual(intent);
    const delay = (events.find((e) => e.type === 'retry') as { delayMs: number }).delayMs;
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(1500);
  });

  it('default backoff starts near 0.5 s and doubles up to 8 s', async () => {
    const { backoffMs, defaultBackoff } = await import('../../src/core/retry-policy.js');
    const top = [1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, defaultBackoff, () => 1));
    expect(top).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffMs(1, defaultBackoff, () => 0)).toBe(375);
  });

  it('retries a dropped connection and raises ConnectionError when it keeps failing', async () => {
    sequence({ drop: true }, { status: 200, body: intent });
    await expect(getIntent(client().pay)).resolves.toEqual(intent);
    sequence({ drop: true });
    const result = await settle(getIntent(client().pay));
    expect(result.ok).toBe(false);
    expect((result as { e: unknown }).e).toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(3);
  });

  it('re-sends the request body intact on every attempt, with one idempotency key', async () => {
    sequence(fail(500), fail(502), { status: 201, body: intent });
    const body = { amount: 1234, currency: 'USD', description: 'ünïcödé ✓' };
    await client().pay.paymentIntents.create(body as never);
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body))).toEqual(new Set([JSON.stringify(body)]));
    expect(new Set(server.requests.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
  });

  it('409 is retried with the same key and raises ConflictError when it persists', async () => {
    sequence(fail(409));
    await expect(client().pay.paymentIntents.create({ amount: 1 } as never)).rejects.toBeInstanceOf(ConflictError);
    expect(new Set(server.requests.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
  });
});

describe('timeouts', () => {
  it('a stalled attempt times out and is retried; TimeoutError says which attempt', async () => {
    sequence({ stallMs: 400 });
    const result = await settle(getIntent(client({ timeoutMs: 100, maxRetries: 1 }).pay));
    const error = (result as { e: unknown }).e as TimeoutError;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toContain('attempt 2 of 2');
    expect(error.attempt).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it('timeoutMs can be overridden per call', async () => {
    sequence({ status: 200, body: intent, delayMs: 150 });
    await expect(getIntent(client({ timeoutMs: 50, maxRetries: 0 }).pay, { timeoutMs: 1000 })).resolves.toEqual(intent);
    await expect(getIntent(client({ timeoutMs: 50, maxRetries: 0 }).pay)).rejects.toBeInstanceOf(TimeoutError);
  });
});

describe('cancellation', () => {
  it('an AbortSignal cancels the call, including the wait between retries', async () => {
    sequence(fail(503, { 'Retry-After': '30' }));
    const controller = new AbortController();
    const started = Date.now();
    const call = settle(getIntent(client().pay, { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('user gave up')), 100);
    const result = await call;
    expect(result.ok).toBe(false);
    expect((result as { e: Error }).e).toBeInstanceOf(UserAbortError);
    expect(((result as { e: Error }).e.cause as Error).message).toBe('user gave up');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing', async () => {
    sequence({ status: 200, body: intent });
    await expect(getIntent(client().pay, { signal: AbortSignal.abort() })).rejects.toBeDefined();
    expect(server.requests).toHaveLength(0);
  });
});

describe('error classes', () => {
  it('maps the error body to code and message, and a non-JSON body still gives the right class', async () => {
    sequence({ status: 400, body: { type: 'invalid_request', code: 'bad_amount', message: 'amount is invalid', argument_errors: [{ argument: 'amount', message: 'must be positive' }] } });
    const e = (await settle(getIntent(client().pay))) as { e: BadRequestError };
    expect(e.e).toBeInstanceOf(BadRequestError);
    expect(e.e.code).toBe('bad_amount');
    expect(e.e.message).toContain('amount is invalid');
    expect(e.e.message).toContain('must be positive');

    sequence({ status: 429, body: '<html>Too Many Requests</html>' });
    const html = (await settle(getIntent(client({ maxRetries: 0 }).pay))) as { e: RateLimitError };
    expect(html.e).toBeInstanceOf(RateLimitError);
    expect(html.e.body).toBe('<html>Too Many Requests</html>');
  });
});
