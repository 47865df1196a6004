/** Payments API sandbox: payment intents are created, read back and updated from state. Seed "Payment Intents". */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadRequestError, UnprocessableEntityError } from '../../src/payments/index.js';
import { apiKey, rejection, startPaymentsSandbox, startTime, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: create a payment intent', () => {
  it('is created `created` for the account with the amounts at zero, and reads back the same', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({
      amount: 10800,
      merchant_amount: 10000,
      currency: 'USD',
      capture: false,
      reference_id: 'order-10042',
      description: 'Order 10042',
      user_fields: { cart: 'c_1' },
      payment_method_types: ['card'],
      order_details: { order_number: '10042', tax_amount: 800 },
    });
    expect(intent).toMatchObject({
      entity: 'payment_intent',
      status: 'created',
      amount: 10800,
      merchant_amount: 10000,
      amount_authorized: 0,
      amount_captured: 0,
      amount_refunded: 0,
      amount_voided: 0,
      capture: false,
      currency: 'USD',
      account_id: 'acc_1',
      reference_id: 'order-10042',
      user_fields: { cart: 'c_1' },
      payment_method_types: ['card'],
      order_details: { order_number: '10042', tax_amount: 800 },
      latest_payment: null,
      external: false,
      created_at: new Date(startTime).toISOString(),
    });
    expect(intent.id).toMatch(/^pi_/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    expect(await pay.paymentIntents.get(intent.id)).toEqual(intent);
  });

  it('capture defaults to true and currency to USD (inferred defaults)', async () => {
    const intent = await sandbox.client().paymentIntents.create({ amount: 500 });
    expect(intent.capture).toBe(true);
    expect(intent.currency).toBe('USD');
    expect(intent.payment_method_types).toEqual(['card', 'bank']);
  });

  it('amount is required and an integer >= 0; currency is USD only: 400 naming the argument', async () => {
    for (const [body, argument] of [
      [{}, 'amount'],
      [{ amount: 10.5 }, 'amount'],
      [{ amount: -1 }, 'amount'],
      [{ amount: 100, currency: 'EUR' }, 'currency'],
    ] as const) {
      const res = await sandbox.fetch('/payment_intents', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'x-account-id': 'acc_1' },
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_error');
      expect(res.body.argument_errors.map((e: { argument: string }) => e.argument)).toContain(argument);
    }
    const error = await rejection(sandbox.client().paymentIntents.create({ amount: -5 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.body.argument_errors[0].argument).toBe('amount');
  });

  it('merchant_amount may not exceed amount (422 merchant_amount_exceeds_amount)', async () => {
    const error = await rejection(sandbox.client().paymentIntents.create({ amount: 1000, merchant_amount: 1001 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('merchant_amount_exceeds_amount');
    expect(error.body.argument_errors[0].argument).toBe('merchant_amount');
  });

  it('payment splits may not add up to more than the amount (422 payment_splits_exceed_amount)', async () => {
    const error = await rejection(
      sandbox.client().paymentIntents.create({ amount: 1000, payment_splits: [{ account_id: 'acc_x', amount: 600 }, { account_id: 'acc_y', amount: 500 }] }),
    );
    expect(error.code).toBe('payment_splits_exceed_amount');
  });

  it('an unknown intent is a 404 not_found', async () => {
    const error = await rejection(sandbox.client().paymentIntents.get('pi_missing'));
    expect(error.status).toBe(404);
    expect(error.code).toBe('not_found');
  });
});

describe('Payments sandbox: update (PATCH) a payment intent', () => {
  it('changes only the fields sent; the others keep their values', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 2000, reference_id: 'r-1', description: 'before' });
    sandbox.advance(1000);
    const updated = await pay.paymentIntents.update(intent.id, { amount: 2500, description: 'after' });
    expect(updated).toMatchObject({ amount: 2500, description: 'after', reference_id: 'r-1', status: 'created' });
    expect(Date.parse(updated.updated_at)).toBe(Date.parse(intent.updated_at) + 1000);
    expect(await pay.paymentIntents.get(intent.id)).toEqual(updated);
  });

  it('the amount cannot change after a successful payment, the description can', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 2000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const error = await rejection(pay.paymentIntents.update(intent.id, { amount: 1 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('payment_intent_unexpected_state');
    expect((await pay.paymentIntents.update(intent.id, { description: 'shipped' })).description).toBe('shipped');
    expect((await pay.paymentIntents.get(intent.id)).amount).toBe(2000);
  });
});
