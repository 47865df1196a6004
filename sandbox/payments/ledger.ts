/**
 * The ledger behind balances, transactions and payouts. The seed documents these as read-only
 * ("Fetch ledger account balances", "Fetch a list of transactions", "Fetch a list of payouts"), so
 * the sandbox derives them from what was captured, refunded and disputed on the platform:
 *
 * - a capture records a `payment` transaction (+captured amount) and a `fee` transaction (−fee by
 *   the account's processing plan, fixtures.ts); a refund records `refund` (−amount); a dispute
 *   records `dispute` (−amount). External payments and refunds happened at another gateway and
 *   move no platform funds, so they record nothing here.
 * - every transaction settles one day after it was made (inferred); unsettled amounts are the
 *   balance's `pending`, settled ones not yet paid out its `available`.
 * - one day after a transaction settles, a payout sweeps every settled, unpaid transaction of its
 *   account (inferred); the payout is `in_transit` for one day, then `completed`.
 *
 * All of it runs on the sandbox clock: `advance` applies what became due since the last request.
 */
import type { RuleContext } from './context.js';
import { processingPlanFor } from './fixtures.js';
import type { Payment, Payout, Transaction, TransactionSourceType } from './model.js';
import { newId } from '../core/index.js';
import { noteDue } from './clockwork.js';
import { byId, partnerScope, renderPayout } from './lookup.js';

const day = 24 * 60 * 60 * 1000;
/** Inferred delays, in ms of sandbox time. */
export const settlementDelayMs = day;
export const payoutDelayMs = day;
export const payoutArrivalMs = day;

const iso = (ms: number) => new Date(ms).toISOString();
const settlesAt = (t: Transaction) => Date.parse(t.created_at) + settlementDelayMs;

/** Records one ledger entry for `account`. */
export function recordTransaction(rc: RuleContext, account: string, sourceType: TransactionSourceType, sourceId: string, amount: number, description: string): Transaction {
  const txn: Transaction = {
    id: newId('txn'),
    entity: 'transaction',
    created_at: rc.iso,
    updated_at: rc.iso,
    ledger_account_id: `la_${account}`,
    payout_id: null,
    bank_transfer_id: null,
    source_type: sourceType,
    source_id: sourceId,
    source_account_id: account,
    amount,
    settlement_id: null,
    settlement_status: 'unsettled',
    settled_at: null,
    description,
  };
  rc.state.transactions.insert(rc.home(account), txn);
  noteDue(rc, rc.now + settlementDelayMs);
  // No event: a transaction is the ledger's record of a capture, refund, dispute or payout, each of
  // which has its own event, and the spec declares no transaction webhook (nor does any vendor
  // publish per-ledger-line events) that a delivery could be checked against.
  return txn;
}

/** The processing fee of capturing `amount` with the payment's method, by the account's plan. */
export function feeFor(payment: Payment, amount: number): number {
  if (amount <= 0) return 0;
  const plan = processingPlanFor(payment.account_id);
  const method = payment.payment_method;
  if (method?.payment_method_type === 'bank') {
    const bank = plan.bank_processing_plan_settings as { fee: { percentage: number; fixed: number }; max_fee: number | null };
    const fee = Math.round((amount * bank.fee.percentage) / 100) + bank.fee.fixed;
    return bank.max_fee == null ? fee : Math.min(fee, bank.max_fee);
  }
  const fees = plan.fees as Record<string, { percentage: number; fixed: number }>;
  const schedule = method?.card?.brand === 'amex' ? fees.amex! : fees.card!;
  return Math.round((amount * schedule.percentage) / 100) + schedule.fixed;
}

/** A capture of `amount` on a platform payment: the payment and its fee. */
export function recordCapture(rc: RuleContext, payment: Payment, amount: number): void {
  recordTransaction(rc, payment.account_id, 'payment', payment.id, amount, `Payment ${payment.id}`);
  const fee = feeFor(payment, amount);
  if (fee > 0) recordTransaction(rc, payment.account_id, 'fee', payment.id, -fee, `Processing fee for ${payment.id}`);
}

/** Settles what is due, sweeps payouts, completes payouts in transit. */
export function advanceLedger(rc: RuleContext): void {
  const { state, now } = rc;
  const unsettled = state.transactions.list(partnerScope(rc), (t) => t.settlement_status === 'unsettled' && settlesAt(t) <= now);
  for (const txn of unsettled.reverse()) settle(rc, txn);
  sweepPayouts(rc);
  for (const payout of state.payouts.list(partnerScope(rc), (p) => p.status === 'in_transit' && Date.parse(p.created_at) + payoutArrivalMs <= now).reverse()) {
    const at = iso(Date.parse(payout.created_at) + payoutArrivalMs);
    Object.assign(payout, { status: 'completed', completed_at: at, settlement_status: 'settled', settled_at: at, updated_at: at });
    for (const attempt of [payout.latest_payment_data, ...(payout.payment_data ?? [])]) if (attempt) attempt.status = 'completed';
    rc.emit('payout.completed', payout.owner_id ?? '', renderPayout(rc, payout));
  }
}

