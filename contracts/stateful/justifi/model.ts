/**
 * What the JustiFi model knows of one sequence's platform: its accounts (the platform and the sub
 * accounts this sequence created), the payments, refunds, payment intents and payment methods it
 * made, the writes it may replay, and the sequence's own time (the local sandbox clock is frozen,
 * so it moves only when a command moves it).
 *
 * What the model predicts follows the seed (../shared/seeds/000_…): documented statuses, error
 * codes and amounts are checked everywhere; what only the sandbox decides (sandbox/justifi/README.md,
 * "Inferred", and the spec's `x-inferred` fields) is checked against the local sandbox only
 * (`local(m)`), and commands that exist only for the sandbox's clock, fixtures or inferences are
 * `localOnly`.
 */
import type { CallOptions, CreatedObject, StatefulEnv } from '../core/types.js';

export const minute = 60_000;
export const day = 24 * 60 * minute;
/** "Auth and capture charges must be captured within 7 days" (charge_expired_for_capture). */
export const authorizationLifetime = 7 * day;
/** Inferred by the sandbox: ACH payments settle three days after they are made. */
export const achSettlement = 3 * day;
/** Inferred by the sandbox: the automatic review of a submitted test sub account takes a minute. */
export const reviewTime = minute;
/** Inferred by the sandbox: idempotency keys are kept 24 hours (the seed names no window). */
export const keyWindow = day;

/** `'platform'` (the client's own account) or a sub account id: where an object is filed. */
export type AccountKey = string;
export const platform: AccountKey = 'platform';

export interface AccountModel {
  key: AccountKey;
  label: string;
  /** The account id (the platform's is learned from the first answer that names it). */
  id: string | undefined;
  /** Sub accounts: "created" → onboarding entry → "submitted" → (test accounts) "enabled". The platform is always enabled. */
  status: 'created' | 'submitted' | 'enabled';
  name?: string;
  submittedAt?: number;
  created?: CreatedObject;
}

/** What charging a tokenized payment method does (the seed's Testing tables). */
export type Charge = { succeeds: true } | { succeeds: false; code: string | undefined; declineCode: string | undefined; inferred: boolean };

export interface MethodModel {
  label: string;
  id: string;
  account: AccountKey;
  kind: 'card' | 'bank_account';
  last4: string;
  charge: Charge;
  /** What an update set (`card.metadata`, `card.month`, `card.year` or `bank_account.metadata`): checked once known. */
  metadata?: Record<string, unknown>;
  month?: string;
  year?: string;
  /** The answer that returned it (`paymentMethods.create`, `paymentMethods.clone`); none when tokenized inline or seeded. */
  created?: CreatedObject;
}

export type PaymentStatus = 'succeeded' | 'authorized' | 'pending' | 'failed' | 'refunded' | 'disputed';

export interface PaymentModel {
  label: string;
  id: string;
  account: AccountKey;
  amount: number;
  kind: 'card' | 'bank_account';
  status: PaymentStatus;
  refunded: number;
  /** Sequence time it was made (authorisation expiry, ACH settlement). */
  createdAt: number;
  intentId?: string | undefined;
  /** The description it was made with or updated to, and the metadata an update set: checked once known. */
  description?: string;
  metadata?: Record<string, unknown>;
  /** Seeded by the sandbox (fixtures.ts): read, never charged or refunded by commands. */
  fixture?: boolean;
  /** The `payments.create` answer that returned it (none for a failed payment found in a list, or an intent's). */
  created?: CreatedObject;
}

export interface RefundModel {
  label: string;
  id: string;
  paymentId: string;
  account: AccountKey;
  amount: number;
  /** The metadata an update set: checked once known. */
  metadata?: Record<string, unknown>;
  created?: CreatedObject;
}

export interface IntentModel {
  label: string;
  id: string;
  account: AccountKey;
  amount: number;
  status: 'requires_payment_method' | 'pending' | 'succeeded';
  /** The status is the sandbox's inference (`pending` once a method is attached; back to `requires_payment_method` after a decline). */
  statusInferred?: boolean;
  method: MethodModel | undefined;
  /** Ids of the payments its captures created, the failed attempts included. */
  payments: string[];
  created?: CreatedObject;
}

/** A dispute: only the sandbox's seeded ones exist ("A customer may dispute their payment with the card issuer/bank"). */
export interface DisputeModel {
  label: string;
  id: string;
  account: AccountKey;
  amount: number;
  status: string;
  reason: string;
  paymentId: string;
  /** The metadata an update set: checked once known. */
  metadata?: Record<string, unknown>;
}

/** A write that succeeded, as sent: a replay sends it again with the same key. */
export interface WriteModel {
  label: string;
  /** The SDK method it was sent with (`payments.create`). */
  method: string;
  args: unknown[];
  options: CallOptions & { idempotencyKey: string };
  status: number;
  data: unknown;
  /** The same call with other parameters (a body that is still valid), if it has a body to change. */
  other?: unknown[] | undefined;
  at: number;
}

/**
 * An object the API made whose id no answer gave: the failed payment (and inline-tokenized payment
 * method) of a declined charge ("If a payment fails, the status will reflect it"), the fixtures.
 * The next walk of its list adopts it.
 */
