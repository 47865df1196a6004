/**
 * Transactions: the ledger entries of ledger.ts. Seed "Fetch a list of transactions" (cursor list,
 * `payout_id` filter), "Fetch a transaction", "Search a list of transactions" (source type,
 * settlement, dates, amounts; `sort_column` default `updated_at`, `sort_direction` default `desc`;
 * `limit` <= 50 default 10, `page` >= 1 default 1) and "Download list of transactions" (the same
 * filters without paging; the seed's response is an empty object, so the export's shape is
 * inferred: the CSV text with its row count).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { find, visibleEntries, visibleScope } from './lookup.js';
import type { BodyOf, Transaction } from './model.js';
import { listPage, searchPage, sortBy, withinAmounts, withinDates } from './paging.js';

type Filters = BodyOf<'downloadTransactions'>;

function matching(rc: RuleContext, q: Filters): Transaction[] {
  const items = rc.state.transactions.list(
    visibleScope(rc),
    (t) =>
      (q.source_type === undefined || t.source_type === q.source_type) &&
      (q.settlement_status === undefined || t.settlement_status === q.settlement_status) &&
      withinDates(t.created_at, q.start_date, q.end_date) &&
      withinAmounts(t.amount, q.amount_min, q.amount_max),
  );
  return sortBy(items, q.sort_column ?? 'updated_at', q.sort_direction ?? 'desc');
}

const csvColumns = ['id', 'created_at', 'updated_at', 'source_type', 'source_id', 'source_account_id', 'amount', 'settlement_status', 'settled_at', 'payout_id', 'description'] as const;

function csvCell(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const transactionRules = {
  listTransactions(req: OperationRequest, rc: RuleContext) {
    const { payout_id } = req.query as { payout_id?: string };
    const entries = visibleEntries(rc, rc.state.transactions, (t) => payout_id === undefined || t.payout_id === payout_id);
    return { status: 200, body: listPage(rc, entries, req.query, (t) => structuredClone(t)) };
  },

  getTransaction(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: structuredClone(find(rc, rc.state.transactions, 'transaction', req.params.id!)) };
  },

  searchTransactions(req: OperationRequest, rc: RuleContext) {
    const q = (req.body ?? {}) as BodyOf<'searchTransactions'>;
    return { status: 200, body: searchPage(matching(rc, q), q, (t) => structuredClone(t)) };
  },

  downloadTransactions(req: OperationRequest, rc: RuleContext) {
    const rows = matching(rc, (req.body ?? {}) as Filters);
    const csv = [csvColumns.join(','), ...rows.map((t) => csvColumns.map((c) => csvCell(t[c])).join(','))].join('\n');
    return { status: 200, body: { format: 'csv', file_name: `transactions-${rc.iso.slice(0, 10)}.csv`, row_count: rows.length, content: csv } };
  },
};
