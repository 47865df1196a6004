/**
 * Payments API sandbox: starting_after / ending_before pagination over the stored objects. Seed:
 * "starting_after — The id of the entity", "ending_before — The id of the entity, use to sort in
 * reverse order", "limit — Default: 10, Max value is 50"; and the payment intent search's page numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, day, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
let pay: ReturnType<PaymentsSandbox['client']>;
/** Ids of 25 intents, newest first (the order lists return). */
let ids: string[];

beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
  pay = sandbox.client();
  const created: string[] = [];
  for (let i = 1; i <= 25; i++) {
    created.push((await pay.paymentIntents.create({ amount: i * 100, reference_id: `ref-${i % 3}` })).id);
    sandbox.advance(1000);
  }
  ids = created.reverse();
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: starting_after / ending_before lists', () => {
  it('the first page holds the 10 newest (default limit), with meta true to the data', async () => {
    const page = await pay.paymentIntents.list();
    expect(page.data.map((i) => i.id)).toEqual(ids.slice(0, 10));
    expect(page.body.meta).toEqual({ has_more: true, total: 25, limit: 10, starting_after: ids[9], ending_before: null });
    expect(page.hasNext).toBe(true);
  });

  it('starting_after gives the next-older objects; the last page says has_more false', async () => {
    const second = await pay.paymentIntents.list({ starting_after: ids[9], limit: 10 });
    expect(second.data.map((i) => i.id)).toEqual(ids.slice(10, 20));
    const last = await pay.paymentIntents.list({ starting_after: ids[19], limit: 10 });
    expect(last.data.map((i) => i.id)).toEqual(ids.slice(20));
    expect(last.body.meta).toMatchObject({ has_more: false, starting_after: null, ending_before: ids[20] });
  });

  it('ending_before gives the objects just newer than the cursor, still newest first', async () => {
    const page = await pay.paymentIntents.list({ ending_before: ids[15], limit: 5 });
    expect(page.data.map((i) => i.id)).toEqual(ids.slice(10, 15));
    expect(page.body.meta).toMatchObject({ has_more: true, ending_before: ids[10], starting_after: ids[14] });
    const top = await pay.paymentIntents.list({ ending_before: ids[3], limit: 5 });
    expect(top.data.map((i) => i.id)).toEqual(ids.slice(0, 3));
    expect(top.body.meta).toMatchObject({ has_more: false, ending_before: null });
  });

  it('auto-pagination walks every object once, in order, and pages stay stable when new objects arrive', async () => {
    const seen: string[] = [];
    for await (const intent of pay.paymentIntents.list({ limit: 7 })) {
      seen.push(intent.id);
      // A new intent while paging lands before the cursor, not in the pages still to come.
      if (seen.length === 7) await pay.paymentIntents.create({ amount: 1 });
    }
    expect(seen).toEqual(ids);
  });

  it('an unknown cursor is a 400 naming it; both cursors at once are a 400', async () => {
    const error = await rejection(pay.paymentIntents.list({ starting_after: 'pi_unknown' }));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors[0].argument).toBe('starting_after');
    expect((await rejection(pay.paymentIntents.list({ starting_after: ids[1], ending_before: ids[0] }))).status).toBe(400);
  });

  it('limit is at most 50 and at least 1 (400 naming limit)', async () => {
    for (const limit of [51, 0]) {
      const res = await sandbox.fetch(`/payment_intents?limit=${limit}`, { headers: { 'x-api-key': apiKey, 'x-account-id': 'acc_1' } });
      expect(res.status, `limit=${limit}`).toBe(400);
      expect(res.body.argument_errors[0].argument).toBe('limit');
    }
  });
});

describe('Payments sandbox: payment intent search by page number', () => {
  it('filters by reference and amount, sorts by the column asked, and pages with page/limit', async () => {
    const page = await pay.paymentIntents.search({ reference_id: 'ref-1', sort_column: 'amount', sort_direction: 'asc', limit: 3, page: 2 });
    // ref-1 holds i = 1, 4, 7, …, 25: nine intents.
    expect(page.body.meta).toEqual({ page: 2, limit: 3, total: 9, total_pages: 3, has_more: true });
    expect(page.data.map((i) => i.amount)).toEqual([1000, 1300, 1600]);
    const ranged = await pay.paymentIntents.search({ amount_min: 2000, amount_max: 2200, sort_column: 'amount', sort_direction: 'desc' });
    expect(ranged.data.map((i) => i.amount)).toEqual([2200, 2100, 2000]);
  });

  it('serves at most 50 a page; a limit or page of 0 (the seed sample) means the default; a negative one is a 400', async () => {
    expect((await pay.paymentIntents.search({ limit: 100 })).body.meta).toMatchObject({ limit: 50, page: 1 });
    expect((await pay.paymentIntents.search({ limit: 0, page: 0 })).body.meta).toMatchObject({ limit: 10, page: 1, total: 26, total_pages: 3 });
    const error = await rejection(pay.paymentIntents.search({ limit: -1 }));
    expect(error.status).toBe(400);
    expect(error.body.argument_errors[0].argument).toBe('limit');
  });

  it('filters by status, payment status, refunds and date range', async () => {
    const fresh = sandbox.client({ apiKey: 'sk_test_search' });
    const paid = await fresh.paymentIntents.create({ amount: 1000 });
    await fresh.paymentIntents.createPayment(paid.id, { payment_method_id: 'pm_card_visa' });
    const from = new Date(sandbox.now()).toISOString();
    sandbox.advance(1000);
    const refunded = await fresh.paymentIntents.create({ amount: 2000 });
    await fresh.paymentIntents.createPayment(refunded.id, { payment_method_id: 'pm_card_visa' });
    await fresh.paymentIntents.createRefund(refunded.id, { amount: 100 });
    const open = await fresh.paymentIntents.create({ amount: 3000 });
    const ids = async (body: Parameters<typeof fresh.paymentIntents.search>[0]) => (await fresh.paymentIntents.search(body)).data.map((i) => i.id);
    expect(await ids({ status: 'created' })).toEqual([open.id]);
    expect(await ids({ payment_status: 'captured' })).toEqual([refunded.id, paid.id]);
    expect(await ids({ has_refund: true })).toEqual([refunded.id]);
    expect(await ids({ has_refund: false, status: 'captured' })).toEqual([paid.id]);
    expect(await ids({ start_date: new Date(Date.parse(from) + 1).toISOString() })).toEqual([open.id, refunded.id]);
    expect(await ids({ settlement_status: 'unsettled' })).toEqual([open.id, refunded.id, paid.id]);
    // A day later the captured intents have settled (ledger.ts); the unpaid one has nothing to settle.
    sandbox.advance(day);
    expect(await ids({ settlement_status: 'settled' })).toEqual([refunded.id, paid.id]);
    expect(await ids({ settlement_status: 'unsettled' })).toEqual([open.id]);
  });
});

describe('Payments sandbox: test-only fault list-skips-page', () => {
  it('skips the second page of a starting_after list, so a suite can prove it notices (never on in a normal run)', async () => {
    const faulty = await startPaymentsSandbox({ faults: ['list-skips-page'] });
    try {
      const client = faulty.client();
      for (let i = 0; i < 6; i++) await client.paymentIntents.create({ amount: 100 + i });
      const seen: string[] = [];
      for await (const intent of client.paymentIntents.list({ limit: 2 })) seen.push(intent.id);
      expect(seen).toHaveLength(4);
    } finally {
      await faulty.stop();
    }
  });
});
