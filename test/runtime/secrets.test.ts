import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createJustifiClient, type LogEvent } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { startTestServer, type TestServer } from '../support/http-server.js';

const clientSecret = 'cs_SUPER_SECRET_value_42';
const accessToken = 'at_VERY_LONG_ACCESS_TOKEN_0123456789';
const apiKey = 'ak_PRIVATE_API_KEY_987654';
const secrets = [clientSecret, accessToken, apiKey];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Every way an error or object may end up in a log or snapshot. */
function renderings(value: unknown): string[] {
  const e = value as Error;
  return [String(value), e?.message ?? '', e?.stack ?? '', JSON.stringify(value) ?? '', inspect(value, { depth: 10, showHidden: true })];
}

function expectNoSecret(value: unknown) {
  for (const text of renderings(value)) for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('secrets never leak', () => {
  it('not from an error whose server message echoes the token and the client secret', async () => {
    server.reset((req) =>
      req.path === '/oauth/token'
        ? { status: 200, body: { access_token: accessToken } }
        : { status: 400, body: { error: { code: 'parameter_missing', message: `bad header Bearer ${accessToken} for ${clientSecret}` }, echo: { access_token: accessToken } } },
    );
    const events: LogEvent[] = [];
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret, baseUrl: server.url, logger: (e) => events.push(e) });
    const error = await justifi.payments.get('py_1').then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    expectNoSecret(error);
    expectNoSecret(events);
    expect(events.some((e) => e.type === 'request' && e.headers.authorization === '[REDACTED]')).toBe(true);
  });

  it('not from a failed token request', async () => {
    server.reset(() => ({ status: 401, body: { error: { code: 'not_authenticated', message: `unknown secret ${clientSecret}` } } }));
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret, baseUrl: server.url });
    const error = await justifi.payments.get('py_1').then(() => undefined, (e: unknown) => e);
    expectNoSecret(error);
  });

  it('not from the clients themselves', () => {
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret, baseUrl: server.url });
    const pay = createPaymentsClient({ apiKey, baseUrl: server.url });
    expectNoSecret(justifi);
    expectNoSecret(pay);
  });

  it('not from Payments API errors and logs', async () => {
    server.reset(() => ({ status: 403, body: { type: 'auth', code: 'forbidden', message: `key ${apiKey} lacks access` } }));
    const events: LogEvent[] = [];
    const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: server.url, logger: (e) => events.push(e) });
    const error = await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e);
    expectNoSecret(error);
    expectNoSecret(events);
    expect(events.some((e) => e.type === 'request' && e.headers['x-api-key'] === '[REDACTED]')).toBe(true);
  });

  it('not from connection errors', async () => {
    const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
    const error = await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e);
    expect(error).toBeDefined();
    expectNoSecret(error);
  });
});

describe('logging', () => {
  it('reports request, retry (reason and delay), response status and elapsed ms', async () => {
    server.reset((_req, i) => (i === 0 ? { status: 503, body: {} } : { status: 200, body: { id: 'pi_1' } }));
    const events: LogEvent[] = [];
    const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: server.url, logger: (e) => events.push(e), backoff: { initialDelayMs: 5, maxDelayMs: 5 } });
    await pay.paymentIntents.get('pi_1');
    expect(events.map((e) => e.type)).toEqual(['request', 'response', 'retry', 'request', 'response']);
    expect(events[2]).toMatchObject({ type: 'retry', reason: 'status 503', attempt: 1 });
    expect(events[4]).toMatchObject({ type: 'response', status: 200, attempt: 2 });
    expect(typeof (events[4] as { elapsedMs: number }).elapsedMs).toBe('number');
  });
});

describe('rule 11: secrets stay out of everything', () => {
  it('util.inspect / console.log of an error print its headers redacted, even when the server echoes credentials in them', async () => {
    server.reset(() => ({
      status: 400,
      headers: { 'x-api-key': apiKey, 'set-cookie': `session=${apiKey}`, 'x-echo': `you sent ${apiKey}`, 'x-request-id': 'req_1' },
      body: { type: 'error', code: 'bad', message: 'bad request' },
    }));
    const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: server.url });
    const error = (await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e)) as ApiError;
    const printed = [inspect(error), inspect(error, { showHidden: true, depth: 10 }), inspect({ wrapped: error }, { depth: 5 })];
    for (const text of printed) {
      expect(text).not.toContain(apiKey);
      expect(text).toContain('[REDACTED]');
      expect(text).toContain('req_1'); // the rest of the headers are still there to debug with
    }
    expect(error.headers?.get('x-echo')).toBe('you sent [REDACTED]');
    expect(error.headers?.get('x-api-key')).toBe('[REDACTED]');
    expectNoSecret(error);
  });

  it('an error built by hand with credential headers still prints them redacted', () => {
    const error = new ApiError({ status: 500, headers: new Headers({ authorization: `Bearer ${accessToken}`, 'x-api-key': apiKey }) });
    expect(inspect(error)).not.toContain(accessToken);
    expect(inspect(error)).not.toContain(apiKey);
    expect(inspect(error)).toContain("authorization: '[REDACTED]'");
  });

  it('a secret appearing as a JSON key name is scrubbed from err.body, nested or not', async () => {
    server.reset(() => ({ status: 422, body: { type: 'error', message: 'invalid', [apiKey]: 'unknown field', details: [{ [apiKey]: 1 }] } }));
    const pay = createPaymentsClient({ apiKey, accountId: 'acc_1', baseUrl: server.url });
    const error = (await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e)) as ApiError;
    expect(Object.keys(error.body as object)).toContain('[REDACTED]');
    expect(JSON.stringify(error.body)).not.toContain(apiKey);
    expectNoSecret(error);
  });

  it('an API key shorter than 6 characters is scrubbed wherever it stands as a whole token, and ordinary words are left alone', async () => {
    const shortKey = 'k9Z';
    server.reset(() => ({ status: 403, headers: { 'x-echo': shortKey }, body: { type: 'error', code: 'forbidden', message: `key ${shortKey} is revoked; "${shortKey}" again; see docs/k9Zone` } }));
    const events: LogEvent[] = [];
    const pay = createPaymentsClient({ apiKey: shortKey, accountId: 'acc_1', baseUrl: server.url, logger: (e) => events.push(e) });
    const error = (await pay.paymentIntents.get('pi_1').then(() => undefined, (e: unknown) => e)) as ApiError;
    expect(error.message).toContain('key [REDACTED] is revoked; "[REDACTED]" again');
    expect(error.message).toContain('docs/k9Zone'); // inside a longer word it is not the key
    expect(error.headers?.get('x-echo')).toBe('[REDACTED]');
    for (const text of renderings(error)) expect(text).not.toMatch(/(?<![\w-])k9Z(?![\w-])/);
    expect(JSON.stringify(events)).not.toMatch(/(?<![\w-])k9Z(?![\w-])/);
  });

  it('a one-character client secret is scrubbed from a token error that echoes it', async () => {
    server.reset(() => ({ status: 401, body: { error: { code: 'not_authenticated', message: 'secret x is wrong' } } }));
    const justifi = createJustifiClient({ clientId: 'test_id', clientSecret: 'x', baseUrl: server.url });
    const error = (await justifi.payments.get('py_1').then(() => undefined, (e: unknown) => e)) as Error;
    expect(error.message).toContain('secret [REDACTED] is wrong');
  });
});
