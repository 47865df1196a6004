/** Payments API sandbox: external payments and refunds (seed "External Payments", "External Refunds"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

const gateway = { transaction_id: 'gw_1', status: 'approved', response_code: '00', response_text: 'Approved', auth_code: 'A1B2C3' };
const method = { payment_method_type: 'card' as const, card: { brand: 'visa', acct_last_four: '1111', name: 'Ext Customer' }, billing_details: { name: 'Ext Customer' } };

describe('Payments sandbox: external payments', () => {
  it('records an intent paid at another gateway: external, captured, with the method and gateway auth code', async () => {
    const pay = sandbox.client();
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 7500, reference_id: 'ext-1' }, payment_method: method, gateway_response: { ...gateway, amount: 7500 }, card_present: true });
    expect(intent).toMatchObject({ external: true, status: 'captured', amount: 7500, amount_captured: 7500, reference_id: 'ext-1' });
    expect(intent.latest_payment).toMatchObject({ external: true, status: 'captured', auth_code: 'A1B2C3', card_present: true });
    const recorded = await pay.paymentMethods.get(intent.latest_payment!.payment_method_id!);
    expect(recorded).toMatchObject({ source_type: 'external', payment_method_type: 'card', card: { acct_last_four: '1111' } });
    expect(await pay.paymentIntents.get(intent.id)).toEqual(intent);
  });

  it('with capture false it is authorised; external capture records the capture, partially if so', async () => {
    const pay = sandbox.client();
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 5000, capture: false }, payment_method: method, gateway_response: gateway });
    expect(intent.status).toBe('uncaptured');
    const captured = await pay.externalPayments.capture(intent.id, { amount: 4000, gateway_capture_response: { transaction_id: 'gw_cap', status: 'approved' } });
    expect(captured).toMatchObject({ status: 'captured', amount_captured: 4000, amount_voided: 1000 });
    expect((await rejection(pay.externalPayments.capture(intent.id, { gateway_capture_response: {} }))).code).toBe('payment_intent_already_captured');
  });

  it('without amount, the capture takes the gateway capture response amount', async () => {
    const pay = sandbox.client();
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 5000, capture: false }, payment_method: method, gateway_response: gateway });
    expect((await pay.externalPayments.capture(intent.id, { gateway_capture_response: { amount: 3500 } })).amount_captured).toBe(3500);
  });

  it('external cancel voids an external authorization', async () => {
    const pay = sandbox.client();
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 5000, capture: false }, payment_method: method, gateway_response: gateway });
    const cancelled = await pay.externalPayments.cancel(intent.id, { cancellation_reason: 'duplicate', gateway_void_response: { status: 'voided' } });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation_reason: 'duplicate', amount_voided: 5000 });
  });

  it('a declined gateway response records a failed payment (inferred)', async () => {
    const intent = await sandbox.client().externalPayments.create({ payment_intent: { amount: 5000 }, payment_method: method, gateway_response: { status: 'declined' } });
    expect(intent.status).toBe('failed');
    expect(intent.latest_payment?.status).toBe('failed');
  });

  it('a gateway amount other than the intent amount is refused (422 gateway_amount_mismatch)', async () => {
    const error = await rejection(sandbox.client().externalPayments.create({ payment_intent: { amount: 5000 }, payment_method: method, gateway_response: { amount: 4999 } }));
    expect(error.code).toBe('gateway_amount_mismatch');
  });

  it('the gateway_response is required (400 naming it)', async () => {
    const error = await rejection(sandbox.client().externalPayments.create({ payment_intent: { amount: 5000 }, payment_method: method } as never));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors.map((e: { argument: string }) => e.argument)).toContain('gateway_response');
  });

  it('external and platform intents do not mix: each refuses the other kind of operation', async () => {
    const pay = sandbox.client();
    const external = await pay.externalPayments.create({ payment_intent: { amount: 5000, capture: false }, payment_method: method, gateway_response: gateway });
    expect((await rejection(pay.paymentIntents.capture(external.id))).code).toBe('payment_intent_external');
    expect((await rejection(pay.paymentIntents.cancel(external.id))).code).toBe('payment_intent_external');
    const platform = await pay.paymentIntents.create({ amount: 5000, capture: false });
    await pay.paymentIntents.createPayment(platform.id, { payment_method_id: 'pm_card_visa' });
    expect((await rejection(pay.externalPayments.capture(platform.id, { gateway_capture_response: {} }))).code).toBe('payment_intent_not_external');
    expect((await rejection(pay.externalRefunds.create({ payment_intent_id: platform.id, gateway_response: gateway }))).code).toBe('payment_intent_not_external');
  });

  it('an external intent of another account is a 404', async () => {
    const intent = await sandbox.client().externalPayments.create({ payment_intent: { amount: 5000, capture: false }, payment_method: method, gateway_response: gateway });
    expect((await rejection(sandbox.client({ accountId: 'acc_2' }).externalPayments.cancel(intent.id))).status).toBe(404);
  });
});

describe('Payments sandbox: external refunds', () => {
  it('record refunds up to the captured amount of the external intent', async () => {
    const pay = sandbox.client();
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 6000 }, payment_method: method, gateway_response: gateway });
    const refund = await pay.externalRefunds.create({ payment_intent_id: intent.id, refund_request: { amount: 2000 }, gateway_response: { status: 'refunded' } });
    expect(refund).toMatchObject({ external: true, amount: 2000, status: 'succeeded', payment_id: intent.latest_payment!.id });
    expect((await rejection(pay.externalRefunds.create({ payment_intent_id: intent.id, refund_request: { amount: 4001 }, gateway_response: {} }))).code).toBe('refund_exceeds_captured_amount');
    const rest = await pay.externalRefunds.create({ payment_intent_id: intent.id, gateway_response: {} });
    expect(rest.amount).toBe(4000);
    expect((await pay.paymentIntents.get(intent.id)).amount_refunded).toBe(6000);
    expect(await pay.refunds.get(refund.id)).toEqual(refund);
  });

  it('an unknown payment intent is a 422 on payment_intent_id (the operation documents no 404)', async () => {
    const error = await rejection(sandbox.client().externalRefunds.create({ payment_intent_id: 'pi_missing', gateway_response: {} }));
    expect(error.status).toBe(422);
    expect(error.code).toBe('payment_intent_not_found');
    expect(error.body.argument_errors[0].argument).toBe('payment_intent_id');
  });

  it('external payments and refunds move no platform funds: balances and transactions are unchanged', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_external_only' });
    const intent = await pay.externalPayments.create({ payment_intent: { amount: 6000 }, payment_method: method, gateway_response: gateway });
    await pay.externalRefunds.create({ payment_intent_id: intent.id, refund_request: { amount: 1000 }, gateway_response: {} });
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 0, available: 0 });
    expect((await pay.transactions.list()).data).toEqual([]);
  });
});
