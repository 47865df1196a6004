/**
 * Payments API sandbox: what the core refuses by itself (invalid JSON, wrong content type,
 * unknown route, wrong method, a body over 1 MB) answers in the Payments API's error body,
 * `{type, code, message, argument_errors}`, with the fitting status, never a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

const headers = { 'x-api-key': apiKey, 'x-account-id': 'acc_1', 'content-type': 'application/json' };

function expectErrorBody(body: unknown, code: string) {
  expect(body).toMatchObject({ type: 'invalid_request_error', code, argument_errors: [] });
  expect(typeof (body as { message: unknown }).message).toBe('string');
}

describe('Payments sandbox: bad input answers in the API error body', () => {
  it('invalid JSON is a 400 bad_request', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers, body: '{"amount": 10' });
    expect(res.status).toBe(400);
    expectErrorBody(res.body, 'bad_request');
  });

  it('a content type the operation does not take is a 415', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'amount=10' });
    expect(res.status).toBe(415);
    expectErrorBody(res.body, 'unsupported_media_type');
  });

  it('an unknown route is a 404 not_found', async () => {
    const res = await sandbox.fetch('/no_such_thing', { headers });
    expect(res.status).toBe(404);
    expectErrorBody(res.body, 'not_found');
  });

  it('a method the path does not take is a 405 with Allow', async () => {
    const res = await sandbox.fetch('/ledger/balances', { method: 'DELETE', headers });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
    expectErrorBody(res.body, 'method_not_allowed');
  });

  it('a body over 1 MB is a 413', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers, body: JSON.stringify({ amount: 1, description: 'x'.repeat(1024 * 1024 + 1) }) });
    expect(res.status).toBe(413);
    expectErrorBody(res.body, 'payload_too_large');
  });

  it('a body that is JSON but not an object is a 400 validation_error', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers, body: '[1,2]' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
  });

  it('after all of it the sandbox still answers', async () => {
    expect((await sandbox.client().balances.get()).currency).toBe('USD');
    expect(sandbox.failures).toEqual([]);
  });
});
