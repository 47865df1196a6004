/**
 * Refunds: "You may refund the full payment amount or just a portion. When refunding a portion,
 * multiple refunds are supported up until the full payment amount has been refunded." A refund's
 * `amount` "must be less than or equal to the amount_refundable on the payment".
 */
import { newId } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { requireEnabled, visible } from './auth.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { recordRefund } from './ledger.js';
import { emitPayment, findPayment, refundable } from './payments.js';
import { iso, type JustifiState } from './state.js';
import type { Refund } from './types.js';

function findRefund(state: JustifiState, ctx: HandlerContext, id: string): Refund {
  const entry = state.refunds.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'resource_not_found', `Resource not found: no refund ${id}`);
  return entry.value;
}

const respond = (status: number, refund: Refund) => one(status, 'refund', refund.id, refund);

export const refundRules = {
  refundPayment(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const payment = findPayment(state, ctx, req.params.id!);
    // "Note: For platforms, if the seller account status is not enabled, 400 will be returned."
    requireEnabled(state, payment.account_id!);
    const body = (req.body ?? {}) as { amount?: number; description?: string; reason?: Refund['reason']; metadata?: Record<string, unknown> };
    const available = refundable(payment);
    // Test-only fault for issue 13: no limit by the payment amount.
    const unlimited = ctx.faults.has('refund-unlimited');
    // "payment_fully_refunded: The refund cannot be processed because the associated payment is fully refunded"
    if (!unlimited && payment.captured && available === 0) throw new JustifiError(422, 'payment_fully_refunded');
    const amount = body.amount ?? available;
    // "refund_exceeds_payment_amount: The refund cannot be processed because the refund amount exceeds the associated payment amount"
    if (!unlimited && (amount > available || amount <= 0)) {
      const why = payment.captured ? `${amount} is more than the ${available} still refundable on ${payment.id}` : `${payment.id} is ${payment.status}, not captured, so nothing is refundable`;
      throw new JustifiError(422, 'refund_exceeds_payment_amount', `The refund cannot be processed because the refund amount exceeds the associated payment amount (${why})`);
    }
    const now = ctx.clock.now();
    const created_at = iso(now);
    const refund: Refund = { id: newId('re'), payment_id: payment.id, amount, currency: 'usd', description: body.description ?? null, reason: body.reason ?? null, status: 'succeeded', metadata: body.metadata ?? {}, created_at, updated_at: created_at };
    state.refunds.insert(payment.account_id!, refund);
    const refunded = (payment.amount_refunded ?? 0) + amount;
    Object.assign(payment, {
      amount_refunded: refunded,
      amount_refundable: Math.max(0, payment.amount - refunded),
      refunded: refunded >= payment.amount,
      status: refunded >= payment.amount ? 'refunded' : payment.status,
      balance: (payment.balance ?? 0) - amount,
      refunds: [...(payment.refunds ?? []), refund],
      updated_at: created_at,
    });
    recordRefund(state, payment, refund.id, amount, now);
    emitPayment(ctx, 'payment.refunded', payment);
    return respond(201, refund);
  },

  listRefunds(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return page(state.refunds.entries(ctx.scope), req.query, ctx, state.refunds.seqOf);
  },

  getRefund(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return respond(200, findRefund(state, ctx, req.params.id!));
  },

  /** "Update the refund metadata." (payment.refund.updated) */
  updateRefund(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const refund = findRefund(state, ctx, req.params.id!);
    const metadata = (req.body as { metadata?: Record<string, unknown> } | undefined)?.metadata;
    if (metadata !== undefined) refund.metadata = metadata;
    refund.updated_at = iso(ctx.clock.now());
    const payment = state.payments.find(refund.payment_id)!.value;
    payment.refunds = (payment.refunds ?? []).map((r) => (r.id === refund.id ? refund : r));
    ctx.events.emit({ api: 'justifi-v1', name: 'payment.refund.updated', scope: state.refunds.find(refund.id)!.scope, data: refund });
    return respond(200, refund);
  },
};
