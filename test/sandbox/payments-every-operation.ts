/**
 * Calls every operation of the Payments API bundle once with a valid request, after building the
 * state the reads need (intents in each state, a session, a dispute, settled funds, a payout).
 * Returns the calls that failed, as `operationId: message`. The table must name every operationId:
 * the compiler checks it against the generated operation table.
 */
// Every operation of the spec's paths (webhooks are events, not operations the sandbox answers).
import type { methodByOperationId } from '../../generated/payments-v1.3.sdk.js';
import type { PaymentsClient } from '../../src/payments/index.js';
import { day } from './payments-sandbox.js';

export async function exerciseEveryOperation(pay: PaymentsClient, advance: (ms: number) => void): Promise<string[]> {
  const gateway = { status: 'approved', transaction_id: 'gw_1' };
  const method = { payment_method_type: 'card' as const, card: { brand: 'visa', acct_last_four: '1111' } };
  const sessionBody = { cancel_url: 'c', success_url: 's', customer_email: 'e@example.com', payment_intent_data: { amount: 2000 }, subtotal: 2000, discount_amount: 0 };

  // State the reads below need: intents in each state, a session, a dispute, settled funds and a payout.
  await pay.paymentIntents.list(); // links the client's account to its business (both headers)
  const intent = await pay.paymentIntents.create({ amount: 9000, capture: false, reference_id: 'ops' });
  const payment = await pay.paymentIntents.createPayment(intent.id, { payment_method_id: 'pm_card_visa' });
  await pay.paymentIntents.capture(intent.id, { amount: 8000 });
  const refund = await pay.paymentIntents.createRefund(intent.id, { amount: 500 });
  const disputed = await pay.paymentIntents.create({ amount: 700 });
  await pay.paymentIntents.createPayment(disputed.id, { payment_method_id: 'pm_card_disputed' });
  const external = await pay.externalPayments.create({ payment_intent: { amount: 3000, capture: false }, payment_method: method, gateway_response: gateway });
  advance(2 * day);
  const session = await pay.checkoutSessions.create(sessionBody);
  const transaction = (await pay.transactions.list()).data[0]!;
  const payout = (await pay.payouts.list()).data[0]!;
  const dispute = (await pay.disputes.list()).data[0]!;

  const calls: Record<keyof typeof methodByOperationId, () => PromiseLike<unknown>> = {
    listCheckoutSessions: () => pay.checkoutSessions.list({ limit: 5 }),
    createCheckoutSession: () => pay.checkoutSessions.create(sessionBody),
    getCheckoutSession: () => pay.checkoutSessions.get(session.id),
    getCheckoutSessionDetails: () => pay.checkoutSessions.details(session.id),
    createCheckoutSessionPayment: () => pay.checkoutSessions.createPayment(session.id, { payment_method_id: 'pm_card_visa' }),
    completeCheckoutSession: () => pay.checkoutSessions.complete(session.id),
    expireCheckoutSession: async () => pay.checkoutSessions.expire((await pay.checkoutSessions.create(sessionBody)).id),
    listPaymentIntents: () => pay.paymentIntents.list(),
    createPaymentIntent: () => pay.paymentIntents.create({ amount: 100 }),
    searchPaymentIntents: () => pay.paymentIntents.search({ status: 'captured', sort_column: 'amount' }),
    getPaymentIntent: () => pay.paymentIntents.get(intent.id),
    updatePaymentIntent: () => pay.paymentIntents.update(intent.id, { description: 'updated' }),
    cancelPaymentIntent: async () => pay.paymentIntents.cancel((await pay.paymentIntents.create({ amount: 100 })).id),
    capturePaymentIntent: async () => {
      const next = await pay.paymentIntents.create({ amount: 100, capture: false });
      await pay.paymentIntents.createPayment(next.id, { payment_method_id: 'pm_card_amex' });
      return pay.paymentIntents.capture(next.id);
    },
    listPaymentIntentPayments: () => pay.paymentIntents.listPayments(intent.id),
    createPayment: async () => pay.paymentIntents.createPayment((await pay.paymentIntents.create({ amount: 100 })).id, { payment_method_id: 'pm_bank_checking' }),
    createRefund: () => pay.paymentIntents.createRefund(intent.id, { amount: 100 }),
    getRefund: () => pay.refunds.get(refund.id),
    getPaymentMethod: () => pay.paymentMethods.get(payment.payment_method_id!),
    updatePaymentMethod: () => pay.paymentMethods.update('pm_card_mastercard', { billing_details: { name: 'Ops' } }),
    createExternalPaymentIntent: () => pay.externalPayments.create({ payment_intent: { amount: 100 }, payment_method: method, gateway_response: gateway }),
    cancelExternalPaymentIntent: async () =>
      pay.externalPayments.cancel((await pay.externalPayments.create({ payment_intent: { amount: 100, capture: false }, payment_method: method, gateway_response: gateway })).id),
    captureExternalPaymentIntent: () => pay.externalPayments.capture(external.id, { gateway_capture_response: { status: 'captured' } }),
    createExternalRefund: () => pay.externalRefunds.create({ payment_intent_id: external.id, refund_request: { amount: 100 }, gateway_response: gateway }),
    listDisputes: () => pay.disputes.list(),
    getDispute: () => pay.disputes.get(dispute.id),
    getBalances: () => pay.balances.get(),
    listTransactions: () => pay.transactions.list({ payout_id: payout.id }),
    getTransaction: () => pay.transactions.get(transaction.id),
    searchTransactions: () => pay.transactions.search({ source_type: 'payment' }),
    downloadTransactions: () => pay.transactions.download({ settlement_status: 'settled' }),
    listPayouts: () => pay.payouts.list(),
    getPayout: () => pay.payouts.get(payout.id),
    listBusinessPayouts: () => pay.payouts.listForBusiness(),
    getPartnerProcessingPlan: () => pay.accounts.processingPlan(intent.account_id),
  };
  const failed: string[] = [];
  for (const [operationId, call] of Object.entries(calls)) {
    await Promise.resolve(call()).catch((error: Error) => failed.push(`${operationId}: ${error.message}`));
  }
  return failed;
}
