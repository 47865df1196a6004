/**
 * The quickstart `npm start` runs: a short, realistic flow through each client, the way an
 * integrator would write it. Against the stateful sandbox every answer is real state (the payment
 * read back, the refund leaving the rest refundable, the decline as a typed error, the list holding
 * what was just made); against the Prism mocks (`--mock`) the answers are the specs' examples.
 */
import { createJustifiClient, PaymentRequiredError, testCards } from '../../src/justifi/index.js';
import { fields, type Described } from './fields.js';
import type { Transcript } from './transcript.js';
import { runPaymentsQuickstart } from './payments-quickstart.js';
import { webhookStep, type QuickstartWebhooks } from './webhook-step.js';

export { runPaymentsQuickstart };

export interface QuickstartTargets {
  justifi: { url: string; clientId: string; clientSecret: string; subAccount?: string | undefined; webhooks: QuickstartWebhooks };
  payments: { url: string; apiKey: string; accountId: string; webhooks: QuickstartWebhooks };
}

export async function runJustifiQuickstart(t: Transcript, target: QuickstartTargets['justifi'] & { mock?: boolean }): Promise<void> {
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
  const paymentId = String((payment.data as Described).id);
  await webhookStep(t, target.webhooks, 'justifi-v1', 'payment.created', paymentId);

  await t.step(
    `read ${paymentId} back`,
    () => justifi.payments.get(paymentId),
    (p) => `${fields(p as Described)}  amount_refundable=${String(p.amount_refundable)}`,
  );

  await t.step(
    `refund $5.00 of ${paymentId}`,
    () => justifi.payments.refund(paymentId, { amount: 500, reason: 'customer_request', description: 'partial refund from the quickstart' }),
    (refund) => fields(refund as Described),
  );

  await t.step(
    `read ${paymentId} again after the refund`,
    () => justifi.payments.get(paymentId),
    (p) => `amount=${String(p.amount)}  amount_refunded=${String(p.amount_refunded)}  amount_refundable=${String(p.amount_refundable)}  refunds=${p.refunds?.length ?? 0}`,
  );

  const declined = testCards.insufficientFunds;
  await t.step(
    `pay with the declined test card ${declined.number}: a typed error`,
    () =>
      justifi.payments
        .create(
          { amount: 2000, currency: 'usd', capture_strategy: 'automatic', payment_method: { card: { name: 'Sylvia Fowles', number: declined.number, verification: '123', month: '3', year: '2040' } } },
          // A static mock cannot decline: ask Prism for the spec's 402 example instead.
          target.mock ? { headers: { Prefer: 'code=402, example=card_declined_insufficient_funds' } } : undefined,
        )
        .then(
          (p): never => {
            throw new Error(`expected a decline, got ${fields(p as Described)}`);
          },
          (error: unknown) => {
            if (!(error instanceof PaymentRequiredError)) throw error;
            return error;
          },
        ),
    (e) => `${e.name} ${e.status}  code=${String(e.code)}  declineCode=${String(e.declineCode)}`,
  );

  // A static mock answers every cursor with the same example page, which auto-pagination rightly
  // refuses to walk (PaginationLoopError): against a mock, the first page only.
  await t.step(
    target.mock ? 'list payments (first page)' : 'list payments, auto-paginating (first 5)',
    () => (target.mock ? justifi.payments.list({ limit: 2 }).then((page) => page.data) : justifi.payments.list({ limit: 2 }).toArray({ max: 5 })),
    (items) => `${items.length} payments: ${items.map((p) => `${String((p as Described).id)} ${String((p as Described).status)}`).join(', ')}`,
  );

  await t.step(
    'read the dispute list',
    () => justifi.disputes.list({ limit: 10 }),
    (page) => `${page.data.length} disputes on the first page${page.data.length ? ` (${page.data.map((d) => `${String(d.status)} ${String(d.amount)}`).join(', ')})` : ''}, hasNext=${page.hasNext}`,
  );
}
