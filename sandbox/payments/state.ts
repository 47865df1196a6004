/**
 * In-memory state of one Payments sandbox. Objects live in the core's scoped collections
 * (sandbox/core/state.ts), filed under `<partner>/<account>` (scope.ts: the API key's partner, then
 * `x-account-id`); the per-partner extras the API objects do not carry live in `PartnerState`.
 */
import { createCollection, type Collection } from '../core/index.js';
import { fixturePaymentMethods } from './fixtures.js';
import type { CheckoutSession, Dispute, Payment, PaymentIntent, PaymentMethod, Payout, Refund, Transaction } from './model.js';

/** What one API key has beyond its objects. */
export interface PartnerState {
  /** The partner id (a digest of the API key), also shown as `partner_id`. */
  id: string;
  /**
   * Payment methods by id: the fixtures (fixtures.ts, the same ids for every key, so not in a
   * shared collection) and those recorded by external payments. No operation lists them.
   */
  paymentMethods: Map<string, PaymentMethod>;
  /** The business each account belongs to, learned from requests that name both (accounts.ts). */
  businessOf: Map<string, string>;
  /** Payouts made so far, for `payout_number`. */
  payoutCount: number;
  /** The earliest sandbox time (ms) at which something of this partner changes by itself (clockwork.ts). */
  nextDueAt: number;
}

export interface PaymentsState {
  intents: Collection<PaymentIntent>;
  payments: Collection<Payment>;
  refunds: Collection<Refund>;
  sessions: Collection<CheckoutSession>;
  disputes: Collection<Dispute>;
  transactions: Collection<Transaction>;
  payouts: Collection<Payout>;
  /** An intent's most recent payment (rendered as `latest_payment`), by intent id. */
  latestPayment: Map<string, string>;
  /** The partner's extras, created on first use with fresh copies of the fixture methods. */
  partner(id: string, nowIso: string): PartnerState;
}

export function createPaymentsState(): PaymentsState {
  const partners = new Map<string, PartnerState>();
  return {
    intents: createCollection(),
    payments: createCollection(),
    refunds: createCollection(),
    sessions: createCollection(),
    disputes: createCollection(),
    transactions: createCollection(),
    payouts: createCollection(),
    latestPayment: new Map(),
    partner(id, nowIso) {
      let partner = partners.get(id);
      if (!partner) {
        partner = { id, paymentMethods: new Map(fixturePaymentMethods(nowIso).map((m) => [m.id, m])), businessOf: new Map(), payoutCount: 0, nextDueAt: Infinity };
        partners.set(id, partner);
      }
      return partner;
    },
  };
}
