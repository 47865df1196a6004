/**
 * One namespace per JustiFi resource section, each method named for what it does and typed from
 * the generated operation it calls. Every method takes request options as its last argument.
 */
import type { Body, JustifiContext, JustifiRequestOptions as Options, Query } from './context.js';

export function justifiResources(ctx: JustifiContext) {
  return {
    subAccounts: {
      /** Create a sub account for one of your platform's customers. */
      create: (body: Body<'createSubAccount'>, options?: Options) => ctx.call('createSubAccount', { body }, options),
      /** List sub accounts, optionally by status; iterate to walk every page. */
      list: (query?: Query<'listSubAccounts'>, options?: Options) => ctx.list('listSubAccounts', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getSubAccount', { path: { id } }, options),
    },
    /** @deprecated Seller accounts are superseded by sub accounts. */
    sellerAccounts: {
      /** @deprecated Use `subAccounts.create`. */
      create: (body: Body<'createSellerAccount'>, options?: Options) => ctx.call('createSellerAccount', { body }, options),
      /** @deprecated Use `subAccounts.list`. */
      list: (query?: Query<'listSellerAccounts'>, options?: Options) => ctx.list('listSellerAccounts', { query }, options),
      /** @deprecated Use `subAccounts.get`. */
      get: (id: string, options?: Options) => ctx.call('getSellerAccount', { path: { id } }, options),
    },
    onboarding: {
      /** Submit onboarding information for a sub account. */
      create: (subAccountId: string, body: Body<'createOnboardingEntry'>, options?: Options) =>
        ctx.call('createOnboardingEntry', { path: { id: subAccountId }, body }, options),
    },
    proceeds: {
      list: (query?: Query<'listProceeds'>, options?: Options) => ctx.list('listProceeds', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getProceeds', { path: { id } }, options),
    },
    checkoutSessions: {
      /** Create a hosted checkout session; send the customer to `hostedCheckoutUrl(id)`. */
      create: (body: Body<'createCheckoutSession'>, options?: Options) => ctx.call('createCheckoutSession', { body }, options),
    },
    payments: {
      /** Charge a payment method. Safe to retry: every attempt carries the same Idempotency-Key. */
      create: (body: Body<'createPayment'>, options?: Options) => ctx.call('createPayment', { body }, options),
      list: (query?: Query<'listPayments'>, options?: Options) => ctx.list('listPayments', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getPayment', { path: { id } }, options),
      update: (id: string, body: Body<'updatePayment'>, options?: Options) => ctx.call('updatePayment', { path: { id }, body }, options),
      /** Capture an authorised payment (capture_strategy `manual`). */
      capture: (id: string, body?: Body<'capturePayment'>, options?: Options) => ctx.call('capturePayment', { path: { id }, body }, options),
      /** Refund all or part of a payment. */
      refund: (id: string, body: Body<'refundPayment'>, options?: Options) => ctx.call('refundPayment', { path: { id }, body }, options),
      /** The balance transactions (fees, refunds, disputes) of a payment. */
      balanceTransactions: (id: string, query?: Query<'listPaymentBalanceTransactions'>, options?: Options) =>
        ctx.list('listPaymentBalanceTransactions', { path: { id }, query }, options),
    },
    paymentIntents: {
      create: (body: Body<'createPaymentIntent'>, options?: Options) => ctx.call('createPaymentIntent', { body }, options),
      list: (query?: Query<'listPaymentIntents'>, options?: Options) => ctx.list('listPaymentIntents', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getPaymentIntent', { path: { id } }, options),
      update: (id: string, body: Body<'updatePaymentIntent'>, options?: Options) => ctx.call('updatePaymentIntent', { path: { id }, body }, options),
      /** Capture a payment intent with a payment method. */
      capture: (id: string, body: Body<'capturePaymentIntent'>, options?: Options) => ctx.call('capturePaymentIntent', { path: { id }, body }, options),
      /** The payments made against a payment intent. */
      listPayments: (id: string, query?: Query<'listPaymentIntentPayments'>, options?: Options) =>
        ctx.list('listPaymentIntentPayments', { path: { id }, query }, options),
    },
    paymentMethods: {
      /** Tokenize a card or bank account. */
      create: (body: Body<'createPaymentMethod'>, options?: Options) => ctx.call('createPaymentMethod', { body }, options),
      list: (query?: Query<'listPaymentMethods'>, options?: Options) => ctx.list('listPaymentMethods', { query }, options),
      get: (token: string, options?: Options) => ctx.call('getPaymentMethod', { path: { token } }, options),
      update: (token: string, body: Body<'updatePaymentMethod'>, options?: Options) => ctx.call('updatePaymentMethod', { path: { token }, body }, options),
      /** Copy a platform payment method onto a sub account. */
      clone: (token: string, body?: Body<'clonePaymentMethod'>, options?: Options) => ctx.call('clonePaymentMethod', { path: { token }, body }, options),
    },
    refunds: {
      list: (query?: Query<'listRefunds'>, options?: Options) => ctx.list('listRefunds', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getRefund', { path: { id } }, options),
      update: (id: string, body: Body<'updateRefund'>, options?: Options) => ctx.call('updateRefund', { path: { id }, body }, options),
    },
    disputes: {
      list: (query?: Query<'listDisputes'>, options?: Options) => ctx.list('listDisputes', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getDispute', { path: { id } }, options),
      update: (id: string, body: Body<'updateDispute'>, options?: Options) => ctx.call('updateDispute', { path: { id }, body }, options),
    },
    payouts: {
      list: (query?: Query<'listPayouts'>, options?: Options) => ctx.list('listPayouts', { query }, options),
      get: (id: string, options?: Options) => ctx.call('getPayout', { path: { id } }, options),
      update: (id: string, body: Body<'updatePayout'>, options?: Options) => ctx.call('updatePayout', { path: { id }, body }, options),
      /** The payout's transactions as CSV text. */
      csvReport: (id: string, options?: Options) => ctx.call('getPayoutCsvReport', { path: { id } }, options),
    },
  };
}

export type JustifiResources = ReturnType<typeof justifiResources>;
