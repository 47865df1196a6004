/**
 * What the API cannot create but reports, derived from what happened (nothing here is a fixture):
 * - balance transactions, one per movement of a payment's funds: the charge, its fee, each refund
 *   (and a dispute with its fee);
 * - payouts: "Each day, a payout containing that day's funds is automatically created … Payout
 *   amounts are calculated by summing the associated balance transactions for that specific day."
 *   A day's payout is created when the sandbox clock passes the end of that day (UTC) and is paid
 *   one day later (inferred);
 * - proceeds: "your platform's take-home portion of the fees from your sellers' financial
 *   transactions", batched daily the same way from the fees of the sub accounts' payments.
 * Fees are inferred: 3% + 30¢ (the ApplicationFeeRate sample: 300 basis points, 30 cents), or the
 * payment's `application_fee_amount` when given ("instead of relying on application fee rates").
 */
import { newId } from '../core/ids.js';
import type { EventBus } from '../core/types.js';
import { iso, schedule, type JustifiState } from './state.js';
import type { BalanceTransaction, Payment, Payout } from './types.js';

const dayMs = 24 * 60 * 60 * 1000;
const startOfDay = (ms: number) => Math.floor(ms / dayMs) * dayMs;

/** The fee of a payment, in cents. */
export const feeFor = (amount: number, applicationFee: number | undefined) => applicationFee ?? Math.round(amount * 0.03) + 30;

/** Sandbox bank account payouts go to (a documented fixture, see sandbox/README.md). */
const payoutBank = { id: 'ba_SandboxPayoutAccount0001', full_name: 'Sandbox Platform LLC', bank_name: 'Sandbox Test Bank', account_number_last4: '6789', routing_number: '110000000', country: 'US', currency: 'usd', nickname: 'Operating account', account_type: 'checking' };

function add(state: JustifiState, payment: Payment, type: string, amount: number, fee: number, sourceId: string, sourceType: string, sourceAmount: number, at: number): BalanceTransaction {
  const balance = (state.paymentBalances.get(payment.id) ?? 0) + amount;
  state.paymentBalances.set(payment.id, balance);
  const created_at = iso(at);
  const txn: BalanceTransaction = {
    id: newId('pbt'),
    amount,
    balance,
    currency: 'usd',
    financial_transaction_id: payment.financial_transaction_id ?? null,
    payment_id: payment.id,
    payment_balance_txn_type: type,
    source_id: sourceId,
    source_type: sourceType,
    source_account_id: payment.account_id!,
    source_amount: sourceAmount,
    fee,
    net: amount,
    available_on: iso(startOfDay(at) + dayMs),
    created_at,
    updated_at: created_at,
  };
  state.balanceTransactions.insert(payment.account_id!, txn);
  const unpaid = state.unpaid.get(payment.account_id!) ?? [];
  unpaid.push(txn.id);
  state.unpaid.set(payment.account_id!, unpaid);
  schedule(state, startOfDay(at) + dayMs);
  return txn;
}

/** A captured payment: the charge and its fee; the fee is the platform's proceeds when the payment is a sub account's. */
export function recordCharge(state: JustifiState, payment: Payment, at: number): void {
  add(state, payment, 'payment', payment.amount, 0, payment.id, 'payment', payment.amount, at);
  const fee = payment.fee_amount ?? 0;
  if (fee > 0) {
    add(state, payment, 'payment_fee', -fee, fee, payment.application_fee?.id ?? payment.id, 'fee', payment.amount, at);
    const platform = state.platformOf.get(payment.account_id!)!;
    if (platform !== payment.account_id) {
      const owed = state.unpaidProceeds.get(platform) ?? [];
      owed.push({ amount: fee, at });
      state.unpaidProceeds.set(platform, owed);
    }
  }
}

export function recordRefund(state: JustifiState, payment: Payment, refundId: string, amount: number, at: number): void {
  add(state, payment, 'refund', -amount, 0, refundId, 'refund', amount, at);
}

export function recordDispute(state: JustifiState, payment: Payment, disputeId: string, amount: number, fee: number, at: number): void {
  add(state, payment, 'dispute', -amount, 0, disputeId, 'dispute', amount, at);
  add(state, payment, 'dispute_fee', -fee, fee, disputeId, 'dispute', amount, at);
}

function payoutOf(account: string, day: number, txns: BalanceTransaction[], now: number): Payout {
  const sum = (type: string) => txns.filter((t) => t.payment_balance_txn_type === type).reduce((n, t) => n + t.amount, 0);
  const created = day + dayMs;
  const depositsAt = created + dayMs;
  return {
    id: newId('po'),
    account_id: account,
    amount: txns.reduce((n, t) => n + t.amount, 0),
    bank_account: payoutBank,
    currency: 'usd',
    delivery_method: 'standard',
    description: null,
    deposits_at: iso(depositsAt),
    fees_total: -sum('payment_fee') - sum('dispute_fee'),
    payments_count: txns.filter((t) => t.payment_balance_txn_type === 'payment').length,
    payments_total: sum('payment'),
    refunds_count: txns.filter((t) => t.payment_balance_txn_type === 'refund').length,
    refunds_total: sum('refund'),
    other_total: sum('dispute'),
    payout_type: 'ach cc',
    status: depositsAt <= now ? 'paid' : 'in_transit',
    metadata: {},
    created_at: iso(created),
    updated_at: iso(created),
  };
}

