/**
 * Disputes, payouts and proceeds: read (and their metadata updated) through the API, never created
 * by it. Disputes are seeded (fixtures.ts); payouts and proceeds are derived (ledger.ts).
 */
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { platformOfCtx, visible } from './auth.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { payoutCsvUrl } from './ledger.js';
import { iso, type JustifiState } from './state.js';
import type { Payout } from './types.js';

type Rule = (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => OperationResponse;

function find<T extends { id: string }>(state: JustifiState, ctx: HandlerContext, collection: { find(id: string): { value: T; scope: string } | undefined }, id: string, what: string): T {
  const entry = collection.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'resource_not_found', `Resource not found: no ${what} ${id}`);
  return entry.value;
}

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

function setMetadata<T extends { metadata?: unknown; updated_at?: string }>(value: T, req: OperationRequest, ctx: HandlerContext): T {
  const metadata = (req.body as { metadata?: Record<string, unknown> } | undefined)?.metadata;
  // "when you update metadata, any previous metadata will be overwritten"
  if (metadata !== undefined) value.metadata = metadata;
  value.updated_at = iso(ctx.clock.now());
  return value;
}

export const disputePayoutRules: Record<string, Rule> = {
  listDisputes: (state, req, ctx) => page(state.disputes.entries(ctx.scope), req.query, ctx, state.disputes.seqOf),
  getDispute: (state, req, ctx) => one(200, 'dispute', req.params.id!, find(state, ctx, state.disputes, req.params.id!, 'dispute')),
  /** "Change a dispute's metadata." */
  updateDispute(state, req, ctx) {
    const dispute = setMetadata(find(state, ctx, state.disputes, req.params.id!, 'dispute'), req, ctx);
    const payment = state.payments.find(dispute.payment_id)?.value;
    if (payment) payment.disputes = (payment.disputes ?? []).map((d) => (d.id === dispute.id ? dispute : d));
    return one(200, 'dispute', dispute.id, dispute);
  },
  /** Payouts of every account of the platform (the operation takes no Sub-Account header). */
  listPayouts: (state, req, ctx) => {
    const platform = platformOfCtx(state, ctx);
    return page(state.payouts.entries((account) => state.platformOf.get(account) === platform, payoutFilter(req.query)), req.query, ctx, state.payouts.seqOf);
  },
  getPayout: (state, req, ctx) => one(200, 'payout', req.params.id!, find(state, ctx, state.payouts, req.params.id!, 'payout')),
  /** "Change a payout's metadata." */
  updatePayout: (state, req, ctx) => {
    const payout = setMetadata(find(state, ctx, state.payouts, req.params.id!, 'payout'), req, ctx);
    return one(200, 'payout', payout.id, payout);
  },
  /** "Get a link to a CSV report with information a payout and balance transactions related to that payout." */
  getPayoutCsvReport: (state, req, ctx) => {
    const payout = find(state, ctx, state.payouts, req.params.id!, 'payout');
    return one(200, 'report', payout.id, payoutCsvUrl(state, payout.id));
  },
  listProceeds: (state, req, ctx) => page(state.proceeds.entries(platformOfCtx(state, ctx), payoutFilter(req.query)), req.query, ctx, state.proceeds.seqOf),
  getProceeds: (state, req, ctx) => one(200, 'payout', req.params.id!, find(state, ctx, state.proceeds, req.params.id!, 'proceeds payout')),
};
