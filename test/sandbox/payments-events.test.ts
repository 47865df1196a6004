/**
 * Payments API sandbox: every state change emits an event on the bus (issue 14 delivers them). The
 * Payments API publishes no event names, so the sandbox's `<resource>.<change>` names are inferred
 * (sandbox/payments/README.md); `data` is the object exactly as the API returns it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

function since(mark: number) {
  return sandbox.events.slice(mark);
}

describe('Payments sandbox: events', () => {
  it('intent, payment, capture and refund changes each emit one event whose data is the answer, tagged with the account, request id and idempotency key', async () => {
    const pay = sandbox.client();
    let mark = sandbox.events.length;
    const created = await pay.paymentIntents.create({ amount: 5000, capture: false }).withResponse();
    expect(since(mark).map((e) => e.name)).toEqual(['payment_intent.created']);
    expect(since(mark)[0]).toMatchObject({
      api: 'payments-v1.3',
      scope: 'acc_1',
      data: created.data,
      idempotencyKey: created.idempotencyKey,
      requestId: created.response.headers.get('x-request-id'),
      at: sandbox.now(),
    });

    mark = sandbox.events.length;
    const payment = await pay.paymentIntents.createPayment(created.data.id, { payment_method_id: 'pm_card_visa' });
    expect(since(mark).map((e) => e.name)).toEqual(['payment.created', 'payment_intent.authorized']);
    expect(since(mark)[0]!.data).toEqual(payment);

    mark = sandbox.events.length;
    const captured = await pay.paymentIntents.capture(created.data.id, { amount: 4000 });
    expect(since(mark).map((e) => e.name)).toEqual(['payment.captured', 'payment_intent.captured']);
    expect(since(mark).at(-1)!.data).toEqual(captured);

    mark = sandbox.events.length;
    const refund = await pay.paymentIntents.createRefund(created.data.id, { amount: 1000 });
    expect(since(mark).map((e) => e.name)).toEqual(['refund.created', 'payment_intent.refunded']);
    expect(since(mark)[0]!.data).toEqual(refund);
    expect(since(mark)[1]!.data).toEqual(await pay.paymentIntents.get(created.data.id));
  });

  it('a refused request emits nothing, and neither does a replay', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 5000 }, { idempotencyKey: 'events-replay-0001' });
    const mark = sandbox.events.length;
    await pay.paymentIntents.create({ amount: 5000 }, { idempotencyKey: 'events-replay-0001' });
    await pay.paymentIntents.capture(intent.id).catch(() => undefined);
    expect(since(mark)).toEqual([]);
  });

  it('cancel, update, checkout sessions and time-driven changes (expiry, payouts) emit their events', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_events_time' });
    let mark = sandbox.events.length;
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    await pay.paymentIntents.update(intent.id, { description: 'x' });
    await pay.paymentIntents.cancel(intent.id, { cancellation_reason: 'duplicate' });
    expect(since(mark).map((e) => e.name)).toEqual(['payment_intent.created', 'payment_intent.updated', 'payment_intent.cancelled']);

    mark = sandbox.events.length;
    const session = await pay.checkoutSessions.create({ cancel_url: 'c', success_url: 's', customer_email: 'e@example.com', payment_intent_data: { amount: 2000 }, subtotal: 2000, discount_amount: 0 });
    const paid = await pay.paymentIntents.create({ amount: 3000 });
    await pay.paymentIntents.createPayment(paid.id, { payment_method_id: 'pm_card_visa' });
    sandbox.advance(2 * day);
    await pay.balances.get();
    const names = since(mark).map((e) => e.name);
    expect(names).toContain('checkout_session.created');
    expect(names).toContain('checkout_session.expired');
    expect(names).toContain('payout.created');
    const expired = since(mark).find((e) => e.name === 'checkout_session.expired')!;
    expect(expired.data).toEqual(await pay.checkoutSessions.get(session.id));
    const payout = since(mark).find((e) => e.name === 'payout.created')!;
    expect(payout.data).toEqual(await pay.payouts.get((payout.data as { id: string }).id));
  });
});