/** A transaction settles, and with it the object it records (payment and intent, refund, dispute). */
function settle(rc: RuleContext, txn: Transaction): void {
  const at = iso(settlesAt(txn));
  Object.assign(txn, { settlement_status: 'settled', settled_at: at, settlement_id: `stl_${at.slice(0, 10).replaceAll('-', '')}`, updated_at: at });
  if (!txn.source_id) return;
  const { state } = rc;
  if (txn.source_type === 'payment') {
    const payment = byId(state.payments, txn.source_id);
    if (payment) Object.assign(payment, { settlement_status: 'settled', settled_at: at });
    const intent = payment && byId(state.intents, payment.payment_intent_id);
    if (intent) Object.assign(intent, { settlement_status: 'settled', settled_at: at });
  } else if (txn.source_type === 'refund') {
    const refund = byId(state.refunds, txn.source_id);
    if (refund) Object.assign(refund, { settlement_status: 'settled', settled_at: at });
  } else if (txn.source_type === 'dispute') {
    const dispute = byId(state.disputes, txn.source_id);
    if (dispute) Object.assign(dispute, { settlement_status: 'settled', settled_at: at });
  }
}

function sweepPayouts(rc: RuleContext): void {
  const byAccount = new Map<string, Transaction[]>();
  for (const txn of rc.state.transactions.list(partnerScope(rc), (t) => t.payout_id === null).reverse()) {
    const account = txn.source_account_id ?? '';
    byAccount.set(account, [...(byAccount.get(account) ?? []), txn]);
  }
  for (const [account, unpaid] of byAccount) {
    let rest = unpaid;
    for (;;) {
      const due = rest.filter((t) => settlesAt(t) + payoutDelayMs <= rc.now);
      if (due.length === 0) break;
      const sweptAt = Math.min(...due.map(settlesAt)) + payoutDelayMs;
      const batch = rest.filter((t) => settlesAt(t) <= sweptAt);
      rest = rest.filter((t) => settlesAt(t) > sweptAt);
      createPayout(rc, account, sweptAt, batch);
    }
  }
}

function createPayout(rc: RuleContext, account: string, at: number, batch: Transaction[]): Payout {
  const created = iso(at);
  const net = batch.reduce((sum, t) => sum + t.amount, 0);
  const fees = batch.filter((t) => t.source_type === 'fee').reduce((sum, t) => sum - t.amount, 0);
  const summary = new Map<TransactionSourceType, { count: number; amount: number }>();
  for (const t of batch) {
    const s = summary.get(t.source_type) ?? { count: 0, amount: 0 };
    summary.set(t.source_type, { count: s.count + 1, amount: s.amount + t.amount });
  }
  const transfer = { id: newId('bt'), status: 'in_transit', amount: net, method: 'ach', trace_number: null, return_code: null, return_reason: null, bank_account_last4: '6789', created_at: created };
  rc.partner.payoutCount += 1;
  const payout: Payout = {
    id: newId('po'),
    entity: 'payout',
    status: 'in_transit',
    payout_number: rc.partner.payoutCount,
    transaction_count: batch.length,
    transaction_summary: [...summary].map(([source_type, s]) => ({ source_type, ...s })),
    amount: net + fees,
    net_amount: net,
    fee_amount: fees,
    batch_fee: 0,
    reject_fee: 0,
    latest_payment_data: transfer,
    payment_data: [structuredClone(transfer)],
    payment_attempt_count: 1,
    payment_reject_count: 0,
    owner_type: 'account',
    owner_id: account,
    business_id: null,
    settlement_status: 'unsettled',
    settled_at: null,
    created_at: created,
    updated_at: created,
    completed_at: null,
    returned_at: null,
  };
  rc.state.payouts.insert(rc.home(account), payout);
  for (const t of batch) Object.assign(t, { payout_id: payout.id, bank_transfer_id: transfer.id, updated_at: created });
  rc.emit('payout.created', account, renderPayout(rc, payout));
  return payout;
}

/** `pending` (unsettled) and `available` (settled, not yet paid out) over the visible transactions. */
export function balanceOf(transactions: Transaction[]): { pending: number; available: number } {
  let pending = 0;
  let available = 0;
  for (const t of transactions) {
    if (t.settlement_status === 'unsettled') pending += t.amount;
    else if (t.payout_id === null) available += t.amount;
  }
  return { pending, available };
}
