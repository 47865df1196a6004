/**
 * Payments API sandbox: transaction search and download over the stored ledger. Seed "Search a list
 * of transactions" (source_type, settlement_status, start/end date, amount range, sort_column
 * default updated_at, sort_direction default desc, limit <= 50 default 10, page >= 1 default 1) and
 * "Download list of transactions" (the same filters, no paging).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKey, day, rejection, startPaymentsSandbox, type PaymentsSandbox } from './payments-sandbox.js';

let sandbox: PaymentsSandbox;
let pay: ReturnType<PaymentsSandbox['client']>;
let firstDayEnd: string;

beforeAll(async () => {
  sandbox = await startPaymentsSandbox();
  pay = sandbox.client();
  // Day 1: three captures (each a payment and a fee) and one refund. Day 2: one more capture.
  for (const amount of [1000, 2000, 3000]) {
    const intent = await pay.paymentIntents.create({ amount });
    await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
    if (amount === 3000) await pay.paymentIntents.createRefund(intent.id, { amount: 500 });
    sandbox.advance(60_000);
  }
  firstDayEnd = new Date(sandbox.now()).toISOString();
  sandbox.advance(day);
  const late = await pay.paymentIntents.create({ amount: 4000 });
  await pay.paymentIntents.createPayment(late.id, { payment_method_id: 'pm_card_visa' });
});
afterAll(() => sandbox?.stop());

describe('Payments sandbox: search transactions', () => {
  it('without filters: every transaction, 10 a page, newest updated first, with page meta true to the data', async () => {
    const page = await pay.transactions.search();
    expect(page.body.meta).toEqual({ page: 1, limit: 10, total: 9, total_pages: 1, has_more: false });
    expect(page.data).toHaveLength(9);
    const updated = page.data.map((t) => Date.parse(t.updated_at));
    expect(updated).toEqual([...updated].sort((a, b) => b - a));
  });

  it('filters by source type, settlement status, amount range and date range', async () => {
    expect((await pay.transactions.search({ source_type: 'refund' })).data.map((t) => t.amount)).toEqual([-500]);
    const payments = (await pay.transactions.search({ source_type: 'payment', sort_column: 'amount', sort_direction: 'asc' })).data;
    expect(payments.map((t) => t.amount)).toEqual([1000, 2000, 3000, 4000]);
    // Day 1's entries have settled by now, day 2's have not.
    const unsettled = (await pay.transactions.search({ settlement_status: 'unsettled' })).data;
    expect(unsettled.map((t) => t.source_type).sort()).toEqual(['fee', 'payment']);
    expect((await pay.transactions.search({ amount_min: 1500, amount_max: 3000 })).data.map((t) => t.amount).sort()).toEqual([2000, 3000]);
    const dayOne = (await pay.transactions.search({ end_date: firstDayEnd })).data;
    expect(dayOne).toHaveLength(7);
  });

  it('pages by number: limit and page, has_more and total_pages from the data; iterating walks every page', async () => {
    const second = await pay.transactions.search({ limit: 4, page: 2 });
    expect(second.body.meta).toEqual({ page: 2, limit: 4, total: 9, total_pages: 3, has_more: true });
    expect(second.data).toHaveLength(4);
    const all: string[] = [];
    for await (const t of pay.transactions.search({ limit: 4 })) all.push(t.id);
    expect(all).toHaveLength(9);
    expect(new Set(all).size).toBe(9);
  });

  it('limit above 50 and page below 1 are refused (400 naming the argument)', async () => {
    for (const [body, argument] of [
      [{ limit: 51 }, 'limit'],
      [{ page: 0 }, 'page'],
    ] as const) {
      const res = await sandbox.fetch('/transactions/search', { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(res.body.argument_errors[0].argument).toBe(argument);
    }
  });
});

describe('Payments sandbox: download transactions', () => {
  it('exports the matching transactions as CSV, one row each, without paging', async () => {
    const download = (await pay.transactions.download({ source_type: 'payment', sort_column: 'amount', sort_direction: 'asc' })) as { format: string; row_count: number; content: string };
    expect(download.format).toBe('csv');
    expect(download.row_count).toBe(4);
    const [header, ...rows] = download.content.split('\n');
    expect(header!.split(',')).toContain('amount');
    const amountAt = header!.split(',').indexOf('amount');
    expect(rows.map((r) => Number(r.split(',')[amountAt]))).toEqual([1000, 2000, 3000, 4000]);
    expect(((await pay.transactions.download()) as { row_count: number }).row_count).toBe(9);
  });
});

describe('Payments sandbox: get a transaction', () => {
  it('an unknown transaction is a 404', async () => {
    expect((await rejection(pay.transactions.get('txn_missing'))).status).toBe(404);
  });
});
