/**
 * What the sandbox clock makes happen by itself: open checkout sessions expire (checkout-sessions.ts),
 * transactions settle, payouts are swept and arrive (ledger.ts). It runs ahead of each rule for the
 * partner asking, and only when something is due: each partner keeps the earliest moment anything
 * of its can change, so a request in between costs one comparison, not a scan of its objects.
 */
import type { RuleContext } from './context.js';
import { expireDueSessions } from './checkout-sessions.js';
import { advanceLedger, payoutArrivalMs, payoutDelayMs, settlementDelayMs } from './ledger.js';
import { partnerScope } from './lookup.js';

/** Notes that something of the partner changes at `at` (ms): a new transaction, a new session. */
export function noteDue(rc: RuleContext, at: number): void {
  if (at < rc.partner.nextDueAt) rc.partner.nextDueAt = at;
}

/** Applies whatever became due for the request's partner by the sandbox clock. */
export function runDue(rc: RuleContext): void {
  if (rc.now < rc.partner.nextDueAt) return;
  expireDueSessions(rc);
  advanceLedger(rc);
  rc.partner.nextDueAt = nextDueAt(rc);
}

function nextDueAt(rc: RuleContext): number {
  const mine = partnerScope(rc);
  let next = Infinity;
  for (const s of rc.state.sessions.list(mine, (s) => s.status === 'open' && s.expires_at != null)) next = Math.min(next, Date.parse(s.expires_at!));
  for (const t of rc.state.transactions.list(mine, (t) => t.payout_id === null)) {
    const settles = Date.parse(t.created_at) + settlementDelayMs;
    next = Math.min(next, t.settlement_status === 'unsettled' ? settles : settles + payoutDelayMs);
  }
  for (const p of rc.state.payouts.list(mine, (p) => p.status === 'in_transit')) next = Math.min(next, Date.parse(p.created_at) + payoutArrivalMs);
  return next;
}
