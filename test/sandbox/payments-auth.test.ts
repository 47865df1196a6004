/** Payments API sandbox: x-api-key, x-account-id / x-business-id scoping, objects invisible across accounts and keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, NotFoundError, PermissionDeniedError, RequestValidationError } from '../../src/payments/index.js';
import { apiKey, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
});
afterAll(() => sandbox?.stop());

const intentBody = JSON.stringify({ amount: 1000, currency: 'USD' });

describe('Payments sandbox: x-api-key', () => {
  it('a request without x-api-key is a 401 unauthorized in the API error body', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers: { 'content-type': 'application/json', 'x-account-id': 'acc_1' }, body: intentBody });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ type: 'authentication_error', code: 'unauthorized', argument_errors: [] });
    expect(typeof res.body.message).toBe('string');
  });

  it('a blank x-api-key is a 401 too, through the SDK as AuthenticationError', async () => {
    const error = await rejection(sandbox.client({ apiKey: ' ' }).balances.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthorized');
  });

  it('the API key never appears in an answer or an event: the partner is a digest of it', async () => {
    const mark = sandbox.events.length;
    const intent = await sandbox.client().paymentIntents.create({ amount: 100 });
    expect(intent.partner_id).toMatch(/^partner_[0-9a-f]{20}$/);
    const error = await rejection(sandbox.client().paymentIntents.capture(intent.id));
    for (const seen of [intent, error.body, sandbox.events.slice(mark)]) expect(JSON.stringify(seen)).not.toContain(apiKey);
  });

  it('an unauthenticated request gets the 401 even when it is also invalid', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ amount: 'ten' }) });
    expect(res.status).toBe(401);
  });

});

describe('Payments sandbox: x-account-id where the spec requires it', () => {
  it('a missing x-account-id is a 400 naming the header (the SDK refuses before sending)', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: intentBody });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_error');
    expect(res.body.argument_errors).toContainEqual({ argument: 'x-account-id', message: 'x-account-id is required' });

    const error = await rejection(sandbox.client({ accountId: undefined }).paymentIntents.create({ amount: 1000 }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.field).toBe('x-account-id');
  });

  it('a blank x-account-id is a 400 as well: it names no account', async () => {
    const res = await sandbox.fetch('/payment_intents', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey, 'x-account-id': '  ' }, body: intentBody });
    expect(res.status).toBe(400);
    expect(res.body.argument_errors).toEqual([{ argument: 'x-account-id', message: 'x-account-id should not be empty' }]);
  });

  it('listBusinessPayouts requires x-business-id', async () => {
    const res = await sandbox.fetch('/payouts/business', { headers: { 'x-api-key': apiKey } });
    expect(res.status).toBe(400);
    expect(res.body.argument_errors).toContainEqual({ argument: 'x-business-id', message: 'x-business-id is required' });
  });
});

describe('Payments sandbox: objects are invisible across accounts and API keys', () => {
  it('an intent of acc_1 is a 404 not_found for acc_2, in reads and in writes', async () => {
    const acc1 = sandbox.client();
    const acc2 = sandbox.client({ accountId: 'acc_2' });
    const intent = await acc1.paymentIntents.create({ amount: 1500 });
    expect((await acc1.paymentIntents.get(intent.id)).id).toBe(intent.id);

    for (const call of [
      () => acc2.paymentIntents.get(intent.id),
      () => acc2.paymentIntents.update(intent.id, { description: 'not mine' }),
      () => acc2.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' }),
      () => acc2.paymentIntents.cancel(intent.id),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error.code).toBe('not_found');
    }
    expect((await acc2.paymentIntents.list()).data.map((i) => i.id)).not.toContain(intent.id);
    // Untouched by acc_2's attempts.
    expect(await acc1.paymentIntents.get(intent.id)).toMatchObject({ status: 'created', description: null });
  });

  it('another API key sees nothing of this key, even with the same x-account-id', async () => {
    const mine = sandbox.client();
    const theirs = sandbox.client({ apiKey: 'sk_test_someone_else' });
    const intent = await mine.paymentIntents.create({ amount: 2500 });
    expect(await rejection(theirs.paymentIntents.get(intent.id))).toBeInstanceOf(NotFoundError);
    expect((await theirs.paymentIntents.list()).data).toEqual([]);
  });

  it('a refund of acc_1 is a 404 for acc_2', async () => {
    const acc1 = sandbox.client();
    const intent = await acc1.paymentIntents.create({ amount: 3000 });
    await acc1.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    const refund = await acc1.paymentIntents.createRefund(intent.id, { amount: 100 });
    expect((await acc1.refunds.get(refund.id)).id).toBe(refund.id);
    expect(await rejection(sandbox.client({ accountId: 'acc_2' }).refunds.get(refund.id))).toBeInstanceOf(NotFoundError);
  });

  it('operations without x-account-id in the spec see every account of the key, and one account when the header is sent', async () => {
    const key = { apiKey: 'sk_test_scoping' };
    const a = sandbox.client({ ...key, accountId: 'acc_a' });
    const b = sandbox.client({ ...key, accountId: 'acc_b' });
    for (const [client, amount] of [[a, 1000], [b, 2000]] as const) {
      const intent = await client.paymentIntents.create({ amount });
      await client.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    }
    const all = await a.transactions.list();
    expect(new Set(all.data.map((t) => t.source_account_id))).toEqual(new Set(['acc_a', 'acc_b']));
    const onlyB = await a.transactions.list({}, { headers: { 'x-account-id': 'acc_b' } });
    expect(onlyB.data.length).toBeGreaterThan(0);
    expect(onlyB.data.every((t) => t.source_account_id === 'acc_b')).toBe(true);
    // listPaymentIntents takes x-account-id optionally: without it, the key's every account.
    const unscoped = sandbox.client({ ...key, accountId: undefined });
    expect((await unscoped.paymentIntents.list()).data.map((i) => i.account_id).sort()).toEqual(['acc_a', 'acc_b']);
  });

  it("an account's business is learned from a request naming both; pairing it with another business is a 403", async () => {
    const key = { apiKey: 'sk_test_business' };
    const acc = sandbox.client({ ...key, accountId: 'acc_biz', businessId: 'biz_1' });
    const intent = await acc.paymentIntents.create({ amount: 1200 });
    expect(intent.business_id).toBeNull();
    // listPaymentIntents takes both headers: this request links acc_biz to biz_1.
    await acc.paymentIntents.list();
    expect((await acc.paymentIntents.get(intent.id)).business_id).toBe('biz_1');
    const byBusiness = await sandbox.client({ ...key, accountId: undefined, businessId: 'biz_1' }).paymentIntents.list();
    expect(byBusiness.data.map((i) => i.id)).toEqual([intent.id]);
    expect((await sandbox.client({ ...key, accountId: undefined, businessId: 'biz_2' }).paymentIntents.list()).data).toEqual([]);

    const error = await rejection(sandbox.client({ ...key, accountId: 'acc_biz', businessId: 'biz_2' }).paymentIntents.list());
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.code).toBe('forbidden');
  });
});
