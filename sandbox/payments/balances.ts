/**
 * Balances. Seed "Fetch ledger account balances" → `{currency: "USD", pending, available}`, with
 * no parameters: the balances of every account of the API key, or of one account when
 * `x-account-id` is sent anyway. Derived from the ledger (ledger.ts), never stored.
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { balanceOf } from './ledger.js';
import { visibleScope } from './lookup.js';

export const balanceRules = {
  getBalances(_req: OperationRequest, rc: RuleContext) {
    const { pending, available } = balanceOf(rc.state.transactions.list(visibleScope(rc)));
    return { status: 200, body: { currency: 'USD' as const, pending, available } };
  },
};
