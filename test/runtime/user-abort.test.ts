/** Rule 13: user aborts reject with an SDK error class, the original reason as `cause`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, createPaymentsClient, PaymentsSdkError, UserAbortError } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const pay = () => createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url });

function expectUserAbort(error: unknown, cause: unknown): void {
  expect(error).toBeInstanceOf(UserAbortError);
  expect(error).toBeInstanceOf(PaymentsSdkError);
  expect(error).not.toBeInstanceOf(ConnectionError); // not a TimeoutError either: nothing timed out
  expect((error as Error).name).toBe('UserAbortError');
  expect((error as Error).cause).toBe(cause);
}

describe('rule 13: user aborts reject with UserAbortError, the reason as cause', () => {
  it('aborted mid-request: the reason object itself is the cause', async () => {
    const controller = new AbortController();
    const reason = new Error('user closed the tab');
    // The abort happens once the server holds the request, so it is mid-request by construction.
    server.reset(() => (controller.abort(reason), { stallMs: 5000 }));
    expectUserAbort(await failure(pay().paymentIntents.get('pi_1', { signal: controller.signal })), reason);
    expect(server.requests).toHaveLength(1);
  });

  it('aborted without a reason: the cause is the signal’s default AbortError', async () => {
    const controller = new AbortController();
    server.reset(() => (controller.abort(), { stallMs: 5000 }));
    const { signal } = controller;
    const error = await failure(pay().paymentIntents.get('pi_1', { signal }));
    expectUserAbort(error, signal.reason);
    expect((error.cause as DOMException).name).toBe('AbortError');
  });

  it('aborted during the wait between retries', async () => {
    server.reset(() => ({ status: 503, headers: { 'Retry-After': '30' }, body: {} }));
    const controller = new AbortController();
    const reason = 'stop';
    // Aborted when the SDK announces the 30 s wait, so the abort lands inside it.
    const client = createPaymentsClient({ apiKey: 'api_key_123456', accountId: 'acc_1', baseUrl: server.url, logger: (e) => e.type === 'retry' && controller.abort(reason) });
    expectUserAbort(await failure(client.paymentIntents.get('pi_1', { signal: controller.signal })), reason);
    expect(server.requests).toHaveLength(1);
  });

  it('already aborted: nothing is sent', async () => {
    server.reset(() => ({ status: 200, body: { id: 'pi_1' } }));
    const reason = new Error('too late');
    expectUserAbort(await failure(pay().paymentIntents.get('pi_1', { signal: AbortSignal.abort(reason) })), reason);
    expect(server.requests).toHaveLength(0);
  });

  it('aborted between pages of an auto-paginated list', async () => {
    const controller = new AbortController();
    server.reset((_req, i) => ({ status: 200, body: { data: [{ id: `t${i}` }], meta: { has_more: true } } }));
    const reason = new Error('enough');
    const error = await failure(
      (async () => {
        for await (const _t of pay().transactions.list({ limit: 1 } as never, { signal: controller.signal })) controller.abort(reason);
      })(),
    );
    expectUserAbort(error, reason);
    expect(server.requests).toHaveLength(1);
  });
});
