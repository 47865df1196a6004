/**
 * One namespace per Payments API section, each method named for what it does and typed from the
 * generated operation it calls. Every method takes request options as its last argument.
 */
import type { Body, PaymentsContext, PaymentsRequestOptions as Options, Query } from './context.js';

export function paymentsResources(ctx: PaymentsContext) {
  return {
    checkoutSessions: {
      list: (query?: Query<'listCheckoutSessions'>, options?: Options) => ctx.list('listCheckoutSessions', { query }, options),
      create: (body: Body<'createCheckoutSession'>, options?: Options) => ctx.call('createCheckoutSession', { body }, options),
      get: (id: string, options?: Options) => ctx.call('getCheckoutSession', { path: { id } }, options),
      /** The session with its payment intent and payment method details. */
      details: (id: string, options?: Options) => ctx.call('getCheckoutSessionDetails', { path: { id } }, options),
      complete: (id: string, body?: Body<'completeCheckoutSession'>, options?: Options) => ctx.call('completeCheckoutSession', { path: { id }, body }, options),
      expire: (id: string, body?: Body<'expireCheckoutSession'>, options?: Options) => ctx.call('expireCheckoutSession', { path: { id }, body }, options),
      /** Pay a checkout session. */
      createPayment: (id: string, body: Body<'createCheckoutSessionPayment'>, options?: Options) =>
        ctx.call('createCheckoutSessionPayment', { path: { id }, body }, options),
    },
    paymentIntents: {
      create: (body: Body<'createPaymentIntent'>, options?: Options) => ctx.call('createPaymentIntent', { body }, options),
      list: (query?: Query<'listPaymentIntents'>, options?: Options) => ctx.list('listPaymentIntents', { query }, options),
      /** Search by filters, paging by page number; iterate to walk every page. */
      search: (body?: Body<'searchPaymentIntents'>, options?: Options) => ctx.search('searchPaymentIntents', { body }, options),
      get: (id: string, options?: Options) => ctx.call('getPaymentIntent', { path: { id } }, options),
      update: (id: string, body: Body<'updatePaymentIntent'>, options?: Options) => ctx.call('updatePaymentIntent', { path: { id }, body }, options),
      cancel: (id: string, body?: Body<'cancelPaymentIntent'>, options?: Options) => ctx.call('cancelPaymentIntent', { path: { id }, body }, options),
      /** Capture an authorised payment intent, in full or in part. */
      capture: (id: string, body?: Body<'capturePaymentIntent'>, options?: Options) => ctx.call('capturePaymentIntent', { path: { id }, body }, options),
      listPayments: (id: string, query?: Query<'listPaymentIntentPayments'>, options?: Options) =>
        ctx.list('listPaymentIntentPayments', { path: { id }, query }, options),
      createPayment: (id: string, body: Body<'createPayment'>, options?: Options) => ctx.call('createPayment', { path: { id }, body }, options),
      createRefund: (id: string, body: Body<'createRefund'>, options?: Options) => ctx.call('createRefund', { path: { id }, body }, options),
    },
    refunds: {
      get: (id: string, options?: Options) => ctx.call('getRefund', { path: { id } }, options),
    },
    paymentMethods: {
      get: (id: string, options?: Options) => ctx.call('getPaymentMethod', { path: { id } }, options),
      update: (id: string, body: Body<'updatePaymentMethod'>, options?: Options) => ctx.call('updatePaymentMethod', { path: { id }, body }, options),
    },
    externalPayments: {
      /** Record a payment intent paid outside the platform. */
      create: (body: Body<'createExternalPaymentIntent'>, options?: Options) => ctx.call('createExternalPaymentIntent', { body }, options),
      cancel: (paymentIntentId: string, body?: Body<'cancelExternalPaymentIntent'>, options?: Options) =>
        ctx.call('cancelExternalPaymentIntent', { path: { payment_intent_id: paymentIntentId }, body }, options),
      capture: (paymentIntentId: string, body?: Body<'captureExternalPaymentIntent'>, options?: Options) =>
        ctx.call('captureExternalPaymentIntent', { path: { payment_intent_id: paymentIntentId }, body }, options),
    },
    externalRefunds: {
      create: (body: Body<'createExternalRefund'>, options?: Options) => ctx.call('createExternalRefund', { body }, options),
    },
    disputes: {
      list: (query?: Query<'listDisputes'>, options?: Options) => ctx.list('listDisputes', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getDispute', { path: { id } }, options),
    },
    balances: {
      /** Ledger balances of the account. */
      get: (query?: Query<'getBalances'>, options?: Options) => ctx.call('getBalances', { query }, options),
    },
    transactions: {
      list: (query?: Query<'listTransactions'>, options?: Options) => ctx.list('listTransactions', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getTransaction', { path: { id } }, options),
      search: (body?: Body<'searchTransactions'>, options?: Options) => ctx.search('searchTransactions', { body }, options),
      /** Export transactions matching the filters. */
      download: (body?: Body<'downloadTransactions'>, options?: Options) => ctx.call('downloadTransactions', { body }, options),
    },
    payouts: {
      list: (query?: Query<'listPayouts'>, options?: Options) => ctx.list('listPayouts', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getPayout', { path: { id } }, options),
      /** Payouts of the business named by `x-business-id`. */
      listForBusiness: (query?: Query<'listBusinessPayouts'>, options?: Options) => ctx.list('listBusinessPayouts', { query }, options),
    },
    accounts: {
      /** The partner processing plan (pricing) of an account. */
      processingPlan: (id: string, options?: Options) => ctx.call('getPartnerProcessingPlan', { path: { id } }, options),
    },
  };
}

export type PaymentsResources = ReturnType<typeof paymentsResources>;
