/**
 * Payouts and proceeds, as the API lists, reads and updates them. Both are derived (ledger.ts):
 * "Each day, a payout containing that day's funds is automatically created"; "Proceeds are batched
 * together according to the payout schedule configured on your account".
 */
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { platformOfCtx } from './auth.js';
import { one, page } from './envelope.js';
import { payoutCsvUrl } from './ledger.js';
import { findVisible, setMetadata } from './lookup.js';
import type { JustifiState } from './state.js';
import type { Payout } from './types.js';

const dateFilter = (value: unknown) => (typeof value === 'string' ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : undefined);

/** `created_before`/`created_after`/`deposits_before`/`deposits_after` ("Dates without time specified will default to 00:00:00"). */
function payoutFilter(query: Record<string, unknown>) {
  const [cb, ca, db, da] = ['created_before', 'created_after', 'deposits_before', 'deposits_after'].map((k) => dateFilter(query[k]));
  return (p: Payout) => {
    const created = Date.parse(p.created_at);
    const deposits = p.deposits_at ? Date.parse(p.deposits_at) : undefined;
    return (cb === undefined || created < cb) && (ca === undefined || created > ca) && (db === undefined || (deposits !== undefined && deposits < db)) && (da === undefined || (deposits !== undefined && deposits > da));
  };
}

type Rule = (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => OperationResponse;

export const payoutRules: Record<'listPayouts' | 'getPayout' | 'updatePayout' | 'getPayoutCsvReport' | 'listProceeds' | 'getProceeds', Rule> = {
  /** Payouts of every account of the platform (the operation takes no Sub-Account header). */
  listPayouts: (state, req, ctx) => {
    const platform = platformOfCtx(state, ctx);
    return page(state.payouts.entries((account) => state.platformOf.get(account) === platform, payoutFilter(req.query)), req.query, ctx, state.payouts.seqOf);
  },
  getPayout: (state, req, ctx) => one(200, 'payout', req.params.id!, findVisible(state, ctx, state.payouts, req.params.id!, 'payout')),
  /** "Change a payout's metadata." */
  updatePayout: (state, req, ctx) => {
    const payout = setMetadata(findVisible(state, ctx, state.payouts, req.params.id!, 'payout'), req, ctx);
    return one(200, 'payout', payout.id, payout);
  },
  /** "Get a link to a CSV report with information a payout and balance transactions related to that payout." */
  getPayoutCsvReport: (state, req, ctx) => {
    const payout = findVisible(state, ctx, state.payouts, req.params.id!, 'payout');
    return one(200, 'report', payout.id, payoutCsvUrl(state, payout.id));
  },
  listProceeds: (state, req, ctx) => page(state.proceeds.entries(platformOfCtx(state, ctx), payoutFilter(req.query)), req.query, ctx, state.proceeds.seqOf),
  getProceeds: (state, req, ctx) => one(200, 'payout', req.params.id!, findVisible(state, ctx, state.proceeds, req.params.id!, 'proceeds payout')),
};
