/**
 * External refunds. Seed "External Refunds — Create Refund" (`payment_intent_id` and
 * `gateway_response` required, `refund_request` with `amount`): a refund made at the external
 * gateway, recorded against an external payment intent, with the same limit as platform refunds
 * (up to the captured amount).
 */
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { refuse, unprocessable } from './errors.js';
import { byId, visibleScope } from './lookup.js';
import type { BodyOf } from './model.js';
import { requireExternal } from './payment-intents.js';
import { refundIntent } from './refunds.js';

export const externalRefundRules = {
  /** The intent is named in the body and the spec documents no 404 here: an unknown one is a 422 on that argument. */
  createExternalRefund(req: OperationRequest, rc: RuleContext) {
    const body = req.body as BodyOf<'createExternalRefund'>;
    const entry = rc.state.intents.find(body.payment_intent_id);
    const intent = entry && visibleScope(rc)(entry.scope) ? entry.value : undefined;
    if (!intent) {
      refuse(unprocessable('payment_intent_not_found', `No payment intent ${body.payment_intent_id} for this account.`, 'payment_intent_id'));
    }
    requireExternal(intent, true, 'createExternalRefund');
    return { status: 201, body: structuredClone(refundIntent(rc, intent, body.refund_request?.amount, true)) };
  },
};
