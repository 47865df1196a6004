/** Rule 2: path parameters cannot change the endpoint. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient, RequestValidationError } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'x', data: { id: 'x' } } }));
});
afterAll(() => server.close());

const justifi = () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url });

const refused: [string, unknown][] = [
  ['empty string', ''],
  ['whitespace only', '  '],
  ['"."', '.'],
  ['".."', '..'],
  ['"%2e%2e"', '%2e%2e'],
  ['"%2E."', '%2E.'],
  ['"%2e"', '%2e'],
  ['double-encoded "%252e%252e"', '%252e%252e'],
  ['undefined', undefined],
  ['null', null],
  ['an object', { id: 'py_1' }],
  ['an array', ['py_1', 'py_2']],
  ['a boolean', true],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['a newline', 'py_1\nx'],
  ['a NUL', 'py_1\u0000'],
  ['an encoded CR', 'py_1%0d'],
];

describe('rule 2: path parameters cannot change the endpoint', () => {
  it.each(refused)('JustiFi payments.refund(%s) is a RequestValidationError naming "id", nothing sent (not even the token request)', async (_label, id) => {
    server.reset(() => ({ status: 200, body: {} }));
    const error = await failure(justifi().payments.refund(id as string, { amount: 1 } as never));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).field).toBe('id');
    expect(error.message).toContain('path parameter id');
    expect(server.requests).toHaveLength(0);
  });

  it('get("") would have listed and get(undefined) would have sent %7Bid%7D: both refused', async () => {
    server.reset(() => ({ status: 200, body: {} }));
    await expect(justifi().payments.get('')).rejects.toMatchObject({ name: 'RequestValidationError', field: 'id' });
    await expect(justifi().payments.get(undefined as never)).rejects.toMatchObject({ name: 'RequestValidationError', field: 'id' });
    await expect(pay().externalPayments.cancel('..')).rejects.toMatchObject({ name: 'RequestValidationError', field: 'payment_intent_id' });
    expect(server.requests).toHaveLength(0);
  });

  it('everything else is sent percent-encoded in its own segment, as before', async () => {
    server.reset(() => ({ status: 200, body: { id: 'x' } }));
    await pay().paymentIntents.get('a/b c?d#e');
    await pay().paymentIntents.get('...');
    await pay().paymentIntents.get('%zz');
    await pay().transactions.get(42 as never);
    expect(server.requests.map((r) => r.path)).toEqual(['/payment_intents/a%2Fb%20c%3Fd%23e', '/payment_intents/...', '/payment_intents/%25zz', '/transactions/42']);
  });
});
