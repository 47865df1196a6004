/** Rule 3: a 2xx whose body is not what the spec says is a typed error, never a raw SyntaxError. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJustifiClient, UnreadableResponseError } from '../../src/justifi/index.js';
import { ApiError, createPaymentsClient } from '../../src/payments/index.js';
import { failure } from '../support/outcome.js';
import { type Reply, startTestServer, type TestServer } from '../support/http-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const apiKey = 'api_key_SECRET_123456';
const pay = () => createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: server.url, backoff: { initialDelayMs: 1, maxDelayMs: 2 } });
type Answer = Extract<Reply, { status: number }>;
const json = (status: number, text: string): Answer => ({ status, body: text, headers: { 'content-type': 'application/json', 'x-request-id': 'req_42' } });

const bodies: [string, Answer, string][] = [
  ['invalid JSON', json(200, '{"id": pi_1}'), 'is not valid JSON'],
  ['JSON cut short (complete per Content-Length)', json(201, '{"id":"pi_1","amount":'), 'is not valid JSON'],
  ['an HTML page', { status: 200, body: '<!doctype html><html><body>Gateway OK</body></html>', headers: { 'content-type': 'text/html', 'x-request-id': 'req_42' } }, 'is not valid JSON'],
  ['an empty body where JSON is documented', { status: 200, headers: { 'x-request-id': 'req_42' } }, 'is empty'],
  ['a 204 with no body', { status: 204, headers: { 'x-request-id': 'req_42' } }, 'is empty'],
  ['JSON null', json(200, 'null'), 'is JSON null, not an object'],
  ['a JSON string', json(200, '"ok"'), 'is JSON string, not an object'],
];

describe('rule 3: a 2xx whose body is not what the spec says is a typed error', () => {
  it.each(bodies)('%s: UnreadableResponseError with status, requestId, raw text and the idempotency key; not retried', async (_label, reply, problem) => {
    server.reset(() => reply);
    const error = await failure(pay().paymentIntents.capture('pi_1', { amount: 5 } as never, { idempotencyKey: 'capture-pi_1-0001' }));
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    const unreadable = error as UnreadableResponseError;
    expect(unreadable.status).toBe(reply.status);
    expect(unreadable.requestId).toBe('req_42');
    expect(unreadable.idempotencyKey).toBe('capture-pi_1-0001');
    expect(unreadable.body).toBe(typeof reply.body === 'string' ? reply.body : '');
    expect(unreadable.message).toContain(problem);
    expect(server.requests).toHaveLength(1);
  });

  it('the raw text kept on the error is scrubbed and cut to 1000 characters', async () => {
    server.reset(() => ({ status: 200, body: `<html>your key ${apiKey} ${'x'.repeat(5000)}</html>`, headers: { 'content-type': 'text/html' } }));
    const error = (await failure(pay().paymentIntents.get('pi_1'))) as UnreadableResponseError;
    const text = error.body as string;
    expect(text).not.toContain(apiKey);
    expect(text).toContain('[REDACTED]');
    expect(text.length).toBe(1001);
    expect(text.endsWith('…')).toBe(true);
  });

  it('a JustiFi token endpoint answering 200 with HTML, or JSON without access_token, is an UnreadableResponseError', async () => {
    const justifi = () => createJustifiClient({ clientId: 'test_id', clientSecret: 'secret_123456', baseUrl: server.url });
    server.reset(() => ({ status: 200, body: '<html>login</html>', headers: { 'content-type': 'text/html' } }));
    expect(await failure(justifi().payments.get('py_1'))).toMatchObject({ name: 'UnreadableResponseError', status: 200, method: 'POST' });
    server.reset(() => ({ status: 200, body: { token_type: 'bearer' } }));
    const error = await failure(justifi().payments.get('py_1'));
    expect(error).toMatchObject({ name: 'UnreadableResponseError', status: 200 });
    expect(error.message).toContain('has no access_token');
    expect(server.requests.map((r) => r.path)).toEqual(['/oauth/token']);
  });

  it('a well-formed JSON object still resolves', async () => {
    server.reset(() => json(200, '{"id":"pi_1","amount":5}'));
    await expect(pay().paymentIntents.get('pi_1')).resolves.toEqual({ id: 'pi_1', amount: 5 });
  });
});
