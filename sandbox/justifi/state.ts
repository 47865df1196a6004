/**
 * Everything one JustiFi sandbox holds in memory. Objects are filed under the account they belong
 * to: the platform account of a client id, or one of its sub accounts. Ids are global, so a get by
 * id (which takes no `Sub-Account` header) finds an object anywhere in the caller's platform, and
 * nowhere else: another client id's objects are a 404.
 */
import { createHash } from 'node:crypto';
import { createCollection } from '../core/state.js';
import type { ApiOptions, SandboxClock } from '../core/types.js';
import type { BalanceTransaction, Dispute, OnboardingEntry, Payment, PaymentIntent, PaymentMethod, Payout, Refund, SubAccount } from './types.js';

/** What a tokenized card or bank account does when it is charged (the full number is never kept). */
export type ChargeOutcome = { kind: 'succeeds' } | { kind: 'declines'; code: 'card_declined' | 'expired_card' | 'invalid_cvc' | 'gateway_error' | 'not_authorized' | 'payment_method_not_found'; declineCode?: string; message: string };

export interface PaymentMethodRecord {
  id: string;
  created_at: string;
  method: PaymentMethod;
  kind: 'card' | 'bank_account';
  outcome: ChargeOutcome;
}

export interface PlatformAccount {
  id: string;
  clientId: string;
}

export interface JustifiState {
  clock: SandboxClock;
  options: ApiOptions;
  tokens: Map<string, { platformId: string; expiresAt: number }>;
  platforms: Map<string, PlatformAccount>;
  /** Every account id (platform or sub account) → the platform it belongs to. */
  platformOf: Map<string, string>;
  subAccounts: ReturnType<typeof createCollection<SubAccount>>;
  /** When a submitted test sub account's automatic review completes (sandbox clock). */
  reviews: Map<string, number>;
  onboarding: ReturnType<typeof createCollection<OnboardingEntry>>;
  payments: ReturnType<typeof createCollection<Payment>>;
  refunds: ReturnType<typeof createCollection<Refund>>;
  disputes: ReturnType<typeof createCollection<Dispute>>;
  intents: ReturnType<typeof createCollection<PaymentIntent>>;
  /** The payment method token attached to a payment intent. */
  intentMethods: Map<string, string>;
  methods: ReturnType<typeof createCollection<PaymentMethodRecord>>;
  balanceTransactions: ReturnType<typeof createCollection<BalanceTransaction>>;
  /** Running balance of each payment's balance transactions. */
  paymentBalances: Map<string, number>;
  /** Balance transaction ids not yet in a payout, per account. */
  unpaid: Map<string, string[]>;
  payouts: ReturnType<typeof createCollection<Payout>>;
  proceeds: ReturnType<typeof createCollection<Payout>>;
  /** Fees earned by a platform on its sub accounts' payments, not yet in a proceeds payout. */
  unpaidProceeds: Map<string, { amount: number; at: number }[]>;
  checkoutSessions: Map<string, { id: string; platformId: string; paymentIntentId: string; expiresAt: number; completed: boolean }>;
  /** The balance transactions each payout sums. */
  payoutTransactions: Map<string, string[]>;
  /** ACH payments waiting to settle: payment id → when (sandbox clock). */
  settlements: Map<string, number>;
  /** Earliest time anything above becomes due; `beforeRequest` does nothing until then. */
  nextDue: number;
}

export function createJustifiState(options: ApiOptions): JustifiState {
  return {
    clock: options.clock,
    options,
    tokens: new Map(),
    platforms: new Map(),
    platformOf: new Map(),
    subAccounts: createCollection(),
    reviews: new Map(),
    onboarding: createCollection(),
    payments: createCollection(),
    refunds: createCollection(),
    disputes: createCollection(),
    intents: createCollection(),
    intentMethods: new Map(),
    methods: createCollection(),
    balanceTransactions: createCollection(),
    paymentBalances: new Map(),
    unpaid: new Map(),
    payouts: createCollection(),
    proceeds: createCollection(),
    unpaidProceeds: new Map(),
    checkoutSessions: new Map(),
    payoutTransactions: new Map(),
    settlements: new Map(),
    nextDue: Number.POSITIVE_INFINITY,
  };
}

/** The platform account id of a client id: stable, so a restarted sandbox gives the same id to the same credentials. */
export function platformIdFor(clientId: string): string {
  const digest = createHash('sha256').update(clientId).digest();
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  return `acc_${[...digest.subarray(0, 22)].map((b) => alphabet[b % 62]).join('')}`;
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** Makes `beforeRequest` look again at `at` (sandbox clock). */
export function schedule(state: JustifiState, at: number): void {
  if (at < state.nextDue) state.nextDue = at;
}

/** True when `id` belongs to the platform `platformId` (its own account or one of its sub accounts). */
export const inPlatform = (state: JustifiState, platformId: string) => (accountId: string) => state.platformOf.get(accountId) === platformId;
