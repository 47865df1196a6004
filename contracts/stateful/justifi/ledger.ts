/**
 * A payment's balance transactions ("Get information about the payment-balance-transactions
 * associated with a payment"), walked page by page and compared with what the model knows moved
 * its funds: once captured the charge and its fee, then each of its refunds, and for a seeded
 * disputed payment the dispute and its fee. Which movements are recorded and every fee (3% + 30¢,
 * a $15.00 dispute fee) are the sandbox's inference (sandbox/justifi/ledger.ts): local only.
 */
import fc from 'fast-check';
import { expectOk, rule } from '../core/rules.js';
import type { CommandSpec } from '../core/types.js';
import { command, record } from './commands.js';
import { captured, type JustifiModel, type PaymentModel, pick } from './model.js';

const ledgerFollows = "a payment's balance transactions are its captured charge and fee, each of its refunds, and its disputes with their fees";

/** Inferred: 3% + 30¢ (the ApplicationFeeRate sample), the commands never sending `application_fee_amount`. */
const feeOf = (amount: number) => Math.round(amount * 0.03) + 30;
const disputeFee = 1500;

/** The movements of `p` as `type amount source` lines, sorted (the list's order is not documented). */
function expected(m: JustifiModel, p: PaymentModel): string[] {
  if (!captured(p)) return [];
  const lines = [`payment ${p.amount} ${p.id}`, `payment_fee ${-feeOf(p.amount)}`];
  for (const re of m.refunds.filter((re) => re.paymentId === p.id)) lines.push(`refund ${-re.amount} ${re.id}`);
  const dispute = p.fixture ? m.disputes.find((d) => d.amount === p.amount) : undefined;
  if (p.fixture) lines.push(`dispute ${-p.amount}${dispute ? ` ${dispute.id}` : ''}`, `dispute_fee ${-disputeFee}${dispute ? ` ${dispute.id}` : ''}`);
  return lines.sort();
}

/** What a transaction says, in the same form (the fee's source is the application fee or the payment: not compared). */
function seen(item: Record<string, unknown>, known: (id: string) => boolean): string {
  const type = String(item.payment_balance_txn_type);
  const source = type === 'payment_fee' || !known(String(item.source_id)) ? '' : ` ${String(item.source_id)}`;
  return `${type} ${String(item.amount)}${source}`;
}

export const ledgerCommands: CommandSpec<JustifiModel>[] = [
  {
    name: "walk a payment's balance transactions (limit 1–5)",
    write: false,
    weight: 2,
    localOnly: 'which balance transactions are recorded, and every fee, are the sandbox’s inference',
    arbitrary: fc.record({ payment: fc.nat(), limit: fc.integer({ min: 1, max: 5 }) }).map((p) =>
      command(p, {
        describe: (q) => `balanceTransactions(payment, limit ${q.limit})`,
        check: (m) => m.payments.length > 0,
        async run(m, r, q, say) {
          const payment = pick(m.payments, q.payment);
          say(`balanceTransactions(${payment.label} ${payment.status}, limit ${q.limit})`);
          const listed = await r.list('payments.balanceTransactions', [payment.id, { limit: q.limit }]);
          expectOk(ledgerFollows, listed);
          const items = listed.items.map(record);
          const others = items.filter((t) => t.payment_id !== payment.id);
          rule(ledgerFollows, others.length === 0, () => `${others.map((t) => `${String(t.id)} of ${String(t.payment_id)}`).join(', ')} listed for ${payment.label} (${payment.id})`);
          // Sources the model knows: the payment, its refunds, the disputes (a transaction naming another is shown by its type and amount only).
          const ids = new Set([payment.id, ...m.refunds.map((re) => re.id), ...m.disputes.map((d) => d.id)]);
          const got = items.map((t) => seen(t, (id) => ids.has(id))).sort();
          const want = expected(m, payment);
          rule(ledgerFollows, JSON.stringify(got) === JSON.stringify(want), () => `${payment.label} (${payment.status}, ${payment.amount}, ${payment.refunded} refunded): listed [${got.join('; ')}] over ${listed.pages} pages, expected [${want.join('; ')}]`);
        },
      }),
    ),
  },
];
