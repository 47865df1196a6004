/** Rule 10: header values are checked; a bad one is a RequestValidationError naming the header, never a raw TypeError. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'x', data: {} } }));
});
afterAll(() => server.close());

const justifi = (extra = {}) => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url, ...extra });
const pay = (extra = {}) => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', businessId: 'biz_1', baseUrl: server.url, ...extra });

const badValues: [string, string][] = [
  ['CR LF (header injection)', 'acc_1\r\nX-Injected: yes'],
  ['a lone LF', 'acc_1\n'],
  ['NUL', 'acc\u00001'],
  ['another control character', 'acc\u00071'],
  ['a non-Latin-1 character', 'acc_☕'],
];

function expectHeaderRefused(error: unknown, header: string) {
  expect(error).toBeInstanceOf(RequestValidationError);
  expect(error).not.toBeInstanceOf(TypeError);
  expect((error as RequestValidationError).field).toBe(header);
  expect((error as Error).message).toContain(header);
}

describe('rule 10: header values are checked', () => {
  it.each(badValues)('%s in subAccount, accountId, businessId, idempotencyKey or a custom header: refused per call, naming the header', async (_label, value) => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 't' } } : { status: 200, body: { id: 'x', data: {} } }));
    expectHeaderRefused(await failure(justifi().payments.create({ amount: 1 } as never, { subAccount: value })), 'Sub-Account');
    expectHeaderRefused(await failure(pay().paymentIntents.get('pi_1', { accountId: value })), 'x-account-id');
    expectHeaderRefused(await failure(pay().payouts.listForBusiness(undefined, { businessId: value })), 'x-business-id');
    expectHeaderRefused(await failure(pay().paymentIntents.create({ amount: 1 } as never, { idempotencyKey: `order-2026-${value}` })), 'x-idempotency-key');
    expectHeaderRefused(await failure(pay().paymentIntents.get('pi_1', { headers: { 'X-Trace': value } })), 'X-Trace');
    expect(server.requests).toHaveLength(0);
  });

  it.each(badValues)('%s in a client default is refused when the client is created', (_label, value) => {
    expect(() => justifi({ subAccount: value })).toThrow(RequestValidationError);
    expect(() => pay({ accountId: value })).toThrow(/x-account-id/);
    expect(() => pay({ businessId: value })).toThrow(/x-business-id/);
    expect(() => pay({ apiKey: `key_${value}` })).toThrow(/x-api-key/);
  });

  it('an invalid custom header name or a non-string value is refused too', async () => {
    expectHeaderRefused(await failure(pay().paymentIntents.get('pi_1', { headers: { 'Bad Header': 'x' } })), 'Bad Header');
    expectHeaderRefused(await failure(pay().paymentIntents.get('pi_1', { headers: { 'X-Count': 5 as never } })), 'X-Count');
    expect(server.requests).toHaveLength(0);
  });

  it('tabs, spaces and Latin-1 text are ordinary header values and are sent', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    await pay().paymentIntents.get('pi_1', { headers: { 'X-Note': 'café\tcrème' } });
    expect(server.requests[0]!.headers['x-note']).toBe('café\tcrème');
  });
});
