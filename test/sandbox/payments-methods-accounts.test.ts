/**
 * Payments API sandbox: payment methods (seed "Fetch payment method", "Update payment method") and
 * the account's processing plan (seed "Fetch Partner Processing Plan"), both fixtures the API cannot create.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: payment methods', () => {
  it('every API key starts with the fixture methods: cards and a bank account', async () => {
    const pay = sandbox.client();
    expect(await pay.paymentMethods.get('pm_card_visa')).toMatchObject({ entity: 'payment_method', payment_method_type: 'card', card: { brand: 'visa', acct_last_four: '4242' } });
    expect(await pay.paymentMethods.get('pm_bank_checking')).toMatchObject({ payment_method_type: 'bank', bank: { account_type: 'checking' } });
    for (const id of ['pm_card_mastercard', 'pm_card_amex', 'pm_card_declined', 'pm_card_disputed']) expect((await pay.paymentMethods.get(id)).id).toBe(id);
  });

  it('update replaces the billing details, for this API key only; earlier payments keep theirs', async () => {
    const pay = sandbox.client();
    const intent = await pay.paymentIntents.create({ amount: 1000 });
    const before = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    sandbox.advance(1000);
    const updated = await pay.paymentMethods.update('pm_card_visa', { billing_details: { name: 'New Name', email: 'new@example.com' } });
    expect(updated.billing_details).toEqual({ name: 'New Name', email: 'new@example.com' });
    expect(updated.updated_at).toBe(new Date(sandbox.now()).toISOString());
    expect(await pay.paymentMethods.get('pm_card_visa')).toEqual(updated);
    expect((await sandbox.client({ apiKey: 'sk_test_untouched' }).paymentMethods.get('pm_card_visa')).billing_details?.name).toBe('Sylvia Fowles');
    expect((await pay.paymentIntents.get(intent.id)).latest_payment?.billing_details).toEqual(before.billing_details);
  });

  it('billing_details is required to update (400 naming it)', async () => {
    const error = await rejection(sandbox.client().paymentMethods.update('pm_card_visa', {} as never));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors[0].argument).toBe('billing_details');
  });

  it('an unknown payment method is a 404', async () => {
    expect((await rejection(sandbox.client().paymentMethods.get('pm_missing'))).status).toBe(404);
    expect((await rejection(sandbox.client().paymentMethods.update('pm_missing', { billing_details: {} }))).status).toBe(404);
  });
});

describe('Payments sandbox: processing plan', () => {
  it("is the fixture flat-rate plan, named for the account, whose fees the ledger charges", async () => {
    const plan = await sandbox.client().accounts.processingPlan('acc_1');
    expect(plan).toMatchObject({ id: 'plan_acc_1', plan_type: 'FLAT_RATE', interchange_cost: 'GROSS' });
    expect(plan.fees).toMatchObject({ card: { percentage: expect.any(Number), fixed: expect.any(Number) } });
  });
});
