/** JustiFi sandbox: payment intents and the hosted checkout session on them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

const intent = () => sb.client().paymentIntents.create({ amount: 4200, currency: 'usd', description: 'ORDER 1235ABC' });

describe('JustiFi payment intents', () => {
  it('creates an intent in requires_payment_method with no payment method', async () => {
    expect(await intent()).toMatchObject({ id: expect.stringMatching(/^pi_/), amount: 4200, status: 'requires_payment_method', payment_method: null });
  });

  it('attaching a payment method moves it to pending (payment_intent.attached)', async () => {
    const pi = await intent();
    const updated = await sb.client().paymentIntents.update(pi.id, { payment_method: card('4242424242424242') });
    expect(updated).toMatchObject({ status: 'pending', payment_method: { card: { acct_last_four: '4242' } } });
    expect(sb.events.at(-1)).toMatchObject({ name: 'payment_intent.attached', data: { id: pi.id } });
  });

  it('capturing charges the attached method, creates a payment on the intent and succeeds', async () => {
    const pi = await intent();
    await sb.client().paymentIntents.update(pi.id, { payment_method: card('4242424242424242') });
    const captured = await sb.client().paymentIntents.capture(pi.id, {});
    expect(captured).toMatchObject({ id: pi.id, status: 'succeeded' });
    const payments = (await sb.client().paymentIntents.listPayments(pi.id)).data;
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ amount: 4200, status: 'succeeded', payment_intent_id: pi.id });
  });

  it('captures with a payment method given in the capture itself', async () => {
    const pi = await intent();
    expect((await sb.client().paymentIntents.capture(pi.id, { payment_method: card('5555555555554444') })).status).toBe('succeeded');
  });

  it("refuses a second capture with 422 payment_intent_cannot_be_captured (\"Payment Intent status is '%{status}' …\")", async () => {
    const pi = await intent();
    await sb.client().paymentIntents.capture(pi.id, { payment_method: card('4242424242424242') });
    const error = await sb
      .client()
      .paymentIntents.capture(pi.id, {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422, code: 'payment_intent_cannot_be_captured', message: expect.stringContaining("Payment Intent status is 'succeeded' so it cannot be captured") });
  });

  it('refuses a new payment method once succeeded with 422 payment_intent_unexpected_state', async () => {
    const pi = await intent();
    await sb.client().paymentIntents.capture(pi.id, { payment_method: card('4242424242424242') });
    await expect(sb.client().paymentIntents.update(pi.id, { payment_method: card('5555555555554444') })).rejects.toMatchObject({ status: 422, code: 'payment_intent_unexpected_state' });
    expect((await sb.client().paymentIntents.update(pi.id, { description: 'still editable' })).description).toBe('still editable');
  });

  it('refuses a capture with no payment method with 422 payment_method_required', async () => {
    const pi = await intent();
    await expect(sb.client().paymentIntents.capture(pi.id, {})).rejects.toMatchObject({ status: 422, code: 'payment_method_required' });
  });

  it('after a declined capture, goes back to requires_payment_method and can be captured again ("you can attempt again")', async () => {
    const pi = await intent();
    await expect(sb.client().paymentIntents.capture(pi.id, { payment_method: card('4000000000000002') })).rejects.toMatchObject({ status: 402, code: 'card_declined' });
    expect((await sb.client().paymentIntents.get(pi.id)).status).toBe('requires_payment_method');
    expect((await sb.client().paymentIntents.capture(pi.id, { payment_method: card('4242424242424242') })).status).toBe('succeeded');
    expect((await sb.client().paymentIntents.listPayments(pi.id)).data.map((p) => p.status)).toEqual(['succeeded', 'failed']);
  });

  it('refuses an amount of 50 or less on create and update (amount_below_minimum)', async () => {
    await expect(sb.client().paymentIntents.create({ amount: 50, currency: 'usd' })).rejects.toMatchObject({ status: 422, code: 'amount_below_minimum' });
    const pi = await intent();
    await expect(sb.client().paymentIntents.update(pi.id, { amount: 10 })).rejects.toMatchObject({ status: 422, code: 'amount_below_minimum' });
  });

  it('answers an unknown intent with 404 payment_intent_not_found', async () => {
    await expect(sb.client().paymentIntents.get('pi_missing')).rejects.toMatchObject({ status: 404, code: 'payment_intent_not_found' });
  });

  it('lists intents newest first', async () => {
    const justifi = sb.client({ name: 'intent-list' });
    const a = await justifi.paymentIntents.create({ amount: 100, currency: 'usd' });
    const b = await justifi.paymentIntents.create({ amount: 200, currency: 'usd' });
    expect((await justifi.paymentIntents.list()).data.map((p) => p.id)).toEqual([b.id, a.id]);
  });
});

describe('JustiFi hosted checkout', () => {
  it('creates a checkout session for an intent (checkout.created) that completes when the intent is captured (checkout.completed)', async () => {
    const pi = await intent();
    const session = await sb.client().checkoutSessions.create({ payment_intent_id: pi.id, after_payment_url: 'https://example.com/done' });
    expect(session.checkout_session_id).toMatch(/^cs_/);
    expect(sb.events.at(-1)).toMatchObject({ name: 'checkout.created', data: { checkout_session_id: session.checkout_session_id } });
    await sb.client().paymentIntents.capture(pi.id, { payment_method: card('4242424242424242') });
    expect(sb.events.at(-1)).toMatchObject({ name: 'checkout.completed', data: { checkout_session_id: session.checkout_session_id } });
  });

  it('refuses a checkout session for an unknown intent with 422 payment_intent_not_found', async () => {
    await expect(sb.client().checkoutSessions.create({ payment_intent_id: 'pi_nope', after_payment_url: 'https://example.com/done' })).rejects.toMatchObject({ status: 422, code: 'payment_intent_not_found' });
  });
});
