/** JustiFi sandbox: manual capture ("manual will only authorize the payment … captured in a subsequent request"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, day, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

const authorize = () => sb.client().payments.create({ amount: 3000, currency: 'usd', capture_strategy: 'manual', payment_method: card('5555555555554444') });

describe('JustiFi capture', () => {
  it('capture_strategy manual authorizes only: status authorized, not captured, nothing refundable', async () => {
    expect(await authorize()).toMatchObject({ status: 'authorized', captured: false, amount_refundable: 0, capture_strategy: 'manual' });
  });

  it('captures an authorized payment once: status succeeded, captured, refundable', async () => {
    const payment = await authorize();
    const captured = await sb.client().payments.capture(payment.id);
    expect(captured).toMatchObject({ id: payment.id, status: 'succeeded', captured: true, amount_refundable: 3000 });
    expect((await sb.client().payments.get(payment.id)).status).toBe('succeeded');
    expect(sb.events.filter((e) => (e.data as { id?: string }).id === payment.id).map((e) => e.name)).toEqual(['payment.created', 'payment.authorized', 'payment.captured', 'payment.succeeded']);
  });

  it('refuses a second capture with 422 payment_intent_cannot_be_captured (the table code for payment_already_captured)', async () => {
    const payment = await authorize();
    await sb.client().payments.capture(payment.id);
    const error = await sb
      .client()
      .payments.capture(payment.id)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'payment_intent_cannot_be_captured' });
    expect((error as Error).message).toContain("Payment status is 'succeeded' so it cannot be captured");
  });

  it('refuses to capture a payment that was captured automatically', async () => {
    const payment = await sb.client().payments.create({ amount: 3000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') });
    await expect(sb.client().payments.capture(payment.id)).rejects.toMatchObject({ status: 422, code: 'payment_intent_cannot_be_captured' });
  });

  it('refuses a capture after 7 days with 422 charge_expired_for_capture ("must be captured within 7 days")', async () => {
    const payment = await authorize();
    sb.clock.advance(7 * day + 1);
    await expect(sb.client().payments.capture(payment.id)).rejects.toMatchObject({ status: 422, code: 'charge_expired_for_capture' });
  });

  it('answers a capture of an unknown payment with 404 resource_not_found', async () => {
    await expect(sb.client().payments.capture('py_missing')).rejects.toMatchObject({ status: 404, code: 'resource_not_found' });
  });
});
