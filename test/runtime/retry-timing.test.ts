/**
 * Rule 6: retry timing is sane. The delay the SDK chose is read from its `retry` log event, so the
 * tests assert the decision, not the wall clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPaymentsClient, type LogEvent, RateLimitError, TimeoutError } from '../../src/payments/index.js';
import { retryAfterMs } from '../../src/core/retry-policy.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ok = { status: 200, body: { id: 'pi_1' } };
function client(extra: Record<string, unknown> = {}) {
  const events: LogEvent[] = [];
  const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, backoff: { initialDelayMs: 40, maxDelayMs: 40 }, logger: (e) => events.push(e), ...extra });
  const retries = () => events.filter((e): e is Extract<LogEvent, { type: 'retry' }> => e.type === 'retry');
  return { pay, retries };
}

describe('rule 6: retry timing is sane', () => {
  it.each([
    ['0', '0'],
    ['negative', '-5'],
    ['unreadable', 'soon'],
    ['a number Date.parse would read as a year', '-2'],
    ['an HTTP date in the past', new Date(Date.now() - 60_000).toUTCString()],
  ])('Retry-After %s (%s) falls back to backoff instead of retrying at once', async (_label, value) => {
    server.reset((_req, i) => (i === 0 ? { status: 503, headers: { 'Retry-After': value }, body: {} } : ok));
    const { pay, retries } = client();
    await expect(pay.paymentIntents.get('pi_1')).resolves.toEqual({ id: 'pi_1' });
    expect(retries()).toHaveLength(1);
    expect(retries()[0]!.reason).toBe('status 503');
    expect(retries()[0]!.delayMs).toBeGreaterThanOrEqual(30); // 40 ms × [0.75, 1]
    expect(retries()[0]!.delayMs).toBeLessThanOrEqual(40);
  });

  it('a Retry-After within the cap is honoured as the delay', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 429, headers: { 'Retry-After': '0.05' }, body: {} } : ok));
    const { pay, retries } = client();
    await pay.paymentIntents.get('pi_1');
    expect(retries()[0]).toMatchObject({ reason: 'status 429, Retry-After', delayMs: 50 });
  });

  it('a Retry-After beyond the cap (default 60 s) is not waited for: the error comes back at once with the header', async () => {
    server.reset(() => ({ status: 429, headers: { 'Retry-After': '3600' }, body: { code: 'rate_limited', message: 'slow down' } }));
    const { pay, retries } = client();
    const error = await failure(pay.paymentIntents.get('pi_1'));
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers?.get('retry-after')).toBe('3600');
    expect(server.requests).toHaveLength(1);
    expect(retries()).toHaveLength(0);
  });

  it('the cap is backoff.maxRetryAfterMs', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 503, headers: { 'Retry-After': '2' }, body: {} } : ok));
    await expect(client({ backoff: { maxRetryAfterMs: 1000 } }).pay.paymentIntents.get('pi_1')).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('408 Request Timeout is retried, as openai-node does', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 408, body: {} } : ok));
    const { pay, retries } = client();
    await expect(pay.paymentIntents.get('pi_1')).resolves.toEqual({ id: 'pi_1' });
    expect(retries()[0]!.reason).toBe('status 408');
  });

  it('one call makes at most maxRetries + 1 attempts, each ended by timeoutMs (the documented bound)', async () => {
    server.reset(() => ({ stallMs: 2000 }));
    const error = await failure(client({ maxRetries: 2, timeoutMs: 100, backoff: { initialDelayMs: 1, maxDelayMs: 1 } }).pay.paymentIntents.get('pi_1'));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ attempt: 3, attempts: 3, timeoutMs: 100 });
    expect(server.requests).toHaveLength(3);
  });

  it('retryAfterMs reads delta-seconds and HTTP dates and rejects everything else', () => {
    const h = (value: string) => new Headers({ 'retry-after': value });
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(retryAfterMs(h('3'), now)).toBe(3000);
    expect(retryAfterMs(h('Wed, 21 Oct 2015 07:28:05 GMT'), now)).toBe(5000);
    for (const value of ['0', '-1', '1e3', 'soon', 'Wed, 21 Oct 2015 07:27:00 GMT', '']) expect(retryAfterMs(h(value), now), value).toBeUndefined();
  });
});
