/** Payments API sandbox: payments on an intent (seed "Create a payment", "Fetch list of payments for a payment intent"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnprocessableEntityError } from '../../src/payments/index.js';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: a payment on an intent', () => {
  it('with capture true (the default) captures at once: payment and intent `captured`', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 4000, reference_id: 'o-1' });
    const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa', cvv2: '123' });
    expect(payment).toMatchObject({
      entity: 'payment',
      status: 'captured',
      amount: 4000,
      amount_authorized: 4000,
      amount_captured: 4000,
      payment_intent_id: intent.id,
      payment_method_id: 'pm_card_visa',
      account_id: 'acc_1',
      cvv_check: 'pass',
      external: false,
      reference_id: 'o-1',
    });
    expect(payment.id).toMatch(/^pay_/);
    expect(payment.payment_method).toMatchObject({ id: 'pm_card_visa', payment_method_type: 'card' });
    const after = await pay.paymentIntents.get(intent.id);
    expect(after).toMatchObject({ status: 'captured', amount_authorized: 4000, amount_captured: 4000 });
    expect(after.latest_payment).toEqual(payment);
    expect(after.captured_at).toBeTruthy();
  });

  it('with capture false authorizes only: payment and intent `uncaptured`, nothing captured', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 4000, capture: false });
    const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_mastercard' });
    expect(payment).toMatchObject({ status: 'uncaptured', amount_authorized: 4000, amount_captured: 0 });
    expect(await pay.paymentIntents.get(intent.id)).toMatchObject({ status: 'uncaptured', amount_authorized: 4000, amount_captured: 0, captured_at: null });
  });

  it('the declined fixture card fails the payment and the intent; a failed intent can be paid again', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1800 });
    const failed = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_declined' });
    expect(failed).toMatchObject({ status: 'failed', amount_authorized: 0, amount_captured: 0, auth_code: null });
    expect((await pay.paymentIntents.get(intent.id)).status).toBe('failed');
    const retry = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    expect(retry.status).toBe('captured');
    const attempts = await pay.paymentIntents.listPayments(intent.id);
    expect(attempts.data.map((p) => [p.id, p.status])).toEqual([
      [retry.id, 'captured'],
      [failed.id, 'failed'],
    ]);
  });

  it('a paid intent cannot be paid again (422 payment_intent_unexpected_state)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const error = await rejection(pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('payment_intent_unexpected_state');
    expect((await pay.paymentIntents.listPayments(intent.id)).data).toHaveLength(1);
  });

  it('an unknown payment method is a 422 on payment_method_id', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const error = await rejection(pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_nope' }));
    expect(error.code).toBe('payment_method_not_found');
    expect(error.body.argument_errors[0].argument).toBe('payment_method_id');
    expect((await pay.paymentIntents.get(intent.id)).status).toBe('created');
  });

  it('a method of a type the intent does not accept is a 422 payment_method_type_not_allowed', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000, payment_method_types: ['card'] });
    const error = await rejection(pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_bank_checking' }));
    expect(error.code).toBe('payment_method_type_not_allowed');
  });

  it('payment_method_id is required (400 naming it)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const error = await rejection(pay.paymentIntents.createPayment(intent.id, {} as never));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors).toContainEqual({ argument: 'payment_method_id', message: 'payment_method_id is required' });
  });

  it('payments on an intent of an unknown id are a 404, listing them too', async () => {
    const pay = sandbox.client();
    expect((await rejection(pay.paymentIntents.createPayment('pi_missing', { payment_method_id: 'pm_card_visa' }))).status).toBe(404);
    expect((await rejection(pay.paymentIntents.listPayments('pi_missing'))).status).toBe(404);
  });
});
