/**
 * Payments API sandbox: capture. Seed "Capture a payment intent" (`amount integer >= 0`); issue 12:
 * "capture once (partial allowed up to the authorised amount)".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnprocessableEntityError } from '../../src/payments/index.js';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

async function authorized(amount: number) {
  const pay = sandbox.client();
  const intent = await pay.paymentIntents.create({ amount, capture: false });
  await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
  return { pay, intent };
}

describe('Payments sandbox: capture a payment intent', () => {
  it('without amount captures the whole authorization, and returns the same intent', async () => {
    const { pay, intent } = await authorized(10800);
    const captured = await pay.paymentIntents.capture(intent.id);
    expect(captured).toMatchObject({ id: intent.id, status: 'captured', amount_authorized: 10800, amount_captured: 10800, amount_voided: 0 });
    expect(captured.latest_payment).toMatchObject({ status: 'captured', amount_captured: 10800 });
    expect(await pay.paymentIntents.get(intent.id)).toEqual(captured);
  });

  it('partially, up to the authorised amount: the rest is voided', async () => {
    const { pay, intent } = await authorized(10000);
    const captured = await pay.paymentIntents.capture(intent.id, { amount: 6000 });
    expect(captured).toMatchObject({ status: 'captured', amount_captured: 6000, amount_voided: 4000 });
  });

  it('more than the authorised amount is refused (422 capture_amount_exceeds_authorized), nothing changes', async () => {
    const { pay, intent } = await authorized(5000);
    const error = await rejection(pay.paymentIntents.capture(intent.id, { amount: 5001 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('capture_amount_exceeds_authorized');
    expect(error.body.argument_errors[0].argument).toBe('amount');
    expect((await pay.paymentIntents.get(intent.id)).status).toBe('uncaptured');
  });

  it('a zero amount is refused (422 capture_amount_invalid)', async () => {
    const { pay, intent } = await authorized(5000);
    expect((await rejection(pay.paymentIntents.capture(intent.id, { amount: 0 }))).code).toBe('capture_amount_invalid');
  });

  it('captures once: a second capture is refused with payment_intent_already_captured', async () => {
    const { pay, intent } = await authorized(5000);
    await pay.paymentIntents.capture(intent.id, { amount: 1000 });
    const error = await rejection(pay.paymentIntents.capture(intent.id, { amount: 1000 }));
    expect(error.code).toBe('payment_intent_already_captured');
    expect((await pay.paymentIntents.get(intent.id)).amount_captured).toBe(1000);
  });

  it('an intent captured on payment (capture: true) cannot be captured again', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 3000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    expect((await rejection(pay.paymentIntents.capture(intent.id))).code).toBe('payment_intent_already_captured');
  });

  it('an intent without an authorised payment cannot be captured (422 payment_intent_unexpected_state)', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 3000, capture: false });
    expect((await rejection(pay.paymentIntents.capture(intent.id))).code).toBe('payment_intent_unexpected_state');
  });

  it('new payment splits may come with the capture, within the captured amount', async () => {
    const { pay, intent } = await authorized(8000);
    expect((await rejection(pay.paymentIntents.capture(intent.id, { amount: 5000, payment_splits: [{ account_id: 'acc_x', amount: 5001 }] }))).code).toBe(
      'payment_splits_exceed_amount',
    );
    const captured = await pay.paymentIntents.capture(intent.id, { amount: 5000, payment_splits: [{ account_id: 'acc_x', amount: 1000 }] });
    expect(captured.payment_splits).toEqual([{ account_id: 'acc_x', amount: 1000 }]);
  });
});
