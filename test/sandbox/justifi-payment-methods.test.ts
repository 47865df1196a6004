/** JustiFi sandbox: payment methods ("tokenized, then charged at time of payment") and clone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bank, card, minute, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

async function enabledSubAccount(name: string) {
  const justifi = sb.client();
  const sub = await justifi.subAccounts.create({ name });
  await justifi.onboarding.create(sub.id, { business_details: { url: 'https://example.com', type: 'for_profit', structure: 'single_member_llc', industry: 'Coffee' }, representative: { name: 'Ada' }, bank_account: { routing_number: '110000000', account_number: '000123456789' }, terms_and_conditions: { accepted: true, ip: '203.0.113.10' } });
  sb.clock.advance(minute);
  return sub.id;
}

describe('JustiFi payment methods', () => {
  it('tokenizes a card into a pm_ token that a later payment can use', async () => {
    const justifi = sb.client();
    const method = await justifi.paymentMethods.create({ payment_method: card('4242424242424242') });
    expect(method.card).toMatchObject({ token: expect.stringMatching(/^pm_/), acct_last_four: '4242', brand: 'visa' });
    const payment = await justifi.payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { token: method.card!.token! } });
    expect(payment).toMatchObject({ status: 'succeeded', payment_method: { card: { token: method.card!.token } } });
    expect(sb.events.find((e) => e.name === 'payment_method.created' && (e.data as typeof method).card?.token === method.card!.token)).toBeDefined();
  });

  it('never returns the full card number', async () => {
    const method = await sb.client().paymentMethods.create({ payment_method: card('5555555555554444') });
    expect(JSON.stringify(method)).not.toContain('5555555555554444');
  });

  it('tokenizes a bank account', async () => {
    const method = await sb.client().paymentMethods.create({ payment_method: bank('000123456789') });
    expect(method.bank_account).toMatchObject({ token: expect.stringMatching(/^pm_/), acct_last_four: '6789', account_type: 'checking' });
  });

  it('gives the same card the same signature', async () => {
    const a = await sb.client().paymentMethods.create({ payment_method: card('6011000990139424') });
    const b = await sb.client().paymentMethods.create({ payment_method: card('6011000990139424') });
    expect(a.card!.token).not.toBe(b.card!.token);
    expect(a.signature).toBe(b.signature);
  });

  it("updates a card's expiration date and metadata (payment_method.updated)", async () => {
    const method = await sb.client().paymentMethods.create({ payment_method: card('4242424242424242') });
    const updated = await sb.client().paymentMethods.update(method.card!.token!, { card: { month: '4', year: '2041', metadata: { nickname: 'work' } } });
    expect(updated.card).toMatchObject({ month: '4', year: '2041', metadata: { nickname: 'work' } });
    expect(sb.events.at(-1)).toMatchObject({ name: 'payment_method.updated' });
    expect((await sb.client().paymentMethods.get(method.card!.token!)).card?.year).toBe('2041');
  });

  it('refuses a payment with a token that does not exist with 422 payment_method_not_found', async () => {
    await expect(sb.client().payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { token: 'pm_nope' } })).rejects.toMatchObject({ status: 422, code: 'payment_method_not_found' });
  });

  it('answers a get of an unknown token with 404 payment_method_not_found', async () => {
    await expect(sb.client().paymentMethods.get('pm_nope')).rejects.toMatchObject({ status: 404, code: 'payment_method_not_found' });
  });

  it('clones a payment method into a sub account, where it pays; the original token stays in its own account', async () => {
    const subId = await enabledSubAccount('Clone Target LLC');
    const justifi = sb.client();
    const original = await justifi.paymentMethods.create({ payment_method: card('4242424242424242') });
    const clone = await justifi.paymentMethods.clone(original.card!.token!, { destination_account_id: subId });
    expect(clone.card!.token).not.toBe(original.card!.token);
    expect(clone.signature).toBe(original.signature);
    const paid = await justifi.payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { token: clone.card!.token! } }, { subAccount: subId });
    expect(paid.account_id).toBe(subId);
    await expect(justifi.payments.create({ amount: 1000, currency: 'usd', capture_strategy: 'automatic', payment_method: { token: original.card!.token! } }, { subAccount: subId })).rejects.toMatchObject({ code: 'payment_method_not_found' });
  });

  it('refuses a clone to an account outside the platform with 404', async () => {
    const original = await sb.client().paymentMethods.create({ payment_method: card('4242424242424242') });
    await expect(sb.client().paymentMethods.clone(original.card!.token!, { destination_account_id: 'acc_elsewhere' })).rejects.toMatchObject({ status: 404 });
  });

  it('lists the payment methods of the account newest first', async () => {
    const justifi = sb.client({ name: 'pm-list' });
    const a = await justifi.paymentMethods.create({ payment_method: card('4242424242424242') });
    const b = await justifi.paymentMethods.create({ payment_method: bank('000123456789') });
    const listed = (await justifi.paymentMethods.list()).data.map((m) => m.card?.token ?? m.bank_account?.token);
    expect(listed.slice(0, 2)).toEqual([b.bank_account!.token, a.card!.token]);
  });
});
