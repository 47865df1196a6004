/**
 * Payments API sandbox: disputes, derived from what happened (seed "Fetch list of disputes
 * matching query", "Fetch dispute by id"): a captured payment with the fixture `pm_card_disputed`
 * is disputed for its amount.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: disputes', () => {
  it('a captured payment with pm_card_disputed opens a dispute for its amount, marks intent and payment, and debits the ledger', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_disputes' });
    const intent = await pay.paymentIntents.create({ amount: 6400 });
    const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_disputed' });
    const disputes = await pay.disputes.list();
    expect(disputes.data).toHaveLength(1);
    const dispute = disputes.data[0]!;
    expect(dispute).toMatchObject({ entity: 'dispute', status: 'needs_response', amount: 6400, payment_id: payment.id, payment_intent_id: intent.id, account_id: 'acc_1' });
    expect(await pay.disputes.get(dispute.id)).toEqual(dispute);
    expect(await pay.paymentIntents.get(intent.id)).toMatchObject({ disputed: true, dispute_id: dispute.id, amount_disputed: 6400 });
    const debit = (await pay.transactions.list()).data.find((t) => t.source_type === 'dispute');
    expect(debit).toMatchObject({ source_id: dispute.id, amount: -6400 });
  });

  it('an authorised-only payment with pm_card_disputed is not disputed until there is money to dispute', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_disputes_auth' });
    const intent = await pay.paymentIntents.create({ amount: 6400, capture: false });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_disputed' });
    expect((await pay.disputes.list()).data).toEqual([]);
  });

  it('the list filters by status', async () => {
    const pay = sandbox.client({ apiKey: 'sk_test_disputes' });
    expect((await pay.disputes.list({ status: 'needs_response' })).data).toHaveLength(1);
    expect((await pay.disputes.list({ status: 'won' })).data).toEqual([]);
    const res = await sandbox.fetch('/disputes?status=nonsense', { headers: { 'x-api-key': apiKey } });
    expect(res.status).toBe(400);
    expect(res.body.argument_errors[0].argument).toBe('status');
  });

  it('a dispute of another API key is a 404', async () => {
    const dispute = (await sandbox.client({ apiKey: 'sk_test_disputes' }).disputes.list()).data[0]!;
    expect((await rejection(sandbox.client().disputes.get(dispute.id))).status).toBe(404);
  });
});
