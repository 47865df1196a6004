/**
 * What the Payments API v1.3.0 stateful suite knows of one API key: its accounts, the payment
 * intents made in the sequence with their payments and refunds, the ledger lines those moved, and
 * every write sent with an idempotency key (for the replay commands). Commands read it to predict
 * an answer and update it from the prediction (ids from the answer).
 *
 * Locally each sequence has a fresh API key, so the model is the whole state of the key. Against an
 * external target it knows only what the sequence did; lists may hold anything else (`exact`).
 */
import type { components } from '../../../generated/payments-v1.3.js';
import type { StatefulEnv } from '../core/types.js';

type Schemas = components['schemas'];
export type PaymentIntent = Schemas['PaymentIntent'];
export type Payment = Schemas['Payment'];
export type Refund = Schemas['Refund'];
export type IntentStatus = 'created' | 'uncaptured' | 'captured' | 'cancelled' | 'failed';
export type MethodType = 'card' | 'bank';

export interface ModelPayment {
  id: string;
  method: FixtureMethod;
  status: 'captured' | 'uncaptured' | 'failed' | 'voided';
  amount: number;
  authorized: number;
  captured: number;
  refunded: number;
  /** The payment as createPayment returned it. */
  data: Payment;
}

export interface ModelRefund {
  id: string;
  amount: number;
  paymentId: string;
  /** Recorded from another gateway (externalRefunds.create). */
  external: boolean;
  /** The refund as createRefund (or externalRefunds.create) returned it. */
  data: Refund;
}

export interface ModelIntent {
  /** Creation number in the sequence: `intent#n` in descriptions. */
  n: number;
  id: string;
  account: string;
  /** Recorded from another gateway (externalPayments.create): only the external operations act on it, and it moves no platform funds. */
  external: boolean;
  amount: number;
  merchantAmount: number | null;
  capture: boolean;
  methodTypes: MethodType[];
  description: string | null;
  status: IntentStatus;
  cancellationReason: string | null;
  authorized: number;
  captured: number;
  refunded: number;
  voided: number;
  disputed: number;
  /** Oldest first; the last one is `latest_payment`. */
  payments: ModelPayment[];
  refunds: ModelRefund[];
  /** The intent as createPaymentIntent returned it. */
  data: PaymentIntent;
}

/** A checkout session (checkout.ts): it pays its own intent, `intent` (that intent's `n`). */
export interface ModelSession {
  /** Creation number in the sequence: `session#n` in descriptions. */
  n: number;
  id: string;
  account: string;
  intent: number;
  status: 'open' | 'completed' | 'expired';
  subtotal: number;
  discount: number;
  customerEmail: string;
  methodTypes: MethodType[];
  /** The session as createCheckoutSession returned it. */
  data: Schemas['CheckoutSession'];
}

/** A dispute the sandbox derived from a captured `pm_card_disputed` payment (disputes.ts, inferred). */
export interface ModelDispute {
  id: string;
  account: string;
  /** The disputed intent's `n`. */
  intent: number;
  paymentId: string;
  amount: number;
}

/** One ledger entry the model expects (inferred ledger, sandbox/payments/README.md "Ledger"). */
export interface LedgerLine {
  account: string;
  type: 'payment' | 'fee' | 'refund' | 'dispute';
  source: string;
  amount: number;
}

export type WriteKind =
  | 'createIntent' | 'updateIntent' | 'pay' | 'capture' | 'cancel' | 'refund'
  | 'externalCreate' | 'externalCapture' | 'externalCancel' | 'externalRefund'
  | 'sessionCreate' | 'sessionPay' | 'sessionComplete' | 'sessionExpire';

/** A write sent with an `x-idempotency-key`, as the replay commands resend it. */
export interface KeyedWrite {
  kind: WriteKind;
  key: string;
  account: string;
  /** The intent it acted on (its `n`), for the writes on an intent. */
  intent?: number | undefined;
  /** The checkout session it acted on (its `n`), for the writes on a session (its id is then the path's). */
  session?: number | undefined;
  /** The request body (createIntent, updateIntent, pay: the body; capture/cancel/refund: the body or undefined). */
  body: Record<string, unknown> | undefined;
  /** The first successful answer under this key: what a replay must return. Undefined while every attempt was refused. */
  first?: { status: number; data: unknown } | undefined;
}

