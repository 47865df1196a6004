/** Rule 5: options are validated once, at client creation and per call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient } from '../../src/justifi/index.js';
import { createPaymentsClient, RequestValidationError } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(() => ({ status: 200, body: { id: 'pi_1', access_token: 't' } }));
});
afterAll(() => server.close());

const base = () => ({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url });
const badMaxRetries: unknown[] = [-1, 1.5, 11, Number.NaN, Number.POSITIVE_INFINITY, '2', null];
const badTimeouts: unknown[] = [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100', null];

function expectRefused(error: unknown, field: string) {
  expect(error).toBeInstanceOf(RequestValidationError);
  expect((error as RequestValidationError).field).toBe(field);
  expect((error as Error).message).toContain(field);
}

describe('rule 5: options are validated at client creation and per call', () => {
  it.each(badMaxRetries)('maxRetries %s is refused when the client is created (both clients)', (maxRetries) => {
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), maxRetries: maxRetries as number })), 'maxRetries');
    expectRefused(catchSync(() => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', maxRetries: maxRetries as number })), 'maxRetries');
  });

  it.each(badTimeouts)('timeoutMs %s is refused when the client is created (both clients)', (timeoutMs) => {
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), timeoutMs: timeoutMs as number })), 'timeoutMs');
    expectRefused(catchSync(() => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', timeoutMs: timeoutMs as number })), 'timeoutMs');
  });

  it.each([
    ['maxRetries', badMaxRetries],
    ['timeoutMs', badTimeouts],
  ] as const)('a bad per-call %s is refused before anything is sent', async (field, values) => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const pay = createPaymentsClient(base());
    for (const value of values) expectRefused(await failure(pay.paymentIntents.get('pi_1', { [field]: value } as never)), field);
    expect(server.requests).toHaveLength(0);
  });

  it('the limits themselves are accepted: maxRetries 0 and 10, timeoutMs 1 and 2^31-1', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    for (const options of [{ maxRetries: 0 }, { maxRetries: 10 }, { timeoutMs: 1 }, { timeoutMs: 2 ** 31 - 1 }]) expect(() => createPaymentsClient({ ...base(), ...options })).not.toThrow();
    await expect(createPaymentsClient(base()).paymentIntents.get('pi_1', { maxRetries: 10, timeoutMs: 2 ** 31 - 1 })).resolves.toEqual({ id: 'pi_1' });
  });

  it('backoff, fetch, logger, signal and the options object itself are checked too', async () => {
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), backoff: { initialDelayMs: -1 } })), 'backoff.initialDelayMs');
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), backoff: { maxRetryAfterMs: Number.NaN } })), 'backoff.maxRetryAfterMs');
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), fetch: 'fetch' as never })), 'fetch');
    expectRefused(catchSync(() => createPaymentsClient({ ...base(), logger: {} as never })), 'logger');
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const pay = createPaymentsClient(base());
    expectRefused(await failure(pay.paymentIntents.get('pi_1', { signal: 'stop' as never })), 'signal');
    expectRefused(await failure(pay.paymentIntents.get('pi_1', null as never)), 'options');
    expect(server.requests).toHaveLength(0);
  });
});

function catchSync(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
