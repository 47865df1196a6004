/**
 * In-memory state of one Payments sandbox: one `PartnerState` per API key (see scope.ts), each with
 * its collections in creation order. Nothing here knows HTTP; the rule files read and change it.
 */
import { randomBytes } from 'node:crypto';
import type { CheckoutSession, Dispute, Payment, PaymentIntent, PaymentMethod, Payout, Refund, Transaction } from './model.js';
import { fixturePaymentMethods } from './fixtures.js';

/** Objects of one kind, by id and in creation order; `list` is newest first, as the API lists. */
export class Collection<T extends { id: string }> {
  readonly #byId = new Map<string, T>();
  readonly #order: T[] = [];

  insert(item: T): T {
    this.#byId.set(item.id, item);
    this.#order.push(item);
    return item;
  }

  get(id: string): T | undefined {
    return this.#byId.get(id);
  }

  /** Newest first, optionally only the items a predicate keeps. */
  list(keep?: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (let i = this.#order.length - 1; i >= 0; i--) {
      const item = this.#order[i]!;
      if (!keep || keep(item)) out.push(item);
    }
    return out;
  }

  get size(): number {
    return this.#order.length;
  }
}

/** Everything one API key has created, plus the links the API objects do not carry themselves. */
export interface PartnerState {
  /** The partner id (a digest of the API key), also shown as `partner_id`. */
  id: string;
  intents: Collection<PaymentIntent>;
  payments: Collection<Payment>;
  refunds: Collection<Refund>;
  sessions: Collection<CheckoutSession>;
  paymentMethods: Collection<PaymentMethod>;
  disputes: Collection<Dispute>;
  transactions: Collection<Transaction>;
  payouts: Collection<Payout>;
  /** The intent's most recent payment (rendered as `latest_payment`). */
  latestPayment: Map<string, string>;
  /** The business each account belongs to, learned from requests that name both (accounts.ts). */
  businessOf: Map<string, string>;
  /** Payouts made so far, for `payout_number`. */
  payoutCount: number;
}

/** All partners of one sandbox process. */
export class PaymentsState {
  readonly #partners = new Map<string, PartnerState>();

  /** The partner's state, created on first use with the fixture payment methods (fixtures.ts). */
  partner(id: string, nowIso: string): PartnerState {
    let partner = this.#partners.get(id);
    if (!partner) {
      partner = {
        id,
        intents: new Collection(),
        payments: new Collection(),
        refunds: new Collection(),
        sessions: new Collection(),
        paymentMethods: new Collection(),
        disputes: new Collection(),
        transactions: new Collection(),
        payouts: new Collection(),
        latestPayment: new Map(),
        businessOf: new Map(),
        payoutCount: 0,
      };
      for (const method of fixturePaymentMethods(nowIso)) partner.paymentMethods.insert(method);
      this.#partners.set(id, partner);
    }
    return partner;
  }
}

/** A new object id: the API's prefix and 24 random base-36 characters (the seed shows ids only as "string"). */
export function newId(prefix: string): string {
  const bytes = randomBytes(24);
  let out = prefix;
  for (const byte of bytes) out += (byte % 36).toString(36);
  return out;
}
