/**
 * The quickstart `npm start` runs: a short, realistic flow through each client, the way an
 * integrator would write it. Against the bundled Prism mocks the answers are the specs' examples.
 */
import { createJustifiClient, testCards } from '../../src/justifi/index.js';
import { fields, type Described } from './fields.js';
import type { Transcript } from './transcript.js';
import { runPaymentsQuickstart } from './payments-quickstart.js';

export { runPaymentsQuickstart };

export interface QuickstartTargets {
  justifi: { url: string; clientId: string; clientSecret: string; subAccount?: string | undefined };
  payments: { url: string; apiKey: string; accountId: string };
}

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

  await t.step(
    'list payments, auto-paginating (first 5)',
    () => justifi.payments.list({ limit: 2 }).toArray({ max: 5 }),
    (items) => `${items.length} payments: ${items.map((p) => String((p as Described).id)).join(', ')}`,
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
