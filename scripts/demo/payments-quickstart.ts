/**
 * The Payments API v1.3.0 part of the quickstart `npm start` runs (see quickstart.ts): an intent
 * with manual capture, a payment on it, the capture, then the ledger that reflects it. Against the
 * stateful sandbox every answer is real state; against the Prism mock (`--mock`) the spec's examples.
 */
import { createPaymentsClient } from '../../src/payments/index.js';
import { fields, type Described } from './fields.js';
import type { QuickstartTargets } from './quickstart.js';
import type { Transcript } from './transcript.js';
import { webhookStep } from './webhook-step.js';

/**
 * The stored card to pay with: the sandbox's fixture Visa card (sandbox/payments/README.md) unless
 * `PAYMENTS_PAYMENT_METHOD_ID` names one of the target server's own methods.
 */
const paymentMethodId = process.env.PAYMENTS_PAYMENT_METHOD_ID ?? 'pm_card_visa';

type Entry = { source_type?: unknown; amount?: unknown; source_id?: unknown };
const signed = (n: unknown) => (typeof n === 'number' && n > 0 ? `+${n}` : String(n));

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

  const payment = await t.step(
    `pay ${intentId} with the stored card ${paymentMethodId}`,
    () => pay.paymentIntents.createPayment(intentId, { payment_method_id: paymentMethodId, cvv2: '123' }),
    (p) => `${fields(p as Described)}  authorized=${String(p.amount_authorized)}  captured=${String(p.amount_captured)}`,
  );
  if (!payment) return;

  const captured = await t.step(
    `capture ${intentId}`,
    () => pay.paymentIntents.capture(intentId, { amount: 10800 }),
    (captured) => `${fields(captured as Described)}  amount_captured=${String(captured.amount_captured)}  latest_payment=${String(captured.latest_payment?.id)} ${String(captured.latest_payment?.status)}`,
  );
  if (captured) await webhookStep(t, target.webhooks, 'payments-v1.3', 'payment_intent.captured', intentId);

  const entries = await t.step(
    'list transactions, auto-paginating (first 20)',
    () => pay.transactions.list({ limit: 10 }).toArray({ max: 20 }),
    (items) =>
      `${items.length} transactions${items.length ? `: ${(items as Entry[]).map((e) => `${String(e.source_type)} ${signed(e.amount)} (${String(e.source_id)})`).join(', ')}` : ''}`,
  );

  await t.step(
    'read the ledger balances',
    () => pay.balances.get(),
    (b) => {
      const sum = ((entries ?? []) as Entry[]).reduce((total, e) => total + (typeof e.amount === 'number' ? e.amount : 0), 0);
      return `pending=${String(b.pending)} available=${String(b.available)} ${String(b.currency)}  (the transactions above add up to ${signed(sum)})`;
    },
  );
}
