/**
 * Finding and showing objects the way the API scopes them. Seed: every account-level operation
 * takes `x-account-id`; an object of another account (or another API key) is not found (404),
 * never shown. Rendering fills what lives outside the stored object (`latest_payment`,
 * `business_id`) and hands out a copy, so a caller never holds the sandbox's own object.
 */
import type { Collection, Entry } from '../core/index.js';
import type { RuleContext } from './context.js';
import { notFound, refuse } from './errors.js';
import type { CheckoutSession, Dispute, Payment, PaymentIntent, Payout } from './model.js';

/** The collection scope an account's objects are filed under. */
export const storageScope = (partner: string, account: string | null | undefined) => `${partner}/${account ?? ''}`;

const accountOf = (rc: RuleContext, scope: string): string | undefined => {
  const prefix = `${rc.partner.id}/`;
  return scope.startsWith(prefix) ? scope.slice(prefix.length) : undefined;
};

/**
 * Whether the request may see objects filed under `scope`: the named account only; with only
 * `x-business-id`, that business's accounts; with neither (operations whose spec has no
 * `x-account-id`), every account of the API key. Never another key's.
 */
export function visibleScope(rc: RuleContext): (scope: string) => boolean {
  return (scope) => {
    const account = accountOf(rc, scope);
    if (account === undefined) return false;
    if (rc.scope.account !== undefined) return account === rc.scope.account;
    if (rc.scope.business !== undefined) return rc.partner.businessOf.get(account) === rc.scope.business;
    return true;
  };
}

/** Every scope of the API key, whatever the request narrowed to (for the ledger's own bookkeeping). */
export const partnerScope = (rc: RuleContext) => (scope: string) => accountOf(rc, scope) !== undefined;

/** The object with this id if the request may see it, else a 404 naming what was looked for. */
export function find<T extends { id: string }>(rc: RuleContext, items: Collection<T>, what: string, id: string): T {
  const entry = items.find(id);
  if (!entry || !visibleScope(rc)(entry.scope)) refuse(notFound(what, id));
  return entry.value;
}

/** The object with this id, unchecked: for links between objects the sandbox itself made. */
export const byId = <T extends { id: string }>(items: Collection<T>, id: string | null | undefined): T | undefined => (id ? items.find(id)?.value : undefined);

/** The entries the request may see, newest first. */
export const visibleEntries = <T extends { id: string }>(rc: RuleContext, items: Collection<T>, keep?: (item: T) => boolean): Entry<T>[] => items.entries(visibleScope(rc), keep);

export const businessOf = (rc: RuleContext, account: string | null | undefined) => (account ? (rc.partner.businessOf.get(account) ?? null) : null);

export function renderPayment(payment: Payment): Payment {
  return structuredClone(payment);
}

export function renderIntent(rc: RuleContext, intent: PaymentIntent): PaymentIntent {
  const payment = byId(rc.state.payments, rc.state.latestPayment.get(intent.id));
  return { ...structuredClone(intent), business_id: businessOf(rc, intent.account_id), latest_payment: payment ? renderPayment(payment) : null };
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
