/**
 * Rule 1: redirects never carry credentials or bodies. Two real servers: the API, which answers
 * with a redirect, and a second origin that must never see a request.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createJustifiClient, RedirectError } from '../../src/justifi/index.js';
import { ApiError, createPaymentsClient } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let api: TestServer;
let other: TestServer;
beforeAll(async () => {
  [api, other] = await Promise.all([startTestServer(), startTestServer()]);
});
afterAll(() => Promise.all([api.close(), other.close()]));
beforeEach(() => other.reset(() => ({ status: 200, body: { id: 'foreign', access_token: 'foreign-token' } })));

const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: api.url, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
const justifi = () =>
  createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: api.url, subAccount: 'acc_sub', backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
const redirect = (status: number, location: string) => ({ status, headers: { location }, body: { id: 'moved' } });

describe('rule 1: redirects never carry credentials or bodies', () => {
  it.each([301, 302, 303, 307, 308])('a %i to another origin on a Payments POST: nothing reaches it, RedirectError names status and Location', async (status) => {
    api.reset(() => redirect(status, `${other.url}/steal`));
    const error = await failure(pay().paymentIntents.create({ amount: 1000, currency: 'USD' } as never, { idempotencyKey: 'order-2026-0001' }));
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status, location: `${other.url}/steal`, idempotencyKey: 'order-2026-0001' });
    expect(error.message).toContain(`${status}`);
    expect(error.message).toContain(`${other.url}/steal`);
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1); // not retried, not followed
  });

  it('a 302 on a Payments GET: the x-api-key and x-account-id never reach the other origin and its body is not the result', async () => {
    api.reset(() => redirect(302, `${other.url}/payment_intents/pi_1`));
    const error = await failure(pay().paymentIntents.get('pi_1'));
    expect(error).toMatchObject({ name: 'RedirectError', status: 302 });
    expect(other.requests).toHaveLength(0);
  });

  it('a 302 on a JustiFi POST: Authorization, Sub-Account and Idempotency-Key never reach the other origin', async () => {
    api.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 'token-1' } } : redirect(302, `${other.url}/payments`)));
    const error = await failure(justifi().payments.create({ amount: 1000, currency: 'usd' } as never));
    expect(error).toMatchObject({ name: 'RedirectError', status: 302, location: `${other.url}/payments` });
    expect((error as RedirectError).idempotencyKey).toBe(api.requests[1]!.headers['idempotency-key']);
    expect(api.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments']);
    expect(other.requests).toHaveLength(0);
  });

  it('a redirected token endpoint: no foreign token is fetched or used, RedirectError from the token request', async () => {
    api.reset((req) => (req.path === '/oauth/token' ? redirect(307, `${other.url}/oauth/token`) : { status: 200, body: { data: { id: 'py_1' } } }));
    const error = await failure(justifi().payments.get('py_1'));
    expect(error).toMatchObject({ name: 'RedirectError', status: 307, location: `${other.url}/oauth/token`, method: 'POST' });
    expect(other.requests).toHaveLength(0);
    expect(api.requests.map((r) => r.path)).toEqual(['/oauth/token']); // no API call with a foreign token
  });

  it('a 307 and a 308 on a POST are RedirectErrors, not detached-buffer ConnectionErrors', async () => {
    for (const status of [307, 308]) {
      api.reset(() => redirect(status, `${api.url}/elsewhere`));
      const error = await failure(pay().paymentIntents.capture('pi_1', { amount: 5 } as never));
      expect(error).toMatchObject({ name: 'RedirectError', status });
      expect(api.requests.map((r) => r.path)).toEqual(['/payment_intents/pi_1/capture']);
    }
  });

  it('a redirect to the same origin is refused too, and so is one through the raw client', async () => {
    api.reset(() => redirect(302, '/payment_intents/pi_2'));
    expect(await failure(pay().paymentIntents.get('pi_1'))).toMatchObject({ name: 'RedirectError', location: '/payment_intents/pi_2' });
    expect(api.requests).toHaveLength(1);
    api.reset(() => redirect(301, `${other.url}/payment_intents`));
    expect(await failure(pay().raw.POST('/payment_intents' as never, { body: { amount: 1 } } as never))).toBeInstanceOf(RedirectError);
    expect(other.requests).toHaveLength(0);
  });
});
