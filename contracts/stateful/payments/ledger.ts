/**
 * The ledger the API derives: balances (seed "Fetch ledger account balances — currency, pending,
 * available") and transactions (seed "Fetch a list of transactions"). How captures, fees, refunds
 * and disputes become ledger lines, and when they settle, is the sandbox's inference (README.md
 * "Ledger"), so the exact predictions are local; a walk of the transactions is checked everywhere.
 * Neither operation takes `x-account-id` in the spec: both cover every account of the key.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { paymentsRules } from './checks.js';
import { externalListMax, sum, type PaymentsModel } from './model.js';
import { command, pageSize } from './picks.js';

const ledgerReason = 'balances and transactions follow the sandbox\'s inferred ledger (the fixture plan\'s fees, settlement a day later)';

interface Transaction {
  id: string;
  source_type?: string;
  source_id?: string | null;
  amount?: number;
}

const line = (type: string, source: string, amount: number) => `${type} ${source} ${amount === 0 ? 0 : amount}`;

/** Walks every page of the key's transactions: no line twice; locally exactly the model's lines (refunds included). */
async function listTransactions(m: PaymentsModel, r: Real, limit: number): Promise<void> {
  const outcome = await r.list<Transaction>('transactions.list', [{ limit }], { max: m.exact ? 2000 : externalListMax });
  expectOk(sharedRules.listedOnce, outcome);
  const ids = outcome.items.map((t) => t.id);
  const twice = ids.filter((id, at) => ids.indexOf(id) !== at);
  rule(sharedRules.listedOnce, twice.length === 0, () => `transactions listed more than once over ${outcome.pages} pages of ${limit}: ${twice.join(', ')}`);
  if (!m.exact) return;
  const got = outcome.items.map((t) => line(String(t.source_type), String(t.source_id), Number(t.amount))).sort();
  const want = m.ledger.map((l) => line(l.type, l.source, l.amount)).sort();
  rule(sharedRules.listedOnce, JSON.stringify(got) === JSON.stringify(want), () => {
    const missing = want.filter((w) => !got.includes(w));
    const extra = got.filter((g) => !want.includes(g));
    return `transactions over ${outcome.pages} pages of ${limit}: missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`;
  });
}

/** The key's balances: every line is pending (the clock stands still, nothing settles). */
async function getBalances(m: PaymentsModel, r: Real): Promise<void> {
  const outcome = await r.call<{ currency: string; pending: number; available: number }>('balances.get', []);
  expectOk(sharedRules.documentedStatus, outcome, 200);
  const want = { currency: 'USD', pending: sum(m.ledger.map((l) => l.amount)), available: 0 };
  const got = { currency: outcome.data.currency, pending: outcome.data.pending, available: outcome.data.available };
  rule(paymentsRules.balances, JSON.stringify(got) === JSON.stringify(want), () => `expected ${JSON.stringify(want)} from ${m.ledger.length} ledger lines, got ${JSON.stringify(got)}`);
}

export function ledgerCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'list transactions (every page, limit 1-5)',
      write: false,
      weight: 3,
      arbitrary: pageSize.map((limit) => command(`listTransactions(limit ${limit})`, () => true, (m, r) => listTransactions(m, r, limit))),
    },
    {
      name: 'get balances',
      write: false,
      localOnly: ledgerReason,
      arbitrary: fc.constant(command('getBalances()', () => true, getBalances)),
    },
  ];
}
