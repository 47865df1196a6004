/**
 * Payments API sandbox: balances, transactions and payouts derived from what was captured and
 * refunded, settling and paying out on the sandbox clock (ledger rules in sandbox/payments/ledger.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { day, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

/** The card fee by the account's own processing plan (read through the SDK, not restated here). */
async function cardFee(pay: ReturnType<PaymentsSandbox['client']>, account: string, amount: number): Promise<number> {
  const plan = await pay.accounts.processingPlan(account);
  const card = (plan.fees as { card: { percentage: number; fixed: number } }).card;
  return Math.round((amount * card.percentage) / 100) + card.fixed;
}

describe('Payments sandbox: the ledger', () => {
  it('a capture, a refund, settlement a day later and a payout the day after: balances, transactions and payout agree', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_ledger', accountId: 'acc_ledger' });
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 0, available: 0 });

    const intent = await pay.paymentIntents.create({ amount: 10800, capture: false });
    const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    // An authorization moves no money.
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 0, available: 0 });

    await pay.paymentIntents.capture(intent.id, { amount: 10000 });
    const fee = await cardFee(pay, 'acc_ledger', 10000);
    expect(fee).toBeGreaterThan(0);
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 10000 - fee, available: 0 });

    const refund = await pay.paymentIntents.createRefund(intent.id, { amount: 2000 });
    expect((await pay.balances.get()).pending).toBe(10000 - fee - 2000);

    const txns = (await pay.transactions.list()).data;
    expect(txns.map((t) => [t.source_type, t.source_id, t.amount, t.settlement_status])).toEqual([
      ['refund', refund.id, -2000, 'unsettled'],
      ['fee', payment.id, -fee, 'unsettled'],
      ['payment', payment.id, 10000, 'unsettled'],
    ]);
    expect(await pay.transactions.get(txns[2]!.id)).toEqual(txns[2]);

    sandbox.advance(day);
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 0, available: 10000 - fee - 2000 });
    expect((await pay.transactions.list()).data.every((t) => t.settlement_status === 'settled' && t.payout_id === null)).toBe(true);
    expect(await pay.paymentIntents.get(intent.id)).toMatchObject({ settlement_status: 'settled' });
    expect(await pay.refunds.get(refund.id)).toMatchObject({ settlement_status: 'settled' });
    expect((await pay.payouts.list()).data).toEqual([]);

    sandbox.advance(day);
    const payouts = (await pay.payouts.list()).data;
    expect(payouts).toHaveLength(1);
    const payout = payouts[0]!;
    expect(payout).toMatchObject({
      status: 'in_transit',
      amount: 8000,
      fee_amount: fee,
      net_amount: 10000 - fee - 2000,
      transaction_count: 3,
      owner_type: 'account',
      owner_id: 'acc_ledger',
      payout_number: 1,
    });
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 0, available: 0 });
    const paidOut = (await pay.transactions.list({ payout_id: payout.id })).data;
    expect(paidOut.map((t) => t.id).sort()).toEqual(txns.map((t) => t.id).sort());
    expect(paidOut.reduce((sum, t) => sum + t.amount, 0)).toBe(payout.net_amount);

    sandbox.advance(day);
    expect(await pay.payouts.get(payout.id)).toMatchObject({ status: 'completed', settlement_status: 'settled', completed_at: new Date(Date.parse(payout.created_at) + day).toISOString() });
  });

  it('transactions settle independently: a later capture stays pending while an earlier one is available', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_ledger_2', accountId: 'acc_l2' });
    const first = await pay.paymentIntents.create({ amount: 5000 });
    await pay.paymentIntents.createPayment(first.id, { payment_method_id: 'pm_card_visa' });
    sandbox.advance(day / 2);
    const second = await pay.paymentIntents.create({ amount: 3000 });
    await pay.paymentIntents.createPayment(second.id, { payment_method_id: 'pm_card_visa' });
    sandbox.advance(day / 2);
    const fee5000 = await cardFee(pay, 'acc_l2', 5000);
    const fee3000 = await cardFee(pay, 'acc_l2', 3000);
    expect(await pay.balances.get()).toEqual({ currency: 'USD', pending: 3000 - fee3000, available: 5000 - fee5000 });
  });

  it('bank payments are charged the bank fee of the plan, capped at its max_fee', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_ledger_bank', accountId: 'acc_bank' });
    const plan = await pay.accounts.processingPlan('acc_bank');
    const bank = plan.bank_processing_plan_settings as { fee: { percentage: number; fixed: number }; max_fee: number };
    const intent = await pay.paymentIntents.create({ amount: 200000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_bank_checking' });
    const fee = (await pay.transactions.list()).data.find((t) => t.source_type === 'fee')!;
    expect(fee.amount).toBe(-Math.min(Math.round((200000 * bank.fee.percentage) / 100) + bank.fee.fixed, bank.max_fee));
  });

  it('balances, transactions and payouts narrow to one account when x-account-id is sent', async () => {
    const key = { apiKey: 'sk_test_ledger_accounts' };
    for (const [account, amount] of [['acc_p', 1000], ['acc_q', 3000]] as const) {
      const pay = sandbox.client({ ...key, accountId: account });
      const intent = await pay.paymentIntents.create({ amount });
      await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    }
    const pay = sandbox.client(key);
    const only = (account: string) => ({ headers: { 'x-account-id': account } });
    const p = await pay.balances.get(only('acc_p'));
    const q = await pay.balances.get(only('acc_q'));
    expect((await pay.balances.get()).pending).toBe(p.pending + q.pending);
    expect(p.pending).toBe(1000 - (await cardFee(pay, 'acc_p', 1000)));
    sandbox.advance(2 * day);
    expect((await pay.payouts.list({}, only('acc_q'))).data.map((x) => x.owner_id)).toEqual(['acc_q']);
    expect((await pay.payouts.list()).data).toHaveLength(2);
  });

  it('payouts of a business: those of the accounts linked to it', async () => {
    const key = { apiKey: 'sk_test_ledger_business' };
    const pay = sandbox.client({ ...key, accountId: 'acc_b1', businessId: 'biz_shop' });
    await pay.paymentIntents.list(); // links acc_b1 to biz_shop
    const intent = await pay.paymentIntents.create({ amount: 2000 });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const other = sandbox.client({ ...key, accountId: 'acc_b2' });
    const otherIntent = await other.paymentIntents.create({ amount: 2000 });
    await other.paymentIntents.createPayment(otherIntent.id, { payment_method_id: 'pm_card_visa' });
    sandbox.advance(2 * day);
    const payouts = await sandbox.client({ ...key, businessId: 'biz_shop' }).payouts.listForBusiness();
    expect(payouts.data.map((x) => [x.owner_id, x.business_id])).toEqual([['acc_b1', 'biz_shop']]);
  });

  it('a payout or transaction of another API key is a 404', async () => {
    const stranger = sandbox.client({ apiKey: 'sk_test_stranger' });
    const payout = (await sandbox.client({ apiKey: 'sk_test_ledger' }).payouts.list()).data[0]!;
    expect((await rejection(stranger.payouts.get(payout.id))).status).toBe(404);
    const txn = (await sandbox.client({ apiKey: 'sk_test_ledger' }).transactions.list()).data[0]!;
    expect((await rejection(stranger.transactions.get(txn.id))).status).toBe(404);
  });
});
