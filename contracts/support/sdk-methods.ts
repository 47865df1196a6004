/**
 * Which SDK method drives each operation: the contract suite calls operations the way a user
 * does, through the public clients, never through a side door. Inputs arrive untyped from the
 * generators (and deliberately invalid for negative checks), so they are cast past the types here.
 */
import type { JustifiClient, JustifiRequestOptions } from '../../src/justifi/index.js';
import type { PaymentsClient, PaymentsRequestOptions } from '../../src/payments/index.js';

export interface OperationInput {
  path: Record<string, string>;
  query: Record<string, unknown> | undefined;
  body: unknown;
}

/** An SDK call: an ApiPromise (has withResponse) or a PagePromise (awaitable to a Page). */
export type SdkCall = PromiseLike<unknown>;

type Invoke<Client, Options> = (client: Client, input: OperationInput, options: Options) => SdkCall;

const any = (v: unknown) => v as never;

export const justifiMethods: Record<string, Invoke<JustifiClient, JustifiRequestOptions>> = {
  createSubAccount: (c, i, o) => c.subAccounts.create(any(i.body), o),
  listSubAccounts: (c, i, o) => c.subAccounts.list(any(i.query), o),
  getSubAccount: (c, i, o) => c.subAccounts.get(i.path.id!, o),
  createSellerAccount: (c, i, o) => c.sellerAccounts.create(any(i.body), o),
  listSellerAccounts: (c, i, o) => c.sellerAccounts.list(any(i.query), o),
  getSellerAccount: (c, i, o) => c.sellerAccounts.get(i.path.id!, o),
  createOnboardingEntry: (c, i, o) => c.onboarding.create(i.path.id!, any(i.body), o),
  listProceeds: (c, i, o) => c.proceeds.list(any(i.query), o),
  getProceeds: (c, i, o) => c.proceeds.get(i.path.id!, o),
  createCheckoutSession: (c, i, o) => c.checkoutSessions.create(any(i.body), o),
  createPayment: (c, i, o) => c.payments.create(any(i.body), o),
  listPayments: (c, i, o) => c.payments.list(any(i.query), o),
  getPayment: (c, i, o) => c.payments.get(i.path.id!, o),
  updatePayment: (c, i, o) => c.payments.update(i.path.id!, any(i.body), o),
  capturePayment: (c, i, o) => c.payments.capture(i.path.id!, any(i.body), o),
  refundPayment: (c, i, o) => c.payments.refund(i.path.id!, any(i.body), o),
  listPaymentBalanceTransactions: (c, i, o) => c.payments.balanceTransactions(i.path.id!, any(i.query), o),
  getPayoutCsvReport: (c, i, o) => c.payouts.csvReport(i.path.id!, o),
  createPaymentIntent: (c, i, o) => c.paymentIntents.create(any(i.body), o),
  listPaymentIntents: (c, i, o) => c.paymentIntents.list(any(i.query), o),
  getPaymentIntent: (c, i, o) => c.paymentIntents.get(i.path.id!, o),
  updatePaymentIntent: (c, i, o) => c.paymentIntents.update(i.path.id!, any(i.body), o),
  capturePaymentIntent: (c, i, o) => c.paymentIntents.capture(i.path.id!, any(i.body), o),
  listPaymentIntentPayments: (c, i, o) => c.paymentIntents.listPayments(i.path.id!, any(i.query), o),
  createPaymentMethod: (c, i, o) => c.paymentMethods.create(any(i.body), o),
  listPaymentMethods: (c, i, o) => c.paymentMethods.list(any(i.query), o),
  getPaymentMethod: (c, i, o) => c.paymentMethods.get(i.path.token!, o),
  updatePaymentMethod: (c, i, o) => c.paymentMethods.update(i.path.token!, any(i.body), o),
  clonePaymentMethod: (c, i, o) => c.paymentMethods.clone(i.path.token!, any(i.body), o),
  listRefunds: (c, i, o) => c.refunds.list(any(i.query), o),
  getRefund: (c, i, o) => c.refunds.get(i.path.id!, o),
  updateRefund: (c, i, o) => c.refunds.update(i.path.id!, any(i.body), o),
  listDisputes: (c, i, o) => c.disputes.list(any(i.query), o),
  getDispute: (c, i, o) => c.disputes.get(i.path.id!, o),
  updateDispute: (c, i, o) => c.disputes.update(i.path.id!, any(i.body), o),
  listPayouts: (c, i, o) => c.payouts.list(any(i.query), o),
  getPayout: (c, i, o) => c.payouts.get(i.path.id!, o),
  updatePayout: (c, i, o) => c.payouts.update(i.path.id!, any(i.body), o),
};

