/**
 * Disputes: "A customer may dispute their payment with the card issuer/bank … a dispute record is
 * created and associated with their original payment." Nothing in the API creates one, so they are
 * seeded (fixtures.ts); the API lists, reads and updates their metadata.
 */
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { one, page } from './envelope.js';
import { findVisible, setMetadata } from './lookup.js';
import type { JustifiState } from './state.js';

export const disputeRules = {
  listDisputes: (state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse => page(state.disputes.entries(ctx.scope), req.query, ctx, state.disputes.seqOf),
  getDispute: (state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse => one(200, 'dispute', req.params.id!, findVisible(state, ctx, state.disputes, req.params.id!, 'dispute')),
  /** "Change a dispute's metadata." The payment's embedded copy shows the change too ("The disputes for a specific payment are also included in the payments API response"). */
  updateDispute(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const dispute = setMetadata(findVisible(state, ctx, state.disputes, req.params.id!, 'dispute'), req, ctx);
    const payment = state.payments.find(dispute.payment_id)?.value;
    if (payment) payment.disputes = (payment.disputes ?? []).map((d) => (d.id === dispute.id ? dispute : d));
    return one(200, 'dispute', dispute.id, dispute);
  },
};
