/**
 * Payouts: transfers of settled funds to the owner's bank, derived by the ledger (ledger.ts).
 * Seed "Fetch a list of payouts", "Fetch a payout by id", "Fetch a list of payouts for a business"
 * (`x-business-id` required: the payouts of the accounts that belong to it, accounts.ts).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { find, renderPayout, visible } from './lookup.js';
import { cursorPage, type CursorQuery } from './paging.js';

export const payoutRules = {
  listPayouts(req: OperationRequest, rc: RuleContext) {
    const items = rc.state.payouts.list((p) => visible(rc, p.owner_id));
    return { status: 200, body: cursorPage(items, req.query as CursorQuery, (p) => renderPayout(rc, p)) };
  },

  getPayout(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: renderPayout(rc, find(rc, rc.state.payouts, 'payout', req.params.id!, (p) => p.owner_id)) };
  },

  listBusinessPayouts(req: OperationRequest, rc: RuleContext) {
    const business = rc.scope.business!;
    const items = rc.state.payouts.list((p) => p.owner_id != null && rc.state.businessOf.get(p.owner_id) === business && visible(rc, p.owner_id));
    return { status: 200, body: cursorPage(items, req.query as CursorQuery, (p) => renderPayout(rc, p)) };
  },
};
