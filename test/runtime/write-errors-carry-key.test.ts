/**
 * Rule 4: every error from a write carries the idempotency key that was sent, so the caller can
 * retry the same logical call safely. Each case asserts the key on the error is the one on the wire.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import {
  ConnectionError,
  createPaymentsClient,
  InternalServerError,
  PaymentsSdkError,
  RedirectError,
  TimeoutError,
  UnprocessableEntityError,
  UnreadableResponseError,
  UserAbortError,
} from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { type Reply, startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, timeoutMs: 200, maxRetries: 1, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
const sentKeys = () => [...new Set(server.requests.map((r) => r.headers['x-idempotency-key'] ?? r.headers['idempotency-key']))];

const cases: [string, Reply, new (...args: never[]) => PaymentsSdkError][] = [
  ['a 422 (ApiError)', { status: 422, body: { code: 'invalid', message: 'bad amount' } }, UnprocessableEntityError],
  ['a 500 after the retry (ApiError)', { status: 500, body: {} }, InternalServerError],
  ['a stall (TimeoutError)', { stallMs: 1000 }, TimeoutError],
  ['a dropped connection (ConnectionError)', { drop: true }, ConnectionError],
  ['an unreadable 2xx body', { status: 200, body: 'not json' }, UnreadableResponseError],
  ['a redirect', { status: 302, headers: { location: 'http://127.0.0.1:9/' } }, RedirectError],
];

describe('rule 4: every error from a write carries the idempotency key that was sent', () => {
  it.each(cases)('%s: the caller\'s key is on the error', async (_label, reply, ErrorClass) => {
    server.reset(() => reply);
    const error = await failure(pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: 'order-2026-0042' }));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(sentKeys()).toEqual(['order-2026-0042']);
    expect((error as PaymentsSdkError).idempotencyKey).toBe('order-2026-0042');
  });

  it.each(cases)('%s: a generated key is on the error, the same one the server saw', async (_label, reply, ErrorClass) => {
    server.reset(() => reply);
    const error = await failure(pay().paymentIntents.capture('pi_1', { amount: 1 } as never));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(sentKeys()).toHaveLength(1);
    expect((error as PaymentsSdkError).idempotencyKey).toBe(sentKeys()[0]);
  });

  it('a user abort mid-request carries the key (UserAbortError)', async () => {
    const controller = new AbortController();
    server.reset(() => (controller.abort(new Error('user navigated away')), { stallMs: 1000 }));
    const error = await failure(pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: 'order-2026-0043', signal: controller.signal, timeoutMs: 5000 }));
    expect(server.requests[0]!.headers['x-idempotency-key']).toBe('order-2026-0043');
    expect(error).toBeInstanceOf(UserAbortError);
    expect((error as UserAbortError).idempotencyKey).toBe('order-2026-0043');
  });

  it('JustiFi: a failed token refresh after a 401 on a write carries the key of the write that was sent', async () => {
    let tokens = 0;
    server.reset((req) => {
      if (req.path === '/oauth/token') return ++tokens === 1 ? { status: 200, body: { access_token: 'token-1' } } : { status: 503, headers: { 'Should-Retry': 'false' }, body: {} };
      return { status: 401, body: { error: { code: 'not_authenticated', message: 'expired' } } };
    });
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
    const error = await failure(justifi.payments.create({ amount: 1 } as never, { idempotencyKey: 'justifi-order-7' }));
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments', '/oauth/token']);
    expect(server.requests[1]!.headers['idempotency-key']).toBe('justifi-order-7');
    expect((error as InternalServerError).idempotencyKey).toBe('justifi-order-7');
  });

  it('reads carry no key', async () => {
    server.reset(() => ({ status: 404, body: {} }));
    expect(await failure(pay().paymentIntents.get('pi_1'))).toMatchObject({ idempotencyKey: undefined });
  });
});
