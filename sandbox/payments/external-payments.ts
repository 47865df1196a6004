/**
 * External payments: payments another gateway processed, recorded on the platform with the raw
 * gateway responses. Seed "External Payments": "Create Payment Intent" (`payment_intent`,
 * `payment_method`, `gateway_response` required, `card_present`), "Cancel Payment Intent"
 * (`gateway_void_response`, `cancellation_reason`), "Capture External Payment Intent" (`amount`,
 * `gateway_capture_response` required). The intents follow the same capture/cancel rules as
 * platform intents but are marked `external` and move no platform funds (ledger.ts).
 *
 * Inferred: a gateway response whose `status` says declined, failed or error records a failed
 * payment; a gateway `amount` that differs from the intent's is refused.
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { refuse, unprocessable } from './errors.js';
import { compact, renderIntent } from './lookup.js';
import type { BodyOf, PaymentMethod } from './model.js';
import { cancelIntent, captureIntent, createIntent, findIntent, requireExternal } from './payment-intents.js';
import { payIntent } from './payments.js';

const failedGatewayStatus = /^(declined?|fail(ed|ure)?|error|rejected)$/i;

function recordMethod(rc: RuleContext, given: BodyOf<'createExternalPaymentIntent'>['payment_method']): PaymentMethod {
  const method: PaymentMethod = compact({
    id: newId('pm'),
    entity: 'payment_method',
    created_at: rc.iso,
    updated_at: rc.iso,
    payment_method_type: given.payment_method_type ?? (given.bank ? 'bank' : 'card'),
    source_type: 'external',
    billing_details: given.billing_details ?? {},
    single_use_token: false,
    signature: null,
    card: given.card,
    bank: given.bank,
  });
  rc.partner.paymentMethods.set(method.id, method);
  rc.emit('payment_method.created', rc.scope.account!, structuredClone(method));
  return method;
}

export const externalPaymentRules = {
  createExternalPaymentIntent(req: OperationRequest, rc: RuleContext) {
    const body = req.body as BodyOf<'createExternalPaymentIntent'>;
    const gateway = body.gateway_response;
    if (gateway.amount !== undefined && gateway.amount !== body.payment_intent.amount) {
      refuse(unprocessable('gateway_amount_mismatch', `gateway_response.amount (${gateway.amount}) differs from payment_intent.amount (${body.payment_intent.amount})`, 'gateway_response.amount'));
    }
    const intent = createIntent(rc, rc.scope.account!, body.payment_intent, true);
    const method = recordMethod(rc, body.payment_method);
    payIntent(rc, intent, {}, {
      method,
      outcome: gateway.status !== undefined && failedGatewayStatus.test(gateway.status) ? 'decline' : 'approve',
      external: true,
      cardPresent: body.card_present,
      authCode: gateway.auth_code,
      responseText: gateway.response_text ?? gateway.status,
    });
    return { status: 201, body: renderIntent(rc, intent) };
  },

  cancelExternalPaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.payment_intent_id!);
    requireExternal(intent, true, 'cancelExternalPaymentIntent');
    const body = (req.body ?? {}) as BodyOf<'cancelExternalPaymentIntent'>;
    return { status: 200, body: renderIntent(rc, cancelIntent(rc, intent, body.cancellation_reason)) };
  },

  /** Inferred: without `amount`, the gateway's captured amount, else the authorized amount. */
  captureExternalPaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.payment_intent_id!);
    requireExternal(intent, true, 'captureExternalPaymentIntent');
    const body = req.body as BodyOf<'captureExternalPaymentIntent'>;
    return { status: 200, body: renderIntent(rc, captureIntent(rc, intent, body.amount ?? body.gateway_capture_response.amount)) };
  },
};
