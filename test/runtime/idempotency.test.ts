import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const justifi = () =>
  createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
const envelope = (data: unknown) => ({ id: 'x', type: 'payment', data, page_info: null });
const apiRequests = () => server.requests.filter((r) => r.path !== '/oauth/token');

describe('idempotency', () => {
  it('every JustiFi POST and PATCH gets a UUID v4 Idempotency-Key, and GETs none', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: envelope({ id: 'py_1' }) }));
    const client = justifi();
    await client.payments.create({ amount: 1000, currency: 'usd', payment_method: { token: 'pm_1' } } as never);
    await client.payments.update('py_1', { description: 'x' } as never);
    await client.payments.get('py_1');
    const [post, patch, get] = apiRequests();
    expect(post!.headers['idempotency-key']).toMatch(uuidV4);
    expect(patch!.headers['idempotency-key']).toMatch(uuidV4);
    expect(post!.headers['idempotency-key']).not.toBe(patch!.headers['idempotency-key']);
    expect(get!.headers['idempotency-key']).toBeUndefined();
  });

  it('the same key is sent on every retry of a call, and withResponse reports it', async () => {
    server.reset((req, i) => {
      if (req.path === '/oauth/token') return { status: 200, body: { access_token: 't' } };
      return i < 3 ? { status: 503, body: {} } : { status: 201, body: envelope({ id: 'py_1' }) };
    });
    const result = await justifi().payments.create({ amount: 1000 } as never).withResponse();
    const keys = apiRequests().map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys)).toEqual(new Set([result.idempotencyKey]));
    expect(result.response.status).toBe(201);
    expect(result.body).toEqual(envelope({ id: 'py_1' }));
  });

  it("uses the caller's key when given", async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: 'order-2026-0001' });
    expect(server.requests[0]!.headers['x-idempotency-key']).toBe('order-2026-0001');
  });

  it('every Payments API POST gets a UUID v4 x-idempotency-key', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await pay().paymentIntents.capture('pi_1');
    expect(server.requests[0]!.headers['x-idempotency-key']).toMatch(uuidV4);
  });

  it('a Payments API key shorter than 10 characters is rejected before sending', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const error = await pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: 'short' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe('x-idempotency-key');
    expect((error as RequestValidationError).message).toContain('at least 10 characters');
    expect(server.requests).toHaveLength(0);
  });

  it('the raw client gets the same idempotency stack', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await pay().raw.POST('/payment_intents' as never, { body: { amount: 1 } } as never);
    expect(server.requests[0]!.headers['x-idempotency-key']).toMatch(uuidV4);
    expect(server.requests[0]!.headers['x-api-key']).toBe('api_key_123456');
  });
});

describe('response bodies', () => {
  it('a body cut off mid-way is retried with the same key, then parsed whole', async () => {
    let calls = 0;
    server.reset(() => (++calls === 1 ? { partialBody: '{"id":"pi_1","am' } : { status: 200, body: { id: 'pi_1', amount: 5 } }));
    await expect(pay().paymentIntents.capture('pi_1')).resolves.toEqual({ id: 'pi_1', amount: 5 });
    expect(server.requests).toHaveLength(2);
    expect(new Set(server.requests.map((r) => r.headers['x-idempotency-key'])).size).toBe(1);
  });
});
