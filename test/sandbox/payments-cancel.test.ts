/** Payments API sandbox: cancel. Seed "Cancel a payment intent" (`cancellation_reason`: duplicate, fraudulent, requested_by_customer, abandoned). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: cancel a payment intent', () => {
  it('a created intent is cancelled with its reason and time', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const cancelled = await pay.paymentIntents.cancel(intent.id, { cancellation_reason: 'requested_by_customer' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation_reason: 'requested_by_customer', amount_voided: 0 });
    expect(cancelled.cancelled_at).toBe(new Date(sandbox.now()).toISOString());
  });

  it('cancelling an authorised intent voids the authorization (payment `voided`)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 2500, capture: false });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const cancelled = await pay.paymentIntents.cancel(intent.id);
    expect(cancelled).toMatchObject({ status: 'cancelled', amount_voided: 2500, cancellation_reason: null });
    expect(cancelled.latest_payment).toMatchObject({ status: 'voided', amount_voided: 2500 });
  });

  it('an unknown reason is a 400 naming cancellation_reason', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const error = await rejection(pay.paymentIntents.cancel(intent.id, { cancellation_reason: 'bored' as never }));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors[0].argument).toBe('cancellation_reason');
  });

  it('a captured intent cannot be cancelled (refund it instead)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const error = await rejection(pay.paymentIntents.cancel(intent.id));
    expect(error.status).toBe(422);
    expect(error.code).toBe('payment_intent_unexpected_state');
  });

  it('a cancelled intent cannot be cancelled again, paid or captured', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000, capture: false });
    await pay.paymentIntents.cancel(intent.id);
    expect((await rejection(pay.paymentIntents.cancel(intent.id))).code).toBe('payment_intent_already_cancelled');
    expect((await rejection(pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' }))).code).toBe('payment_intent_unexpected_state');
    expect((await rejection(pay.paymentIntents.capture(intent.id))).code).toBe('payment_intent_unexpected_state');
  });
});
