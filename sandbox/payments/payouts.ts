/**
 * Payouts: transfers of settled funds to the owner's bank, derived by the ledger (ledger.ts).
 * Seed "Fetch a list of payouts", "Fetch a payout by id", "Fetch a list of payouts for a business"
 * (`x-business-id` required: the payouts of the accounts that belong to it, accounts.ts).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { find, renderPayout, visibleEntries } from './lookup.js';
import { listPage } from './paging.js';

export const payoutRules = {
  listPayouts(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: listPage(rc, visibleEntries(rc, rc.state.payouts), req.query, (p) => renderPayout(rc, p)) };
  },

  getPayout(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: renderPayout(rc, find(rc, rc.state.payouts, 'payout', req.params.id!)) };
  },

  listBusinessPayouts(req: OperationRequest, rc: RuleContext) {
    // x-business-id is required here, so visibility is that business's accounts (lookup.ts).
    return { status: 200, body: listPage(rc, visibleEntries(rc, rc.state.payouts), req.query, (p) => renderPayout(rc, p)) };
  },
};
