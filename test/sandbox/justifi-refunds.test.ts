/** JustiFi sandbox: refunds ("multiple refunds are supported up until the full payment amount has been refunded"). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
let unlimited: JustifiSandbox;
beforeAll(async () => {
  [sb, unlimited] = await Promise.all([startJustifiSandbox(), startJustifiSandbox({ faults: ['refund-unlimited'] })]);
});
afterAll(() => Promise.all([sb.stop(), unlimited.stop()]));

const paid = (s = sb, capture_strategy: 'automatic' | 'manual' = 'automatic') => s.client().payments.create({ amount: 1000, currency: 'usd', capture_strategy, payment_method: card('4242424242424242') });

describe('JustiFi refunds', () => {
  it('refunds part of a payment and updates its refunded amounts', async () => {
    const payment = await paid();
    const refund = await sb.client().payments.refund(payment.id, { amount: 300, reason: 'customer_request', description: 'partial' });
    expect(refund).toMatchObject({ id: expect.stringMatching(/^re_/), payment_id: payment.id, amount: 300, reason: 'customer_request', status: 'succeeded' });
    const after = await sb.client().payments.get(payment.id);
    expect(after).toMatchObject({ amount_refunded: 300, amount_refundable: 700, refunded: false, status: 'succeeded' });
    expect(after.refunds?.map((r) => r.id)).toEqual([refund.id]);
  });

  it('takes several partial refunds up to the payment amount, then the payment is refunded', async () => {
    const payment = await paid();
    await sb.client().payments.refund(payment.id, { amount: 400 });
    await sb.client().payments.refund(payment.id, { amount: 600 });
    expect(await sb.client().payments.get(payment.id)).toMatchObject({ amount_refunded: 1000, amount_refundable: 0, refunded: true, status: 'refunded' });
  });

  it('refuses a refund beyond what is refundable with 422 refund_exceeds_payment_amount', async () => {
    const payment = await paid();
    await sb.client().payments.refund(payment.id, { amount: 700 });
    const error = await sb
      .client()
      .payments.refund(payment.id, { amount: 301 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'refund_exceeds_payment_amount' });
    expect((error as Error).message).toContain('301 is more than the 300 still refundable');
  });

  it('refuses any refund after a full refund with 422 payment_fully_refunded', async () => {
    const payment = await paid();
    await sb.client().payments.refund(payment.id, {});
    await expect(sb.client().payments.refund(payment.id, { amount: 1 })).rejects.toMatchObject({ status: 422, code: 'payment_fully_refunded' });
  });

  it('refunds the whole refundable amount when no amount is given', async () => {
    const payment = await paid();
    await sb.client().payments.refund(payment.id, { amount: 250 });
    expect((await sb.client().payments.refund(payment.id, {})).amount).toBe(750);
  });

  it('refuses an unknown reason with 422 refund_reason_invalid, listing the reasons', async () => {
    const payment = await paid();
    const error = await sb
      .client()
      .payments.refund(payment.id, { amount: 100, reason: 'changed_my_mind' as never })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'refund_reason_invalid' });
    expect((error as Error).message).toContain('Refund reason must be one of the following: duplicate, fraudulent, customer_request');
  });

  it('refuses to refund an authorized (not captured) payment', async () => {
    const payment = await paid(sb, 'manual');
    await expect(sb.client().payments.refund(payment.id, { amount: 100 })).rejects.toMatchObject({ status: 422, code: 'refund_exceeds_payment_amount' });
  });

  it('lists, gets and updates refunds; the update is a payment.refund.updated event', async () => {
    const justifi = sb.client({ name: 'refund-list' });
    const payment = await justifi.payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') });
    const refund = await justifi.payments.refund(payment.id, { amount: 100 });
    expect((await justifi.refunds.list()).data.map((r) => r.id)).toEqual([refund.id]);
    const updated = await justifi.refunds.update(refund.id, { metadata: { ticket: 'T-1' } });
    expect(updated.metadata).toEqual({ ticket: 'T-1' });
    expect((await justifi.refunds.get(refund.id)).metadata).toEqual({ ticket: 'T-1' });
    expect((await justifi.payments.get(payment.id)).refunds?.[0]?.metadata).toEqual({ ticket: 'T-1' });
    expect(sb.events.at(-1)).toMatchObject({ name: 'payment.refund.updated', data: { id: refund.id } });
  });

  it('with the test-only fault refund-unlimited, a refund beyond the payment amount goes through', async () => {
    const payment = await paid(unlimited);
    expect((await unlimited.client().payments.refund(payment.id, { amount: 5000 })).amount).toBe(5000);
  });
});