export const paymentsMethods: Record<string, Invoke<PaymentsClient, PaymentsRequestOptions>> = {
  listCheckoutSessions: (c, i, o) => c.checkoutSessions.list(any(i.query), o),
  createCheckoutSession: (c, i, o) => c.checkoutSessions.create(any(i.body), o),
  getCheckoutSession: (c, i, o) => c.checkoutSessions.get(i.path.id!, o),
  getCheckoutSessionDetails: (c, i, o) => c.checkoutSessions.details(i.path.id!, o),
  completeCheckoutSession: (c, i, o) => c.checkoutSessions.complete(i.path.id!, any(i.body), o),
  expireCheckoutSession: (c, i, o) => c.checkoutSessions.expire(i.path.id!, any(i.body), o),
  createCheckoutSessionPayment: (c, i, o) => c.checkoutSessions.createPayment(i.path.id!, any(i.body), o),
  createPaymentIntent: (c, i, o) => c.paymentIntents.create(any(i.body), o),
  listPaymentIntents: (c, i, o) => c.paymentIntents.list(any(i.query), o),
  searchPaymentIntents: (c, i, o) => c.paymentIntents.search(any(i.body), o),
  getPaymentIntent: (c, i, o) => c.paymentIntents.get(i.path.id!, o),
  updatePaymentIntent: (c, i, o) => c.paymentIntents.update(i.path.id!, any(i.body), o),
  cancelPaymentIntent: (c, i, o) => c.paymentIntents.cancel(i.path.id!, any(i.body), o),
  capturePaymentIntent: (c, i, o) => c.paymentIntents.capture(i.path.id!, any(i.body), o),
  listPaymentIntentPayments: (c, i, o) => c.paymentIntents.listPayments(i.path.id!, any(i.query), o),
  createPayment: (c, i, o) => c.paymentIntents.createPayment(i.path.id!, any(i.body), o),
  createRefund: (c, i, o) => c.paymentIntents.createRefund(i.path.id!, any(i.body), o),
  getRefund: (c, i, o) => c.refunds.get(i.path.id!, o),
  getPaymentMethod: (c, i, o) => c.paymentMethods.get(i.path.id!, o),
  updatePaymentMethod: (c, i, o) => c.paymentMethods.update(i.path.id!, any(i.body), o),
  createExternalPaymentIntent: (c, i, o) => c.externalPayments.create(any(i.body), o),
  cancelExternalPaymentIntent: (c, i, o) => c.externalPayments.cancel(i.path.payment_intent_id!, any(i.body), o),
  captureExternalPaymentIntent: (c, i, o) => c.externalPayments.capture(i.path.payment_intent_id!, any(i.body), o),
  createExternalRefund: (c, i, o) => c.externalRefunds.create(any(i.body), o),
  listDisputes: (c, i, o) => c.disputes.list(any(i.query), o),
  getDispute: (c, i, o) => c.disputes.get(i.path.id!, o),
  getBalances: (c, i, o) => c.balances.get(any(i.query), o),
  listTransactions: (c, i, o) => c.transactions.list(any(i.query), o),
  getTransaction: (c, i, o) => c.transactions.get(i.path.id!, o),
  searchTransactions: (c, i, o) => c.transactions.search(any(i.body), o),
  downloadTransactions: (c, i, o) => c.transactions.download(any(i.body), o),
  listPayouts: (c, i, o) => c.payouts.list(any(i.query), o),
  getPayout: (c, i, o) => c.payouts.get(i.path.id!, o),
  listBusinessPayouts: (c, i, o) => c.payouts.listForBusiness(any(i.query), o),
  getPartnerProcessingPlan: (c, i, o) => c.accounts.processingPlan(i.path.id!, o),
};
