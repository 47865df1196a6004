/** The Payments API v1.3.0 part of the quickstart `npm start` runs (see quickstart.ts). */
import { createPaymentsClient } from '../../src/payments/index.js';
import { fields, type Described } from './fields.js';
import type { QuickstartTargets } from './quickstart.js';
import type { Transcript } from './transcript.js';

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
