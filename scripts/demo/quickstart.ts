/**
 * The quickstart `npm start` runs: a short, realistic flow through each client, the way an
 * integrator would write it. Against the bundled Prism mocks the answers are the specs' examples.
 */
import { createJustifiClient, testCards } from '../../src/justifi/index.js';
import { createPaymentsClient } from '../../src/payments/index.js';
import { Transcript } from './transcript.js';

export interface QuickstartTargets {
  justifi: { url: string; clientId: string; clientSecret: string; subAccount?: string | undefined };
  payments: { url: string; apiKey: string; accountId: string };
}

type Described = { id?: unknown; amount?: unknown; currency?: unknown; status?: unknown };
const fields = (v: Described) => [`id=${String(v.id)}`, v.amount !== undefined ? `amount=${String(v.amount)} ${String(v.currency ?? '')}`.trim() : '', v.status !== undefined ? `status=${String(v.status)}` : ''].filter(Boolean).join('  ');

export async function runJustifiQuickstart(t: Transcript, target: QuickstartTargets['justifi']): Promise<void> {
  const justifi = createJustifiClient({ clientId: target.clientId, clientSecret: target.clientSecret, subAccount: target.subAccount, baseUrl: target.url, logger: t.logger });
  t.heading(`JustiFi API v1 ${`(${justifi.mode} mode)`}`);

  const payment = await t.step(
    `create a $10.00 payment with the ${testCards.visa.brand} test card ${testCards.visa.number}`,
    () =>
      justifi.payments
        .create({
          amount: 1000,
          currency: 'usd',
          capture_strategy: 'automatic',
          email: 'example@test.com',
          description: 'payments-sdk quickstart',
          payment_method: { card: { name: 'Sylvia Fowles', number: testCards.visa.number, verification: '123', month: '3', year: '2040', address_postal_code: '55555' } },
        })
        .withResponse(),
    ({ data, idempotencyKey }) => `access token obtained (kept out of logs)  ${fields(data as Described)}  Idempotency-Key=${idempotencyKey}`,
  );
  if (!payment) return;

  // The first page only: a mock answers every cursor with the same example page, which
  // auto-pagination rightly refuses to walk (PaginationLoopError).
  await t.step(
    'list payments (first page)',
    () => justifi.payments.list({ limit: 2 }),
    (page) => `${page.data.length} payments: ${page.data.map((p) => String((p as Described).id)).join(', ')}  hasNext=${page.hasNext}`,
  );

  const paymentId = String((payment.data as Described).id);
  await t.step(
    `refund $5.00 of ${paymentId}`,
    () => justifi.payments.refund(paymentId, { amount: 500, reason: 'customer_request', description: 'partial refund from the quickstart' }),
    (refund) => fields(refund as Described),
  );

  await t.step(
    'read the dispute list',
    () => justifi.disputes.list({ limit: 10 }),
    (page) => `${page.data.length} disputes on the first page, hasNext=${page.hasNext}`,
  );
}

export async function runPaymentsQuickstart(t: Transcript, target: QuickstartTargets['payments']): Promise<void> {
  const pay = createPaymentsClient({ apiKey: target.apiKey, accountId: target.accountId, baseUrl: target.url, logger: t.logger });
  t.heading('Payments API v1.3.0');

  const intent = await t.step(
    'create a $108.00 payment intent (manual capture)',
    () =>
      pay.paymentIntents
        .create({ amount: 10800, currency: 'USD', capture: false, reference_id: 'order-10042', description: 'Order 10042', payment_method_types: ['card'] })
        .withResponse(),
    ({ data, idempotencyKey }) => `${fields(data as Described)}  x-idempotency-key=${idempotencyKey}`,
  );
  if (!intent) return;

  const intentId = String((intent.data as Described).id);
  await t.step(`capture ${intentId}`, () => pay.paymentIntents.capture(intentId, { amount: 10800 }), (captured) => fields(captured as Described));

  await t.step(
    'list transactions, auto-paginating (first 20)',
    () => pay.transactions.list({ limit: 10 }).toArray({ max: 20 }),
    (items) => `${items.length} transactions${items.length ? `, first ${fields(items[0] as Described)}` : ''}`,
  );

  await t.step(
    'read the ledger balances',
    () => pay.balances.get(),
    (balances) => JSON.stringify(balances).slice(0, 160),
  );
}
