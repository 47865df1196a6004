/**
 * Refunds. Seed "Create a refund" (`amount integer >= 0`) on a payment intent and "Fetch a refund
 * by id". Issue 12: "refunds up to the captured amount". A refund without `amount` refunds what is
 * left (the spec's "defaults to the full refundable amount").
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { refuse, unprocessable } from './errors.js';
import { recordTransaction } from './ledger.js';
import { byId, find, renderIntent } from './lookup.js';
import type { BodyOf, PaymentIntent, Refund } from './model.js';
import { findIntent, requireExternal } from './payment-intents.js';

/**
 * Refunds `requested` (default: the rest) of a captured intent. Test-only fault
 * `refund-unlimited` drops the captured-amount limit, so a suite can prove it notices.
 */
export function refundIntent(rc: RuleContext, intent: PaymentIntent, requested: number | undefined, external: boolean): Refund {
  if (intent.status !== 'captured') {
    refuse(unprocessable('payment_intent_not_captured', `Payment intent ${intent.id} is ${intent.status}; only a captured payment intent can be refunded.`));
  }
  const unlimited = rc.faults.has('refund-unlimited');
  const captured = intent.amount_captured ?? 0;
  const refundable = captured - (intent.amount_refunded ?? 0);
  if (refundable <= 0 && !unlimited) refuse(unprocessable('payment_intent_fully_refunded', `Payment intent ${intent.id} is fully refunded (${captured} of ${captured}).`));
  const amount = requested ?? (unlimited ? captured : refundable);
  if (amount < 1) refuse(unprocessable('refund_amount_invalid', 'amount must be greater than 0', 'amount'));
  if (amount > refundable && !unlimited) {
    refuse(unprocessable('refund_exceeds_captured_amount', `amount (${amount}) must not be greater than the refundable amount (${refundable} of ${captured} captured)`, 'amount'));
  }
  const paymentId = rc.state.latestPayment.get(intent.id)!;
  const payment = byId(rc.state.payments, paymentId)!;
  // Inferred: the sandbox has no processor delay, so a refund succeeds at once; its ledger entry settles like any other.
  const refund: Refund = {
    id: newId('re'),
    entity: 'refund',
    status: 'succeeded',
    external,
    amount,
    account_id: intent.account_id,
    payment_id: paymentId,
    created_at: rc.iso,
    updated_at: rc.iso,
    ...(external ? {} : { settlement_status: 'unsettled' as const }),
    settled_at: null,
  };
  rc.state.refunds.insert(rc.home(intent.account_id), refund);
  intent.amount_refunded = (intent.amount_refunded ?? 0) + amount;
  intent.updated_at = rc.iso;
  payment.amount_refunded = (payment.amount_refunded ?? 0) + amount;
  payment.updated_at = rc.iso;
  if (!external) recordTransaction(rc, intent.account_id, 'refund', refund.id, -amount, `Refund ${refund.id} of ${paymentId}`);
  rc.emit('refund.created', intent.account_id, structuredClone(refund));
  rc.emit('payment_intent.refunded', intent.account_id, renderIntent(rc, intent));
  return refund;
}

export const refundRules = {
  createRefund(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.id!);
    requireExternal(intent, false, 'createRefund');
    const body = (req.body ?? {}) as BodyOf<'createRefund'>;
    return { status: 201, body: structuredClone(refundIntent(rc, intent, body.amount, false)) };
  },

  getRefund(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: structuredClone(find(rc, rc.state.refunds, 'refund', req.params.id!)) };
  },
};
