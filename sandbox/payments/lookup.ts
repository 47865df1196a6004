/**
 * Finding and showing objects the way the API scopes them. Seed: every account-level operation
 * takes `x-account-id`; an object of another account (or another API key) is not found (404),
 * never shown. Rendering fills what lives outside the stored object (`latest_payment`,
 * `business_id`) and hands out a copy, so a caller never holds the sandbox's own object.
 */
import type { RuleContext } from './context.js';
import { notFound, refuse } from './errors.js';
import type { Collection } from './state.js';
import type { CheckoutSession, Dispute, Payment, PaymentIntent, Payout } from './model.js';

/**
 * Whether the request may see an object of `account`: the named account only; with only
 * `x-business-id`, that business's accounts; with neither (operations whose spec has no
 * `x-account-id`), every account of the API key.
 */
export function visible(rc: RuleContext, account: string | null | undefined): boolean {
  if (rc.scope.account !== undefined) return account === rc.scope.account;
  if (rc.scope.business !== undefined) return account != null && rc.state.businessOf.get(account) === rc.scope.business;
  return true;
}

/** The object with this id if the request may see it, else a 404 naming what was looked for. */
export function find<T extends { id: string; account_id?: string | null }>(rc: RuleContext, items: Collection<T>, what: string, id: string, accountOf: (item: T) => string | null | undefined = (item) => item.account_id): T {
  const item = items.get(id);
  if (!item || !visible(rc, accountOf(item))) refuse(notFound(what, id));
  return item;
}

export const businessOf = (rc: RuleContext, account: string | null | undefined) => (account ? (rc.state.businessOf.get(account) ?? null) : null);

export function renderPayment(rc: RuleContext, payment: Payment): Payment {
  return structuredClone(payment);
}

export function renderIntent(rc: RuleContext, intent: PaymentIntent): PaymentIntent {
  const latest = rc.state.latestPayment.get(intent.id);
  const payment = latest ? rc.state.payments.get(latest) : undefined;
  return { ...structuredClone(intent), business_id: businessOf(rc, intent.account_id), latest_payment: payment ? renderPayment(rc, payment) : null };
}

export function renderSession(rc: RuleContext, session: CheckoutSession): CheckoutSession {
  return { ...structuredClone(session), business_id: businessOf(rc, session.account_id) };
}

export function renderDispute(rc: RuleContext, dispute: Dispute): Dispute {
  return { ...structuredClone(dispute), business_id: businessOf(rc, dispute.account_id) };
}

export function renderPayout(rc: RuleContext, payout: Payout): Payout {
  return { ...structuredClone(payout), business_id: businessOf(rc, payout.owner_id) };
}

/** `JSON.stringify` drops undefined, but the response validator sees the object: leave optional fields out. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