export interface PaymentsModel {
  /** True when the model is the whole state of the key (locally): lists must equal it. */
  exact: boolean;
  /** Accounts the sequence may use (`x-account-id`): two locally, the configured one externally. */
  accounts: string[];
  intents: ModelIntent[];
  sessions: ModelSession[];
  disputes: ModelDispute[];
  /** Billing details of the payment methods the sequence updated, by method id (what reads and later payments show). */
  billing: Map<string, unknown>;
  ledger: LedgerLine[];
  writes: KeyedWrite[];
  /** Intents of an external target seen in a list, by id (their state is not the model's). */
  seen: Map<string, PaymentIntent>;
}

/** The two accounts of a fresh local API key (any `x-account-id` names an account in the sandbox, inferred). */
export const localAccounts = ['acc_stateful_a', 'acc_stateful_b'];

export function initialModel(env: StatefulEnv): PaymentsModel {
  const accounts = env.external ? [process.env.PAYMENTS_ACCOUNT_ID || 'PAYMENTS_ACCOUNT_ID-unset'] : [...localAccounts];
  return { exact: !env.external, accounts, intents: [], sessions: [], disputes: [], billing: new Map(), ledger: [], writes: [], seen: new Map() };
}

/**
 * The sandbox's stored payment methods (sandbox/payments/fixtures.ts, inferred: the seed documents
 * no test cards for this API) and the fee schedule of its fixture processing plan
 * (getPartnerProcessingPlan: card 2.9% + 30¢, amex 3.5% + 30¢, bank 0.8% capped at 500).
 */
export interface FixtureMethod {
  id: string;
  type: MethodType;
  outcome: 'approve' | 'decline' | 'dispute';
  fee: { percentage: number; fixed: number; max?: number };
}

const cardFee = { percentage: 2.9, fixed: 30 };
export const fixtureMethods: FixtureMethod[] = [
  { id: 'pm_card_visa', type: 'card', outcome: 'approve', fee: cardFee },
  { id: 'pm_card_mastercard', type: 'card', outcome: 'approve', fee: cardFee },
  { id: 'pm_card_amex', type: 'card', outcome: 'approve', fee: { percentage: 3.5, fixed: 30 } },
  { id: 'pm_card_declined', type: 'card', outcome: 'decline', fee: cardFee },
  { id: 'pm_card_disputed', type: 'card', outcome: 'dispute', fee: cardFee },
  { id: 'pm_bank_checking', type: 'bank', outcome: 'approve', fee: { percentage: 0.8, fixed: 0, max: 500 } },
];

export const fixtureReason = 'pays with the sandbox\'s fixture payment methods (pm_card_visa, …) and its inferred intent states and error codes; a vendor key has its own methods';

/** The processing fee of capturing `amount` with `method`, by the fixture plan (whole cents, rounded). */
export function feeFor(method: FixtureMethod, amount: number): number {
  if (amount <= 0) return 0;
  const fee = Math.round((amount * method.fee.percentage) / 100) + method.fee.fixed;
  return method.fee.max === undefined ? fee : Math.min(fee, method.fee.max);
}

/** The ledger lines of capturing `amount` of `payment`: the payment and its fee. */
export function recordCapture(m: PaymentsModel, intent: ModelIntent, payment: ModelPayment, amount: number): void {
  m.ledger.push({ account: intent.account, type: 'payment', source: payment.id, amount });
  const fee = feeFor(payment.method, amount);
  if (fee > 0) m.ledger.push({ account: intent.account, type: 'fee', source: payment.id, amount: -fee });
}

/** Against an external target a list walk stops after this many items (its account may hold thousands). */
export const externalListMax = 50;

/** Intents of one account. */
export const intentsOf = (m: PaymentsModel, account: string) => m.intents.filter((i) => i.account === account);

/** What the model knows of an intent, for failure messages. */
export const stateOf = (i: ModelIntent) => `intent#${i.n} is ${i.status} (amount ${i.amount}, authorized ${i.authorized}, captured ${i.captured}, refunded ${i.refunded})`;

/** The call options of an account: the client's default account is left implicit. */
export const scopeOf = (m: PaymentsModel, account: string) => (account === m.accounts[0] ? {} : { accountId: account });

/** The status an intent may move to from each status (sandbox/payments/payment-intents.ts, the seed's statuses). */
const moves: Record<IntentStatus, IntentStatus[]> = {
  created: ['uncaptured', 'captured', 'failed', 'cancelled'],
  failed: ['uncaptured', 'captured', 'failed', 'cancelled'],
  uncaptured: ['captured', 'cancelled'],
  captured: [],
  cancelled: [],
};

/** Whether `to` is `from` or a documented move from it. */
export const movesTo = (from: IntentStatus, to: unknown) => from === to || moves[from].includes(to as IntentStatus);

/** Sum of a list of numbers. */
export const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
