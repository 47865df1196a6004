/**
 * Rule 8: a call's own timeoutMs and signal cover getting the token. The client's timeout is left at
 * its 60 s default: if the wait for a hung token endpoint were not bounded by the call's own
 * options, these calls would outlive the 30 s test timeout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient, TimeoutError, UserAbortError } from '../../src/justifi/index.js';
import { failure } from '../support/outcome.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const payment = { id: 'py_1', type: 'payment', data: { id: 'py_1' }, page_info: null };
const justifi = () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
const hungTokenEndpoint = () => server.reset((req) => (req.path === '/oauth/token' ? { stallMs: 25_000 } : { status: 200, body: payment }));

describe("rule 8: a call's own timeoutMs and signal cover getting the token", () => {
  it('a hung token endpoint: a call with timeoutMs 300 and maxRetries 0 ends in TimeoutError(300), not the client timeout', async () => {
    hungTokenEndpoint();
    const error = await failure(justifi().payments.get('py_1', { timeoutMs: 300, maxRetries: 0 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ timeoutMs: 300, attempt: 1, attempts: 1 });
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token']);
  });

  it("a hung token endpoint: the call's signal aborts the wait with a UserAbortError", async () => {
    hungTokenEndpoint();
    const controller = new AbortController();
    const call = failure(justifi().payments.get('py_1', { signal: controller.signal }));
    setTimeout(() => controller.abort(new Error('checkout closed')), 100);
    const error = await call;
    expect(error).toBeInstanceOf(UserAbortError);
    expect((error.cause as Error).message).toBe('checkout closed');
  });

  it('a waiting call timing out does not cancel the shared token request for the calls still waiting', async () => {
    server.reset((req) => (req.path === '/oauth/token' ? { status: 200, body: { access_token: 'slow-token' }, delayMs: 600 } : { status: 200, body: payment }));
    const client = justifi();
    const [impatient, patient] = await Promise.allSettled([client.payments.get('py_1', { timeoutMs: 100, maxRetries: 0 }), client.payments.get('py_1')]);
    expect(impatient.status === 'rejected' && impatient.reason).toBeInstanceOf(TimeoutError);
    expect(patient).toEqual({ status: 'fulfilled', value: payment.data });
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token', '/payments/py_1']);
    expect(server.requests[1]!.headers.authorization).toBe('Bearer slow-token');
  });
});
