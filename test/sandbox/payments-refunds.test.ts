/**
 * Payments API sandbox: refunds. Seed "Create a refund" (`amount integer >= 0`) and "Fetch a refund
 * by id"; issue 12: "refunds up to the captured amount".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnprocessableEntityError } from '../../src/payments/index.js';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

async function captured(amount: number, captureAmount?: number) {
  const pay = sandbox.client();
  const intent = await pay.paymentIntents.create({ amount, capture: captureAmount === undefined });
  const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
  if (captureAmount !== undefined) await pay.paymentIntents.capture(intent.id, { amount: captureAmount });
  return { pay, intent, payment };
}

describe('Payments sandbox: refunds', () => {
  it('partial refunds add up on the intent and its payment; each reads back by id', async () => {
    const { pay, intent, payment } = await captured(10000);
    const first = await pay.paymentIntents.createRefund(intent.id, { amount: 500 });
    expect(first).toMatchObject({ entity: 'refund', status: 'succeeded', amount: 500, payment_id: payment.id, account_id: 'acc_1', external: false });
    expect(first.id).toMatch(/^re_/);
    await pay.paymentIntents.createRefund(intent.id, { amount: 2500 });
    const after = await pay.paymentIntents.get(intent.id);
    expect(after.amount_refunded).toBe(3000);
    expect(after.latest_payment?.amount_refunded).toBe(3000);
    expect(after.status).toBe('captured');
    expect(await pay.refunds.get(first.id)).toEqual(first);
  });

  it('a refund beyond what is left of the captured amount is refused (422 refund_exceeds_captured_amount)', async () => {
    const { pay, intent } = await captured(10000);
    await pay.paymentIntents.createRefund(intent.id, { amount: 9000 });
    const error = await rejection(pay.paymentIntents.createRefund(intent.id, { amount: 1001 }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe('refund_exceeds_captured_amount');
    expect(error.body.argument_errors[0].argument).toBe('amount');
    expect((await pay.paymentIntents.get(intent.id)).amount_refunded).toBe(9000);
    // Exactly what is left is fine.
    expect((await pay.paymentIntents.createRefund(intent.id, { amount: 1000 })).amount).toBe(1000);
  });

  it('the limit is the captured amount, not the authorised amount, after a partial capture', async () => {
    const { pay, intent } = await captured(10000, 4000);
    expect((await rejection(pay.paymentIntents.createRefund(intent.id, { amount: 4001 }))).code).toBe('refund_exceeds_captured_amount');
    expect((await pay.paymentIntents.createRefund(intent.id, { amount: 4000 })).amount).toBe(4000);
  });

  it('a refund without amount refunds the rest; then the intent is fully refunded', async () => {
    const { pay, intent } = await captured(6000);
    await pay.paymentIntents.createRefund(intent.id, { amount: 1000 });
    const rest = await pay.paymentIntents.createRefund(intent.id, {});
    expect(rest.amount).toBe(5000);
    const error = await rejection(pay.paymentIntents.createRefund(intent.id, { amount: 1 }));
    expect(error.code).toBe('payment_intent_fully_refunded');
  });

  it('a zero refund is refused (422 refund_amount_invalid)', async () => {
    const { pay, intent } = await captured(6000);
    expect((await rejection(pay.paymentIntents.createRefund(intent.id, { amount: 0 }))).code).toBe('refund_amount_invalid');
  });

  it('only a captured intent can be refunded (422 payment_intent_not_captured)', async () => {
    const pay = sandbox.client();
    const created = await pay.paymentIntents.create({ amount: 1000 });
    expect((await rejection(pay.paymentIntents.createRefund(created.id, { amount: 100 }))).code).toBe('payment_intent_not_captured');
    const authorizedOnly = await pay.paymentIntents.create({ amount: 1000, capture: false });
    await pay.paymentIntents.createPayment(authorizedOnly.id, { payment_method_id: 'pm_card_visa' });
    expect((await rejection(pay.paymentIntents.createRefund(authorizedOnly.id, { amount: 100 }))).code).toBe('payment_intent_not_captured');
  });

  it('an unknown refund is a 404', async () => {
    expect((await rejection(sandbox.client().refunds.get('re_missing'))).status).toBe(404);
  });
});

describe('Payments sandbox: test-only fault refund-unlimited', () => {
  it('lifts the captured-amount limit, so a suite can prove it notices (never on in a normal run)', async () => {
    const faulty = await startPaymentsSandbox({ faults: ['refund-unlimited'] });
    try {
      const pay = faulty.client();
      const intent = await pay.paymentIntents.create({ amount: 1000 });
      await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
      await pay.paymentIntents.createRefund(intent.id, { amount: 1000 });
      const beyond = await pay.paymentIntents.createRefund(intent.id, { amount: 5000 });
      expect(beyond.amount).toBe(5000);
      expect((await pay.paymentIntents.get(intent.id)).amount_refunded).toBe(6000);
    } finally {
      await faulty.stop();
    }
  });
});
