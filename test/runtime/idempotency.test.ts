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

describe('rule 9: idempotency follows the spec, not a method list', () => {
  it('the Payments API PATCH updatePaymentIntent (which declares x-idempotency-key) gets a UUID v4 key, the same on every retry', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 503, body: {} } : { status: 200, body: { id: 'pi_1' } }));
    const result = await pay().paymentIntents.update('pi_1', { description: 'x' } as never).withResponse();
    const keys = server.requests.map((r) => r.headers['x-idempotency-key']);
    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
    expect(keys[0]).toMatch(uuidV4);
    expect(new Set(keys)).toEqual(new Set([result.idempotencyKey]));
  });

  it.each(['x-idempotency-key', 'X-Idempotency-Key', 'X-IDEMPOTENCY-KEY'])("a caller's key given as headers['%s'] is sent unchanged, once, on every attempt", async (name) => {
    server.reset((_req, i) => (i === 0 ? { status: 500, body: {} } : { status: 201, body: { id: 'pi_1' } }));
    const result = await pay().paymentIntents.create({ amount: 1 } as never, { headers: { [name]: 'order-from-headers-01' } }).withResponse();
    // Node joins repeated header lines with ", ": an exact match means the key travelled once.
    expect(server.requests.map((r) => r.headers['x-idempotency-key'])).toEqual(['order-from-headers-01', 'order-from-headers-01']);
    expect(result.idempotencyKey).toBe('order-from-headers-01');
  });

  it("JustiFi: a caller's Idempotency-Key given through headers is kept, not replaced by a generated one", async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 201, body: envelope({ id: 'py_1' }) }));
    await justifi().payments.create({ amount: 1 } as never, { headers: { 'idempotency-key': 'justifi-order-0001' } });
    expect(apiRequests()[0]!.headers['idempotency-key']).toBe('justifi-order-0001');
  });

  it("a caller's key is never dropped, even on an operation that does not declare the header", async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await pay().paymentIntents.get('pi_1', { idempotencyKey: 'read-correlation-01' });
    expect(server.requests[0]!.headers['x-idempotency-key']).toBe('read-correlation-01');
  });

  it('the same header given twice with different values is refused before sending', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const error = await pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: 'order-aaaaaaaaaa', headers: { 'x-idempotency-key': 'order-bbbbbbbbbb' } }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'RequestValidationError', field: 'x-idempotency-key' });
    expect(server.requests).toHaveLength(0);
  });

  it.each([' order-2026-0001', 'order-2026-0001 ', 'order-2026-0001\t'])('a key with leading/trailing whitespace (%j) is refused rather than silently trimmed', async (key) => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const error = await pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: key }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe('x-idempotency-key');
    expect((error as Error).message).toContain('whitespace');
    expect(server.requests).toHaveLength(0);
  });
});
