/**
 * Payments: the attempts to pay a payment intent. Seed "Create a payment" (`payment_method_id`
 * required, `cvv2` optional) and "Fetch list of payments for a payment intent". A payment with a
 * fixture method (fixtures.ts) approves, declines or approves and is then disputed; the intent's
 * `capture` decides whether an approval is captured at once or only authorized.
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { openDispute } from './disputes.js';
import { refuse, unprocessable } from './errors.js';
import { outcomeOf, type FixtureOutcome } from './fixtures.js';
import { recordCapture } from './ledger.js';
import { compact, find, renderIntent, renderPayment, visibleEntries } from './lookup.js';
import type { BodyOf, Payment, PaymentIntent, PaymentMethod } from './model.js';
import { listPage } from './paging.js';
import { findIntent, requireExternal } from './payment-intents.js';

type PaymentBody = BodyOf<'createPayment'>;

/** How a payment came about: the platform charged a stored method, or another gateway did (external). */
export interface PaymentSource {
  method: PaymentMethod;
  outcome: FixtureOutcome;
  external: boolean;
  cardPresent?: boolean | undefined;
  authCode?: string | undefined;
  responseText?: string | undefined;
}

/** Only an intent that has no successful payment yet may be paid: created, or failed (a retry). */
function requirePayable(intent: PaymentIntent): void {
  if (intent.status === 'created' || intent.status === 'failed') return;
  refuse(unprocessable('payment_intent_unexpected_state', `Payment intent ${intent.id} is ${intent.status}; only a created or failed intent can be paid.`));
}

/** The stored method a platform payment uses: one of the key's methods, of a type the intent accepts. */
export function methodFor(rc: RuleContext, intent: PaymentIntent, paymentMethodId: string): PaymentMethod {
  const method = rc.partner.paymentMethods.get(paymentMethodId);
  if (!method) refuse(unprocessable('payment_method_not_found', `No payment method ${paymentMethodId} for this API key.`, 'payment_method_id'));
  const allowed = intent.payment_method_types ?? ['card', 'bank'];
  if (!allowed.includes(method.payment_method_type)) {
    refuse(unprocessable('payment_method_type_not_allowed', `Payment intent ${intent.id} accepts ${allowed.join(', ')}; ${paymentMethodId} is a ${method.payment_method_type} method.`, 'payment_method_id'));
  }
  return method;
}

/**
 * Pays `intent` once: records the payment, moves the intent (captured, uncaptured or failed) and,
 * for platform payments that are captured, the ledger. Returns the stored payment.
 */
export function payIntent(rc: RuleContext, intent: PaymentIntent, body: Partial<PaymentBody>, source: PaymentSource): Payment {
  requirePayable(intent);
  const approved = source.outcome !== 'decline';
  const captured = approved && intent.capture !== false;
  const amount = intent.amount;
  const status = !approved ? 'failed' : captured ? 'captured' : 'uncaptured';
  const cvvChecked = body.cvv2 !== undefined && !source.external;
  const payment: Payment = compact({
    id: newId('pay'),
    entity: 'payment',
    status,
    billing_details: source.method.billing_details,
    amount,
    amount_authorized: approved ? amount : 0,
    amount_captured: captured ? amount : 0,
    amount_refunded: 0,
    amount_voided: 0,
    amount_disputed: 0,
    amount_reversed: 0,
    cvv: cvvChecked ? 'M' : null,
    avs: source.external ? null : 'Y',
    address_line1_check: source.external ? 'unchecked' : 'pass',
    address_postal_code_check: source.external ? 'unchecked' : 'pass',
    cvv_check: cvvChecked ? 'pass' : 'unchecked',
    signature: null,
    emv_tag_data: null,
    entry_mode: 'keyed',
    reversed: false,
    reversal_id: null,
    disputed: false,
    dispute_id: null,
    order_details: body.order_details ?? intent.order_details,
    payment_intent_id: intent.id,
    payment_method_id: source.method.id,
    payment_method: structuredClone(source.method),
    auth_code: approved ? (source.authCode ?? String(100000 + Math.floor(Math.random() * 900000))) : null,
    auth_response_text: source.responseText ?? (approved ? 'Approval' : 'Do not honor'),
    external: source.external,
    card_present: source.cardPresent ?? false,
    created_at: rc.iso,
    updated_at: rc.iso,
    account_id: intent.account_id,
    reference_id: body.reference_id ?? intent.reference_id ?? null,
    user_fields: body.user_fields ?? {},
    description: body.description ?? intent.description ?? null,
    settlement_status: source.external ? undefined : 'unsettled',
    settled_at: null,
  });
  rc.state.payments.insert(rc.home(intent.account_id), payment);
  rc.state.latestPayment.set(intent.id, payment.id);
  Object.assign(intent, {
    status,
    amount_authorized: payment.amount_authorized,
    amount_captured: payment.amount_captured,
    captured_at: captured ? rc.iso : null,
    updated_at: rc.iso,
  });
  if (captured && !source.external) recordCapture(rc, payment, amount);
  rc.emit('payment.created', intent.account_id, renderPayment(payment));
  const change = { failed: 'payment_intent.failed', captured: 'payment_intent.captured', uncaptured: 'payment_intent.authorized' }[status];
  rc.emit(change, intent.account_id, renderIntent(rc, intent));
  if (captured && source.outcome === 'dispute') openDispute(rc, intent, payment);
  return payment;
}

/** A platform payment with a stored method, for createPayment and createCheckoutSessionPayment. */
export function payWithStoredMethod(rc: RuleContext, intent: PaymentIntent, body: PaymentBody): Payment {
  requireExternal(intent, false, 'createPayment');
  requirePayable(intent);
  const method = methodFor(rc, intent, body.payment_method_id);
  return payIntent(rc, intent, body, { method, outcome: outcomeOf(method.id), external: false });
}

export const paymentRules = {
  createPayment(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.id!);
    const payment = payWithStoredMethod(rc, intent, req.body as PaymentBody);
    return { status: 201, body: renderPayment(payment) };
  },

  /** The spec gives this list no `x-account-id`: the intent is looked up among all the key's accounts. */
  listPaymentIntentPayments(req: OperationRequest, rc: RuleContext) {
    const intent = find(rc, rc.state.intents, 'payment intent', req.params.id!);
    const entries = visibleEntries(rc, rc.state.payments, (p) => p.payment_intent_id === intent.id);
    return { status: 200, body: listPage(rc, entries, req.query, renderPayment) };
  },
};