/** Creates the payouts (and proceeds payouts) of every day that has ended, and marks the deposited ones paid. */
export function runPayouts(state: JustifiState, now: number, events: EventBus): void {
  const today = startOfDay(now);
  for (const [account, ids] of state.unpaid) {
    const byDay = new Map<number, BalanceTransaction[]>();
    const keep: string[] = [];
    for (const id of ids) {
      const txn = state.balanceTransactions.find(id)!.value;
      const day = startOfDay(Date.parse(txn.created_at));
      if (day >= today) keep.push(id);
      else byDay.set(day, [...(byDay.get(day) ?? []), txn]);
    }
    // A day whose refunds and fees outweigh its payments has nothing to pay out: its transactions are carried into the next day's payout (inferred).
    let carried: BalanceTransaction[] = [];
    for (const [day, own] of [...byDay].sort((a, b) => a[0] - b[0])) {
      const txns = [...carried, ...own];
      if (txns.reduce((n, t) => n + t.amount, 0) <= 0) {
        carried = txns;
        continue;
      }
      carried = [];
      const payout = payoutOf(account, day, txns, now);
      state.payouts.insert(account, payout);
      state.payoutTransactions.set(payout.id, txns.map((t) => t.id));
      events.emit({ api: 'justifi-v1', name: 'payout.created', scope: account, data: payout });
      if (payout.status === 'paid') events.emit({ api: 'justifi-v1', name: 'payout.paid', scope: account, data: payout });
    }
    keep.unshift(...carried.map((t) => t.id));
    state.unpaid.set(account, keep);
    if (keep.length) schedule(state, today + dayMs);
  }
  for (const [platform, owed] of state.unpaidProceeds) {
    const due = owed.filter((o) => startOfDay(o.at) < today);
    if (!due.length) continue;
    state.unpaidProceeds.set(platform, owed.filter((o) => startOfDay(o.at) >= today));
    const day = startOfDay(due[due.length - 1]!.at);
    const created = day + dayMs;
    const amount = due.reduce((n, o) => n + o.amount, 0);
    const proceeds: Payout = { id: newId('po'), account_id: platform, amount, bank_account: payoutBank, currency: 'usd', delivery_method: 'standard', description: 'Platform proceeds', deposits_at: iso(created + dayMs), fees_total: 0, payments_count: due.length, payments_total: 0, refunds_count: 0, refunds_total: 0, other_total: amount, payout_type: 'proceeds', status: created + dayMs <= now ? 'paid' : 'in_transit', metadata: {}, created_at: iso(created), updated_at: iso(created) };
    state.proceeds.insert(platform, proceeds);
    events.emit({ api: 'justifi-v1', name: 'proceeds.payout.created', scope: platform, data: proceeds });
  }
  for (const entry of state.payouts.entries(undefined, (p) => p.status === 'in_transit')) {
    const deposits = Date.parse(entry.value.deposits_at!);
    if (deposits <= now) {
      state.payouts.update(entry.value.id, (p) => void Object.assign(p, { status: 'paid', updated_at: iso(deposits) }));
      events.emit({ api: 'justifi-v1', name: 'payout.paid', scope: entry.scope, data: entry.value });
    } else schedule(state, deposits);
  }
  for (const entry of state.proceeds.entries(undefined, (p) => p.status === 'in_transit')) {
    const deposits = Date.parse(entry.value.deposits_at!);
    if (deposits <= now) state.proceeds.update(entry.value.id, (p) => void Object.assign(p, { status: 'paid', updated_at: iso(deposits) }));
    else schedule(state, deposits);
  }
}

/**
 * The payout's CSV report, as a `data:` URL (a link that works offline), with the headers the
 * reference lists: "id, currency, amount, fee, net, source_id, source_account_id, source_type,
 * source_amount, available_on and created_at".
 */
export function payoutCsvUrl(state: JustifiState, payoutId: string): string {
  const headers = ['id', 'currency', 'amount', 'fee', 'net', 'source_id', 'source_account_id', 'source_type', 'source_amount', 'available_on', 'created_at'] as const;
  const rows = (state.payoutTransactions.get(payoutId) ?? []).map((id) => state.balanceTransactions.find(id)!.value);
  const csv = [headers.join(','), ...rows.map((t) => headers.map((h) => String(t[h] ?? '')).join(','))].join('\n');
  return `data:text/csv;base64,${Buffer.from(`${csv}\n`).toString('base64')}`;
}
