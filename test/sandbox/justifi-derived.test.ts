/**
 * JustiFi sandbox: what the API reports but cannot create. Balance transactions, payouts and
 * proceeds are derived from what happened; disputes are a seeded fixture (sandbox/justifi/fixtures.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { card, day, minute, startJustifiSandbox, type JustifiSandbox } from './justifi-harness.js';

let sb: JustifiSandbox;
beforeAll(async () => {
  sb = await startJustifiSandbox();
});
afterAll(() => sb.stop());

const pay = (name: string, amount: number, subAccount?: string) => sb.client({ name }).payments.create({ amount, currency: 'usd', capture_strategy: 'automatic', payment_method: card('4242424242424242') }, { subAccount });

describe('JustiFi balance transactions (derived)', () => {
  it('records a payment and its fee (3% + 30¢, inferred) as balance transactions', async () => {
    const payment = await pay('bt', 10_000);
    expect(payment.fee_amount).toBe(330);
    const txns = (await sb.client({ name: 'bt' }).payments.balanceTransactions(payment.id)).data;
    expect(txns.map((t) => [t.payment_balance_txn_type, t.amount, t.balance])).toEqual([
      ['payment_fee', -330, 9670],
      ['payment', 10_000, 10_000],
    ]);
  });

  it('records each refund as a balance transaction', async () => {
    const payment = await pay('bt', 10_000);
    await sb.client({ name: 'bt' }).payments.refund(payment.id, { amount: 2500 });
    const txns = (await sb.client({ name: 'bt' }).payments.balanceTransactions(payment.id)).data;
    expect(txns[0]).toMatchObject({ payment_balance_txn_type: 'refund', amount: -2500, balance: 7170, source_type: 'refund' });
  });

  it('uses application_fee_amount instead of the rate when given', async () => {
    const payment = await sb.client({ name: 'bt' }).payments.create({ amount: 10_000, currency: 'usd', capture_strategy: 'automatic', application_fee_amount: 100, payment_method: card('4242424242424242') });
    expect(payment.fee_amount).toBe(100);
  });
});

describe('JustiFi payouts (derived)', () => {
  it("creates one payout per account when the day ends, summing that day's balance transactions; it is paid a day later", async () => {
    const justifi = sb.client({ name: 'payouts' });
    const a = await pay('payouts', 10_000);
    const b = await pay('payouts', 5_000);
    await justifi.payments.refund(b.id, { amount: 1000 });
    expect((await justifi.payouts.list()).data).toEqual([]);
    // Everything recorded so far is unpaid: today's payments, and the seeded disputed payments of the day before, whose
    // disputes left that day negative, so they are carried into today's payout.
    const everything = (await justifi.payments.list()).data;
    let expected = 0;
    for (const p of everything) for (const t of (await justifi.payments.balanceTransactions(p.id)).data) expected += t.amount!;
    sb.clock.advance(day);
    const payouts = (await justifi.payouts.list()).data;
    expect(payouts).toHaveLength(1);
    const today = payouts[0]!;
    expect(today).toMatchObject({ amount: expected, status: 'in_transit', payments_count: 4, payments_total: 15_000 + 2500 + 4000, refunds_total: -1000, refunds_count: 1, other_total: -6500 });
    expect(today.fees_total).toBe(a.fee_amount! + b.fee_amount! + 105 + 150 + 2 * 1500);
    expect(sb.events.find((e) => e.name === 'payout.created' && (e.data as { id: string }).id === today.id)).toBeDefined();
    sb.clock.advance(day);
    expect((await justifi.payouts.get(today.id)).status).toBe('paid');
    expect(sb.events.find((e) => e.name === 'payout.paid' && (e.data as { id: string }).id === today.id)).toBeDefined();
  });

  it('gives a CSV report of the payout as a data: link with the documented headers and one row per balance transaction', async () => {
    const justifi = sb.client({ name: 'csv' });
    const payment = await pay('csv', 20_000);
    sb.clock.advance(day);
    const payout = (await justifi.payouts.list()).data[0]!;
    const link = await justifi.payouts.csvReport(payout.id);
    expect(link).toMatch(/^data:text\/csv;base64,/);
    const csv = Buffer.from(String(link).split(',')[1]!, 'base64').toString('utf8').trim().split('\n');
    expect(csv[0]).toBe('id,currency,amount,fee,net,source_id,source_account_id,source_type,source_amount,available_on,created_at');
    expect(csv).toHaveLength(1 + 2 + 2 * 4); // header, this payment and its fee, each fixture's charge, fee, dispute, dispute fee
    expect(csv.slice(1).filter((row) => row.split(',')[5] === payment.id).map((row) => row.split(',')[2])).toEqual(['20000', String(-payment.fee_amount!)]);
  });

  it('updates payout metadata', async () => {
    const justifi = sb.client({ name: 'payouts' });
    const payout = (await justifi.payouts.list()).data[0]!;
    expect((await justifi.payouts.update(payout.id, { metadata: { reconciled: true } })).metadata).toEqual({ reconciled: true });
  });

  it("pays the platform its sub accounts' fees as daily proceeds", async () => {
    const justifi = sb.client({ name: 'proceeds' });
    const sub = await justifi.subAccounts.create({ name: 'Proceeds Shop' });
    await justifi.onboarding.create(sub.id, { business_details: { url: 'https://example.com', type: 'for_profit', structure: 'single_member_llc', industry: 'Coffee' }, representative: { name: 'Ada' }, bank_account: { routing_number: '110000000', account_number: '000123456789' }, terms_and_conditions: { accepted: true, ip: '203.0.113.10' } });
    sb.clock.advance(minute);
    const payment = await pay('proceeds', 10_000, sub.id);
    sb.clock.advance(day);
    const proceeds = (await justifi.proceeds.list()).data;
    expect(proceeds).toHaveLength(1);
    expect(proceeds[0]).toMatchObject({ amount: payment.fee_amount, account_id: sub.platform_account_id });
    expect(await justifi.proceeds.get(proceeds[0]!.id)).toMatchObject({ id: proceeds[0]!.id });
    expect((await justifi.payouts.list()).data.some((p) => p.account_id === sub.id)).toBe(true);
  });
});

describe('JustiFi disputes (seeded fixture)', () => {
  it('starts every platform with the two documented disputed fixture payments', async () => {
    const justifi = sb.client({ name: 'disputes' });
    const disputes = (await justifi.disputes.list()).data;
    expect(disputes.map((d) => [d.amount, d.status, d.reason])).toEqual([
      [4000, 'under_review', 'product_not_received'],
      [2500, 'needs_response', 'fraudulent'],
    ]);
    const payment = await justifi.payments.get(disputes[1]!.payment_id!);
    expect(payment).toMatchObject({ status: 'disputed', disputed: true, amount_disputed: 2500, description: 'Fixture: disputed order 1001' });
    expect(payment.disputes?.map((d) => d.id)).toEqual([disputes[1]!.id]);
  });

  it("updates a dispute's metadata, also as the payment shows it", async () => {
    const justifi = sb.client({ name: 'disputes' });
    const dispute = (await justifi.disputes.list()).data[0]!;
    await justifi.disputes.update(dispute.id, { metadata: { evidence: 'sent' } });
    expect((await justifi.disputes.get(dispute.id)).metadata).toEqual({ evidence: 'sent' });
    expect((await justifi.payments.get(dispute.payment_id!)).disputes?.[0]?.metadata).toEqual({ evidence: 'sent' });
  });

  it('keeps each platform its own fixture', async () => {
    const mine = (await sb.client({ name: 'disputes' }).disputes.list()).data.map((d) => d.id);
    const theirs = (await sb.client({ name: 'other-platform' }).disputes.list()).data.map((d) => d.id);
    expect(theirs).toHaveLength(2);
    expect(theirs.some((id) => mine.includes(id))).toBe(false);
  });
});