export interface UnseenModel {
  resource: 'payments' | 'paymentMethods' | 'disputes';
  account: AccountKey;
  what: string;
  matches(item: Record<string, unknown>): boolean;
  adopt(m: JustifiModel, item: Record<string, unknown>): void;
}

export interface JustifiModel {
  external: boolean;
  /** Time this sequence moved the clock by. */
  now: number;
  accounts: AccountModel[];
  payments: PaymentModel[];
  refunds: RefundModel[];
  intents: IntentModel[];
  methods: MethodModel[];
  disputes: DisputeModel[];
  writes: WriteModel[];
  /** Checkout sessions created for the intents (the API reads none back). */
  checkoutSessions: { id: string; intentId: string }[];
  unseen: UnseenModel[];
  /** External target: objects seen in lists of an account the model does not know. */
  seen: { resource: string; id: string; data: Record<string, unknown> }[];
  /** Labels handed out so far, per kind. */
  counters: Record<string, number>;
}

export function initialModel(env: StatefulEnv): JustifiModel {
  const m: JustifiModel = { external: env.external, now: 0, accounts: [{ key: platform, label: 'platform', id: undefined, status: 'enabled' }], payments: [], refunds: [], intents: [], methods: [], disputes: [], writes: [], checkoutSessions: [], unseen: [], seen: [], counters: {} };
  if (!env.external) seedFixtures(m);
  return m;
}

/**
 * The sandbox's seeded fixture (sandbox/justifi/fixtures.ts): every platform starts with two card
 * payments of the day before, disputed, $25.00 (`needs_response`, `fraudulent`) and $40.00
 * (`under_review`, `product_not_received`), each with its payment method and its dispute. Their ids
 * come from the first walk of each list.
 */
function seedFixtures(m: JustifiModel): void {
  for (const [amount, last4, status, reason] of [[2500, '4242', 'needs_response', 'fraudulent'], [4000, '4444', 'under_review', 'product_not_received']] as const) {
    m.unseen.push({
      resource: 'disputes', account: platform, what: `the seeded ${status} dispute of the $${amount / 100} payment`,
      matches: (item) => item.amount === amount && item.status === status,
      adopt: (model, item) => model.disputes.push({ label: label(model, 'dispute'), id: String(item.id), account: platform, amount, status, reason, paymentId: String(item.payment_id) }),
    });
    m.unseen.push({
      resource: 'payments', account: platform, what: `the seeded disputed $${amount / 100} payment`,
      matches: (item) => item.amount === amount && item.status === 'disputed',
      adopt: (model, item) => model.payments.push({ label: label(model, 'fixture'), id: String(item.id), account: platform, amount, kind: 'card', status: 'disputed', refunded: 0, createdAt: -day, fixture: true }),
    });
    m.unseen.push({
      resource: 'paymentMethods', account: platform, what: `the seeded card ${last4} of the disputed payment`,
      matches: (item) => last4Of(item) === last4 && (item.card as { name?: unknown } | undefined)?.name === 'Fixture Cardholder',
      adopt: (model, item) => model.methods.push({ label: label(model, 'fixture'), id: methodId(item), account: platform, kind: 'card', last4, charge: { succeeds: true } }),
    });
  }
}

/** Whether expectations on what only the local sandbox decides apply. */
export const local = (m: { external: boolean }) => !m.external;

/** The next label of a kind: `payment#1`, `payment#2`, … */
export function label(m: JustifiModel, kind: string): string {
  m.counters[kind] = (m.counters[kind] ?? 0) + 1;
  return `${kind}#${m.counters[kind]}`;
}

/** The item of `list` that `n` picks (fast-check draws `n`; shrinking moves it towards the first). */
export const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export const account = (m: JustifiModel, key: AccountKey): AccountModel => m.accounts.find((a) => a.key === key)!;

/** Call options for an operation that declares `Sub-Account`, acting for `key`. */
export const scoped = (key: AccountKey): CallOptions => (key === platform ? {} : { subAccount: key });

/** Whether the payment's funds were captured (a disputed payment was: the seeded fixtures). */
export const captured = (p: PaymentModel) => p.status === 'succeeded' || p.status === 'refunded' || p.status === 'disputed';

/** A captured payment's refundable amount; nothing before capture ("amount_refundable"). */
export const refundable = (p: PaymentModel) => (captured(p) ? p.amount - p.refunded : 0);

/** The token of a payment method as the API returns it (`card.id` / `bank_account.id`). */
export function methodId(item: Record<string, unknown>): string {
  const details = (item.card ?? item.bank_account) as { id?: unknown; token?: unknown } | undefined;
  return String(details?.token ?? details?.id ?? '');
}

export function last4Of(item: Record<string, unknown>): string | undefined {
  const details = (item.card ?? item.bank_account) as { acct_last_four?: unknown } | undefined;
  return typeof details?.acct_last_four === 'string' ? details.acct_last_four : undefined;
}

/** Learns the platform account id from an answer that names it. */
export function learnPlatform(m: JustifiModel, id: unknown): void {
  const p = account(m, platform);
  if (p.id === undefined && typeof id === 'string') p.id = id;
}

/** The account key of an account id (`platform` for the platform's id). */
export function keyOf(m: JustifiModel, id: string): AccountKey | undefined {
  return m.accounts.find((a) => a.id === id)?.key;
}
