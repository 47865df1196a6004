/**
 * Disputes. The seed only reads them ("Fetch list of disputes matching query", "Fetch dispute by
 * id"): a cardholder's bank raises them, not the API. The sandbox derives them (inferred): a
 * captured payment with the fixture method `pm_card_disputed` is disputed at once for its full
 * amount, which marks the intent and payment `disputed` and debits the ledger.
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { recordTransaction } from './ledger.js';
import { find, renderDispute, renderIntent, visibleEntries } from './lookup.js';
import type { Dispute, Payment, PaymentIntent } from './model.js';
import { listPage } from './paging.js';

const day = 24 * 60 * 60 * 1000;

export function openDispute(rc: RuleContext, intent: PaymentIntent, payment: Payment): Dispute {
  const amount = payment.amount_captured ?? payment.amount;
  const dispute: Dispute = {
    id: newId('dp'),
    entity: 'dispute',
    created_at: rc.iso,
    updated_at: rc.iso,
    account_id: intent.account_id,
    business_id: null,
    status: 'needs_response',
    payment_id: payment.id,
    payment_intent_id: intent.id,
    amount,
    notes: [],
    attachments: [],
    dispute_date: rc.iso.slice(0, 10),
    response_due_date: new Date(rc.now + 7 * day).toISOString().slice(0, 10),
    closed_date: null,
    reason_disputed_code: 4837,
    reason_disputed: 'No cardholder authorization',
    dispute_response: null,
    reference_meta: { case_number: newId('case') },
    settlement_status: 'unsettled',
    settled_at: null,
  };
  rc.state.disputes.insert(rc.home(intent.account_id), dispute);
  Object.assign(intent, { disputed: true, dispute_id: dispute.id, amount_disputed: amount, updated_at: rc.iso });
  Object.assign(payment, { disputed: true, dispute_id: dispute.id, amount_disputed: amount, updated_at: rc.iso });
  recordTransaction(rc, intent.account_id, 'dispute', dispute.id, -amount, `Dispute ${dispute.id} of ${payment.id}`);
  rc.emit('dispute.created', intent.account_id, renderDispute(rc, dispute));
  rc.emit('payment_intent.disputed', intent.account_id, renderIntent(rc, intent));
  return dispute;
}

export const disputeRules = {
  listDisputes(req: OperationRequest, rc: RuleContext) {
    const { status } = req.query as { status?: string };
    const entries = visibleEntries(rc, rc.state.disputes, (d) => status === undefined || d.status === status);
    return { status: 200, body: listPage(rc, entries, req.query, (d) => renderDispute(rc, d)) };
  },

  getDispute(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: renderDispute(rc, find(rc, rc.state.disputes, 'dispute', req.params.id!)) };
  },
};
