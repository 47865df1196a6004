/** Payments API sandbox: checkout sessions that are paid and completed, or expire (seed "Checkout Sessions"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/payments/index.js';
import { day, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

const sessionBody = {
  cancel_url: 'https://shop.example/cancel',
  success_url: 'https://shop.example/thanks',
  customer_email: 'buyer@example.com',
  reference_id: 'cart-7',
  payment_intent_data: { amount: 9000, description: 'Cart 7' },
  subtotal: 10000,
  discount_amount: 1000,
};

describe('Payments sandbox: checkout sessions', () => {
  it('a session is created open with its own payment intent, an expiry 24 h later, and reads back', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    expect(session).toMatchObject({ entity: 'checkout_session', status: 'open', subtotal: 10000, discount_amount: 1000, account_id: 'acc_1', customer_email: 'buyer@example.com' });
    expect(Date.parse(session.expires_at!) - Date.parse(session.created_at)).toBe(day);
    expect(session.url).toContain(session.id);
    const intent = await pay.paymentIntents.get(session.payment_intent_id!);
    expect(intent).toMatchObject({ amount: 9000, status: 'created', description: 'Cart 7' });
    expect(await pay.checkoutSessions.get(session.id)).toEqual(session);
    const details = await pay.checkoutSessions.details(session.id);
    expect(details.checkout_session).toEqual(session);
    expect(details.branding?.business_name).toBeTruthy();
    expect((await pay.checkoutSessions.list()).data[0]).toEqual(session);
  });

  it('is paid with a payment method, then completed', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    const payment = await pay.checkoutSessions.createPayment(session.id, { payment_method_id: 'pm_card_visa' });
    expect(payment).toMatchObject({ status: 'captured', amount: 9000, payment_intent_id: session.payment_intent_id });
    const completed = await pay.checkoutSessions.complete(session.id);
    expect(completed.status).toBe('completed');
    expect((await pay.paymentIntents.get(session.payment_intent_id!)).status).toBe('captured');
  });

  it('an unpaid session cannot be completed (409 checkout_session_unpaid)', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    const error = await rejection(pay.checkoutSessions.complete(session.id));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.code).toBe('checkout_session_unpaid');
  });

  it('expire ends an open session and cancels its unpaid intent (abandoned)', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    const expired = await pay.checkoutSessions.expire(session.id);
    expect(expired.status).toBe('expired');
    expect(await pay.paymentIntents.get(session.payment_intent_id!)).toMatchObject({ status: 'cancelled', cancellation_reason: 'abandoned' });
  });

  it('an open session expires by itself at expires_at (sandbox clock)', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    sandbox.advance(day - 1);
    expect((await pay.checkoutSessions.get(session.id)).status).toBe('open');
    sandbox.advance(1);
    expect((await pay.checkoutSessions.get(session.id)).status).toBe('expired');
    expect((await pay.paymentIntents.get(session.payment_intent_id!)).status).toBe('cancelled');
  });

  it('a completed or expired session is final: complete, expire and pay answer 409', async () => {
    const pay = sandbox.client();
    const expired = await pay.checkoutSessions.create(sessionBody);
    await pay.checkoutSessions.expire(expired.id);
    for (const call of [
      () => pay.checkoutSessions.expire(expired.id),
      () => pay.checkoutSessions.complete(expired.id),
      () => pay.checkoutSessions.createPayment(expired.id, { payment_method_id: 'pm_card_visa' }),
    ]) {
      const error = await rejection(call());
      expect(error.status).toBe(409);
      expect(error.code).toBe('checkout_session_expired');
    }
    const completed = await pay.checkoutSessions.create(sessionBody);
    await pay.checkoutSessions.createPayment(completed.id, { payment_method_id: 'pm_card_visa' });
    await pay.checkoutSessions.complete(completed.id);
    expect((await rejection(pay.checkoutSessions.complete(completed.id))).code).toBe('checkout_session_completed');
  });

  it('a paid session is completed, not expired (409 checkout_session_paid)', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create(sessionBody);
    await pay.checkoutSessions.createPayment(session.id, { payment_method_id: 'pm_card_visa' });
    expect((await rejection(pay.checkoutSessions.expire(session.id))).code).toBe('checkout_session_paid');
  });

  it('only the session payment method types may pay it (422 payment_method_type_not_allowed)', async () => {
    const pay = sandbox.client();
    const session = await pay.checkoutSessions.create({ ...sessionBody, payment_method_types: ['card'] });
    expect((await rejection(pay.checkoutSessions.createPayment(session.id, { payment_method_id: 'pm_bank_checking' }))).code).toBe('payment_method_type_not_allowed');
  });

  it('a discount above the subtotal is refused (422 discount_exceeds_subtotal)', async () => {
    expect((await rejection(sandbox.client().checkoutSessions.create({ ...sessionBody, discount_amount: 10001 }))).code).toBe('discount_exceeds_subtotal');
  });

  it('the required fields are required (400 naming each)', async () => {
    const error = await rejection(sandbox.client().checkoutSessions.create({ subtotal: 1 } as never));
    expect(error.status).toBe(400);
    const named = error.body.argument_errors.map((e: { argument: string }) => e.argument);
    for (const field of ['cancel_url', 'success_url', 'customer_email', 'payment_intent_data', 'discount_amount']) expect(named).toContain(field);
  });

  it('a session of another account is a 404', async () => {
    const session = await sandbox.client().checkoutSessions.create(sessionBody);
    expect((await rejection(sandbox.client({ accountId: 'acc_2' }).checkoutSessions.get(session.id))).status).toBe(404);
  });
});
