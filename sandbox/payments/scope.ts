/**
 * Who a request acts for. The API key names the partner (all state lives under it, so two keys
 * never see each other's objects); `x-account-id` names the account inside it.
 *
 * Inferred: the seed scopes by `x-account-id` but does not say what the key itself sees. The
 * sandbox partitions by key first so a shared sandbox keeps users apart, and answers the
 * operations whose spec has no `x-account-id` (balances, transactions, payouts, disputes, payment
 * methods) for every account of the key, narrowed to one account when the header is sent anyway.
 */
import { createHash } from 'node:crypto';

export interface PaymentsScope {
  /** A digest of the API key: the key itself is never stored or shown. */
  partner: string;
  /** `x-account-id`, when the request named one. */
  account: string | undefined;
  /** `x-business-id`, when the request named one. */
  business: string | undefined;
}

/** The partner id for an API key (a digest, so the key never lands in state, events or logs). */
export function partnerOf(apiKey: string): string {
  return `partner_${createHash('sha256').update(apiKey).digest('hex').slice(0, 20)}`;
}

/** The core carries the scope as a string (HandlerContext.scope); this is its encoding. */
export function encodeScope(scope: PaymentsScope): string {
  return JSON.stringify([scope.partner, scope.account ?? null, scope.business ?? null]);
}

export function decodeScope(scope: string): PaymentsScope {
  const [partner, account, business] = JSON.parse(scope) as [string, string | null, string | null];
  return { partner, account: account ?? undefined, business: business ?? undefined };
}
