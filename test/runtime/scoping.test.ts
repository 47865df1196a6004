import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('Payments API auth and scoping', () => {
  it('sends x-api-key on every request', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url }).paymentIntents.get('pi_1');
    expect(server.requests[0]!.headers['x-api-key']).toBe('api_key_123456');
  });

  it('x-account-id comes from the client default and can be overridden per call', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const pay = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_default', baseUrl: server.url });
    await pay.paymentIntents.get('pi_1');
    await pay.paymentIntents.get('pi_1', { accountId: 'acc_call' });
    expect(server.requests.map((r) => r.headers['x-account-id'])).toEqual(['acc_default', 'acc_call']);
  });

  it('an operation that requires x-account-id fails before any network call when there is none', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const pay = createPaymentsClient({ apiKey: 'api_key_123456', baseUrl: server.url });
    const error = await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe('x-account-id');
    expect((error as Error).message).toContain('x-account-id');
    expect((error as Error).message).toContain('accountId');
    expect(server.requests).toHaveLength(0);
  });

  it('environment defaults to sandbox', () => {
    expect(createPaymentsClient({ apiKey: 'k' }).environment).toBe('sandbox');
    expect(createPaymentsClient({ apiKey: 'k', environment: 'production' }).environment).toBe('production');
    expect(() => createPaymentsClient({ apiKey: 'k', environment: 'staging' as never })).toThrow(RequestValidationError);
  });

  it('a missing apiKey is a RequestValidationError naming the field', () => {
    expect(() => createPaymentsClient({} as never)).toThrow(/apiKey/);
  });
});

describe('JustiFi Sub-Account', () => {
  it('sends the client default Sub-Account where the operation takes it, and lets a call override it', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'py_1', type: 'payment', data: {}, page_info: null } }));
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, subAccount: 'acc_default' });
    await justifi.payments.create({ amount: 1 } as never);
    await justifi.payments.create({ amount: 1 } as never, { subAccount: 'acc_call' });
    expect(server.requests.filter((r) => r.path !== '/oauth/token').map((r) => r.headers['sub-account'])).toEqual(['acc_default', 'acc_call']);
  });

  it('does not send Sub-Account to an operation whose spec does not take it (the token request included)', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'py_1', type: 'payment', data: {}, page_info: null } }));
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, subAccount: 'acc_default' });
    await justifi.payments.get('py_1');
    expect(server.requests.map((r) => r.headers['sub-account'])).toEqual([undefined, undefined]);
  });
});
