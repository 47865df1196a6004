/** JustiFi sandbox: sub accounts, their status table, onboarding, and payments scoped by Sub-Account. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, minute, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

const onboarding = {
  business_details: { url: 'https://example.com', type: 'for_profit' as const, structure: 'single_member_llc' as const, industry: 'Coffee Shop' },
  representative: { name: 'Ada Lovelace' },
  bank_account: { routing_number: '110000000', account_number: '000123456789' },
  terms_and_conditions: { accepted: true, ip: '203.0.113.10' },
};
const payment = { amount: 1000, currency: 'usd' as const, capture_strategy: 'automatic' as const, payment_method: card('4242424242424242') };

describe('JustiFi sub accounts', () => {
  it('creates a sub account in status created, a test account with itself as related test account', async () => {
    const sub = await sb.client().subAccounts.create({ name: 'Created Co' });
    expect(sub).toMatchObject({ id: expect.stringMatching(/^acc_/), name: 'Created Co', status: 'created', account_type: 'test', related_accounts: { test_account_id: sub.id, live_account_id: null } });
    expect((await sb.client().subAccounts.get(sub.id)).status).toBe('created');
  });

  it('refuses a duplicate name in the platform with 403 not_authorized ("the name must be unique in your platform")', async () => {
    await sb.client().subAccounts.create({ name: 'Unique Name LLC' });
    await expect(sb.client().subAccounts.create({ name: 'Unique Name LLC' })).rejects.toMatchObject({ status: 403, code: 'not_authorized' });
  });

  it('an onboarding entry moves the sub account to submitted; being a test account, it is then enabled automatically', async () => {
    const justifi = sb.client();
    const sub = await justifi.subAccounts.create({ name: 'Onboarded Inc' });
    const entry = await justifi.onboarding.create(sub.id, onboarding);
    expect(entry).toMatchObject({ id: expect.stringMatching(/^onb_/), account_id: sub.id, onboarding_version: 'v1.0' });
    expect((await justifi.subAccounts.get(sub.id)).status).toBe('submitted');
    sb.clock.advance(minute);
    expect(await justifi.subAccounts.get(sub.id)).toMatchObject({ status: 'enabled', processing_ready: true });
    expect(sb.events.filter((e) => e.name === 'sub_account.updated' && (e.data as { id: string }).id === sub.id).map((e) => (e.data as { status: string }).status)).toEqual(['submitted', 'enabled']);
  });

  it('answers 400 for a payment on a sub account that is not enabled ("if the sub account status is not enabled, 400 will be returned")', async () => {
    const sub = await sb.client().subAccounts.create({ name: 'Not Yet LLC' });
    const error = await sb
      .client()
      .payments.create(payment, { subAccount: sub.id })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'not_authorized' });
    expect((error as Error).message).toContain('is created, not enabled');
  });

  it('files payments made with Sub-Account under the sub account, apart from the platform', async () => {
    const justifi = sb.client({ name: 'scoping' });
    const sub = await justifi.subAccounts.create({ name: 'Scoped Shop' });
    await justifi.onboarding.create(sub.id, onboarding);
    sb.clock.advance(minute);
    const inSub = await justifi.payments.create(payment, { subAccount: sub.id });
    expect(inSub.account_id).toBe(sub.id);
    expect((await justifi.payments.list({}, { subAccount: sub.id })).data.map((p) => p.id)).toEqual([inSub.id]);
    expect((await justifi.payments.list()).data.map((p) => p.id)).not.toContain(inSub.id);
    expect((await justifi.payments.get(inSub.id)).id).toBe(inSub.id); // a get by id takes no Sub-Account: the platform sees it
  });

  it('tags every event with the platform of its account: a sub account’s payment with its platform, the platform’s own with itself', async () => {
    const justifi = sb.client({ name: 'event-platform' });
    const sub = await justifi.subAccounts.create({ name: 'Evented Shop' });
    await justifi.onboarding.create(sub.id, onboarding);
    sb.clock.advance(minute);
    const inSub = await justifi.payments.create(payment, { subAccount: sub.id });
    const own = await justifi.payments.create(payment);
    const platform = own.account_id!;
    expect(platform).not.toBe(sub.id);
    const about = (id: string) => sb.events.filter((e) => (e.data as { id?: string }).id === id).map((e) => ({ name: e.name, scope: e.scope, platform: e.platform }));
    expect(about(inSub.id)).toEqual([
      { name: 'payment.created', scope: sub.id, platform },
      { name: 'payment.succeeded', scope: sub.id, platform },
    ]);
    expect(about(own.id)).toEqual([
      { name: 'payment.created', scope: platform, platform },
      { name: 'payment.succeeded', scope: platform, platform },
    ]);
    // Events emitted by the clock (the automatic review) are tagged too.
    expect(about(sub.id).map((e) => e.platform)).toEqual([platform, platform]);
  });

  it('lists sub accounts filtered by status', async () => {
    const justifi = sb.client({ name: 'status-filter' });
    const a = await justifi.subAccounts.create({ name: 'Filter A' });
    const b = await justifi.subAccounts.create({ name: 'Filter B' });
    await justifi.onboarding.create(b.id, onboarding);
    expect((await justifi.subAccounts.list({ status: 'created' })).data.map((s) => s.id)).toEqual([a.id]);
    expect((await justifi.subAccounts.list({ status: 'submitted' })).data.map((s) => s.id)).toEqual([b.id]);
    expect((await justifi.subAccounts.list()).data.map((s) => s.id)).toEqual([b.id, a.id]);
    expect((await justifi.subAccounts.list({ status: 'archived' })).data).toEqual([]);
  });

  it('serves the deprecated seller accounts as the same accounts under their old name', async () => {
    const justifi = sb.client({ name: 'sellers' });
    const seller = await justifi.sellerAccounts.create({ name: 'Old Style Seller' });
    expect((await justifi.subAccounts.get(seller.id)).name).toBe('Old Style Seller');
    const raw = await sb.fetch(`/seller_accounts/${seller.id}`, { token: await sb.token('sellers') });
    expect(raw.body).toMatchObject({ type: 'seller_account', data: { id: seller.id } });
  });

  it('answers onboarding for an unknown sub account with 404', async () => {
    await expect(sb.client().onboarding.create('acc_missing', onboarding)).rejects.toMatchObject({ status: 404, code: 'resource_not_found' });
  });
});
