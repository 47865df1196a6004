/**
 * Generated methods on the wire, against a real local server: positional arguments land where the
 * spec puts them (path parameters in path order, then the body, then the query, options last),
 * lists page in their style, and the JustiFi token exchange goes to the token endpoint as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const envelope = (data: unknown, pageInfo: unknown = null) => ({ id: 1, type: 'payment', data, page_info: pageInfo });
const justifi = () => createJustifiClient({ clientId: 'test_methods', clientSecret: 'methods_secret_value', baseUrl: `${server.url}/v1`, maxRetries: 0 });
const pay = () => createPaymentsClient({ apiKey: 'methods_api_key_0000', accountId: 'acc_1', baseUrl: server.url, maxRetries: 0 });
const body = (i: number) => JSON.parse(server.requests[i]!.body || 'null') as unknown;

describe('generated methods', () => {
  it('send path parameters, then the body, then request options, and resolve to the data', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 'tok_methods' } } : { status: 201, body: envelope({ id: 're_1', amount: 5 }) }));
    const refund = await justifi().payments.refund('py_1', { amount: 5 }, { idempotencyKey: 'refund-key-1' });
    expect(refund).toEqual({ id: 're_1', amount: 5 });
    const sent = server.requests[1]!;
    expect([sent.method, sent.path, sent.headers['idempotency-key'], body(1)]).toEqual(['POST', '/v1/payments/py_1/refunds', 'refund-key-1', { amount: 5 }]);
  });

  it('send a query after the path parameters, and page a list by its cursor', async () => {
    server.reset((req) =>
      req.path === '/oauth/token'
        ? { status: 200, body: { access_token: 'tok_methods' } }
        : { status: 200, body: { ...envelope(req.path.includes('after_cursor') ? [{ id: 'bt_2' }] : [{ id: 'bt_1' }], { has_next: !req.path.includes('after_cursor'), has_previous: false, start_cursor: 'c0', end_cursor: 'c1' }), type: 'array' } },
    );
    const items = await justifi().payments.balanceTransactions('py_9', { limit: 1 }).toArray({ max: 10 });
    expect(items).toEqual([{ id: 'bt_1' }, { id: 'bt_2' }]);
    expect(server.requests.slice(1).map((r) => r.path)).toEqual(['/v1/payments/py_9/payment_balance_transactions?limit=1', '/v1/payments/py_9/payment_balance_transactions?limit=1&after_cursor=c1']);
  });

  it('take no body where the spec has none: options come right after the path parameters', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 'tok_methods' } } : { status: 200, body: envelope({ id: 'py_1' }) }));
    await justifi().payments.capture('py_1', { idempotencyKey: 'capture-key-1', headers: { 'X-Trace': 't1' } });
    const sent = server.requests[1]!;
    expect([sent.method, sent.path, sent.headers['idempotency-key'], sent.headers['x-trace'], sent.body]).toEqual(['POST', '/v1/payments/py_1/capture', 'capture-key-1', 't1', '']);
  });

  it('page a Payments API search by page number, its page parameters in the body', async () => {
    server.reset((req) => {
      const page = (JSON.parse(req.body) as { page?: number }).page ?? 1;
      return { status: 200, body: { data: page === 1 ? [{ id: 't_1' }] : [], meta: { total_pages: 2 } } };
    });
    const seen = await pay().transactions.search({ limit: 1 }).toArray({ max: 10 });
    expect(seen).toEqual([{ id: 't_1' }]);
    expect(server.requests.map((r) => [r.method, r.path, body(server.requests.indexOf(r))])).toEqual([
      ['POST', '/transactions/search', { limit: 1 }],
      ['POST', '/transactions/search', { limit: 1, page: 2 }],
    ]);
  });

  it('name the positional path parameter as the spec does (external payments: payment_intent_id)', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_7', status: 'canceled' } }));
    await pay().externalPayments.cancel('pi_7', undefined, { idempotencyKey: 'cancel-key-0001' });
    expect([server.requests[0]!.path, server.requests[0]!.headers['x-idempotency-key'], server.requests[0]!.headers['x-account-id']]).toEqual(['/external_payments/pi_7/cancel', 'cancel-key-0001', 'acc_1']);
  });
});

describe('accessTokens.create (the JustiFi token exchange)', () => {
  it('posts the given credentials to the token endpoint without a bearer token or idempotency key, and returns the token response', async () => {
    server.reset(() => ({ status: 200, body: { access_token: 'tok_exchanged' } }));
    const client = createJustifiClient({ clientId: 'test_own', clientSecret: 'own_secret_value', baseUrl: `${server.url}/v1`, tokenUrl: `${server.url}/auth/token`, maxRetries: 0 });
    const token = await client.accessTokens.create({ client_id: 'test_other', client_secret: 'other_secret' });
    expect(token).toEqual({ access_token: 'tok_exchanged' });
    expect(server.requests).toHaveLength(1);
    const sent = server.requests[0]!;
    expect([sent.method, sent.path, sent.headers.authorization, sent.headers['idempotency-key'], body(0)]).toEqual(['POST', '/auth/token', undefined, undefined, { client_id: 'test_other', client_secret: 'other_secret' }]);
  });

  it('raises the typed error of a refused exchange', async () => {
    server.reset(() => ({ status: 401, body: { error: { code: 'not_authenticated', message: 'bad credentials' } } }));
    const error = await justifi().accessTokens.create({ client_id: 'test_x', client_secret: 'wrong' }).then(() => undefined, (e: unknown) => e);
    expect(error).toMatchObject({ name: 'AuthenticationError', status: 401, code: 'not_authenticated' });
  });
});
