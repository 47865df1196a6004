/**
 * Payments API sandbox: x-idempotency-key. Seed: "This key ... should be a unique value of at least
 * 10 characters", "saving the resulting status code and body of the first request made for any
 * given idempotency key for any successful request. Subsequent requests with the same key return
 * the same result for a period of up to 1 hour." and "Idempotency is only supported for POST and
 * PUT requests."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, RequestValidationError } from '../../src/payments/index.js';
import { apiKey, hour, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

const key = () => `idem-${crypto.randomUUID()}`;

describe('Payments sandbox: x-idempotency-key', () => {
  it('the same key replays the first successful response: same status and body, no new object', async () => {
    const pay = sandbox.client();
    const idempotencyKey = key();
    const before = (await pay.paymentIntents.list({ limit: 50 })).data.length;
    const first = await pay.paymentIntents.create({ amount: 4200, reference_id: 'order-1' }, { idempotencyKey }).withResponse();
    const again = await pay.paymentIntents.create({ amount: 4200, reference_id: 'order-1' }, { idempotencyKey }).withResponse();
    expect(first.response.status).toBe(201);
    expect(again.response.status).toBe(201);
    expect(again.data).toEqual(first.data);
    expect((await pay.paymentIntents.list({ limit: 50 })).data.length).toBe(before + 1);
  });

  it('a replayed capture does not capture again: it returns the first answer', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 5000, capture: false });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const idempotencyKey = key();
    const first = await pay.paymentIntents.capture(intent.id, { amount: 3000 }, { idempotencyKey });
    const replay = await pay.paymentIntents.capture(intent.id, { amount: 3000 }, { idempotencyKey });
    expect(replay).toEqual(first);
    // Without the key, a second capture is a new request and is refused (capture once).
    expect((await rejection(pay.paymentIntents.capture(intent.id, { amount: 3000 }))).code).toBe('payment_intent_already_captured');
  });

  it('a replay lasts 1 hour by the sandbox clock; after that the key is a new request', async () => {
    const pay = sandbox.client();
    const idempotencyKey = key();
    const first = await pay.paymentIntents.create({ amount: 700 }, { idempotencyKey });
    sandbox.advance(hour - 1000);
    expect((await pay.paymentIntents.create({ amount: 700 }, { idempotencyKey })).id).toBe(first.id);
    sandbox.advance(2000);
    const later = await pay.paymentIntents.create({ amount: 700 }, { idempotencyKey });
    expect(later.id).not.toBe(first.id);
  });

  it('the same key with other parameters is a 409 idempotency_key_in_use', async () => {
    const pay = sandbox.client();
    const idempotencyKey = key();
    await pay.paymentIntents.create({ amount: 800 }, { idempotencyKey });
    const error = await rejection(pay.paymentIntents.create({ amount: 801 }, { idempotencyKey }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.status).toBe(409);
    expect(error.code).toBe('idempotency_key_in_use');
  });

  it('a key shorter than 10 characters is a 400 naming x-idempotency-key (the SDK refuses it before sending)', async () => {
    const res = await sandbox.fetch('/payment_intents', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'x-account-id': 'acc_1', 'x-idempotency-key': 'short-key' },
      body: JSON.stringify({ amount: 100 }),
    });
    expect(res.status).toBe(400);
    expect(res.body.argument_errors[0].argument).toBe('x-idempotency-key');

    const error = await rejection(sandbox.client().paymentIntents.create({ amount: 100 }, { idempotencyKey: 'short-key' }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.field).toBe('x-idempotency-key');
  });

  it('only successful responses are stored: after a refusal the same key runs the (corrected) request', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 900 });
    const idempotencyKey = key();
    const refused = await rejection(pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_does_not_exist' }, { idempotencyKey }));
    expect(refused.status).toBe(422);
    const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' }, { idempotencyKey });
    expect(payment.status).toBe('captured');
  });

  it('keys are per API key: another key may use the same idempotency key', async () => {
    const idempotencyKey = key();
    const mine = await sandbox.client().paymentIntents.create({ amount: 1100 }, { idempotencyKey });
    const theirs = await sandbox.client({ apiKey: 'sk_test_other_partner' }).paymentIntents.create({ amount: 2200 }, { idempotencyKey });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.amount).toBe(2200);
  });

  it('a PATCH with x-idempotency-key is applied again, never replayed (idempotency is only for POST and PUT)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const headers = { 'x-idempotency-key': key() };
    await pay.paymentIntents.update(intent.id, { description: 'first' }, { headers });
    const second = await pay.paymentIntents.update(intent.id, { description: 'second' }, { headers });
    expect(second.description).toBe('second');
  });

  it('a second request while the first with the key is still being processed is a 409 idempotency_request_in_progress', async () => {
    // The core holds keyed requests open for latencyMs, the way a slow gateway would.
    const slow = await startPaymentsSandbox({ latencyMs: 300 });
    try {
      const pay = slow.client();
      const idempotencyKey = key();
      const [first, second] = await Promise.allSettled([pay.paymentIntents.create({ amount: 1300 }, { idempotencyKey }), pay.paymentIntents.create({ amount: 1300 }, { idempotencyKey })]);
      const outcomes = [first, second].map((r) => (r.status === 'fulfilled' ? 'created' : (r.reason as { code?: string }).code));
      expect(outcomes.sort()).toEqual(['created', 'idempotency_request_in_progress']);
      // Once the first is done, the key replays it.
      const done = first.status === 'fulfilled' ? first.value : (second as PromiseFulfilledResult<{ id: string }>).value;
      expect((await pay.paymentIntents.create({ amount: 1300 }, { idempotencyKey })).id).toBe(done.id);
    } finally {
      await slow.stop();
    }
  });
});
