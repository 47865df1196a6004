/**
 * Payment intents: create, list, search, get, update, cancel, capture. Seed section "Payment
 * Intents". The seed lists the statuses ("created" "pending" "uncaptured" "captured" "cancelled"
 * "failed") but not the moves between them; the sandbox's machine (inferred, README.md) is:
 *
 *   created ──pay──▶ captured            (capture: true, the default)
 *   created ──pay──▶ uncaptured ──capture──▶ captured
 *   created ──pay (declined)──▶ failed ──pay──▶ …   (a failed intent may be paid again)
 *   created | uncaptured | failed ──cancel──▶ cancelled
 */
import { newId } from '../core/index.js';
import type { OperationRequest } from '../core/types.js';
import type { RuleContext } from './context.js';
import { refuse, unprocessable } from './errors.js';
import { recordCapture } from './ledger.js';
import { byId, compact, find, renderIntent, visibleEntries, visibleScope } from './lookup.js';
import type { BodyOf, PaymentIntent } from './model.js';
import { listPage, searchPage, sortBy, withinAmounts, withinDates } from './paging.js';

type CreateBody = BodyOf<'createPaymentIntent'>;

/** A new intent of `account` from a create body (also a checkout session's `payment_intent_data`). */
export function createIntent(rc: RuleContext, account: string, body: CreateBody, external = false): PaymentIntent {
  checkAmounts(body.amount, body.merchant_amount, body.payment_splits);
  const id = newId('pi');
  const intent: PaymentIntent = compact({
    id,
    client_secret: `${id}_secret_${newId('cs').slice(3)}`,
    entity: 'payment_intent',
    status: 'created',
    amount: body.amount,
    merchant_amount: body.merchant_amount ?? null,
    amount_authorized: 0,
    amount_captured: 0,
    amount_refunded: 0,
    amount_voided: 0,
    amount_disputed: 0,
    amount_reversed: 0,
    payment_splits: body.payment_splits ?? [],
    order_details: body.order_details,
    // Inferred default: the create body's `capture` is optional; capturing on payment is the common default.
    capture: body.capture ?? true,
    currency: body.currency ?? 'USD',
    latest_payment: null,
    disputed: false,
    dispute_id: null,
    reversed: false,
    reversal_id: null,
    external,
    partner_id: rc.partner.id,
    business_id: null,
    account_id: account,
    payment_method_types: body.payment_method_types ?? ['card', 'bank'],
    reference_id: body.reference_id ?? null,
    user_fields: body.user_fields ?? {},
    cancellation_reason: null,
    description: body.description ?? null,
    created_at: rc.iso,
    updated_at: rc.iso,
    cancelled_at: null,
    captured_at: null,
    settlement_status: external ? undefined : 'unsettled',
    settled_at: null,
  });
  rc.state.intents.insert(rc.home(account), intent);
  rc.emit('payment_intent.created', account, renderIntent(rc, intent));
  return intent;
}

/**
 * Inferred: `merchant_amount` is "Part of the amount that goes to the merchant", and splits share
 * the amount out, so neither may exceed it.
 */
function checkAmounts(amount: number, merchantAmount: number | undefined | null, splits: { amount?: number }[] | undefined): void {
  if (merchantAmount != null && merchantAmount > amount) {
    refuse(unprocessable('merchant_amount_exceeds_amount', `merchant_amount (${merchantAmount}) must not be greater than amount (${amount})`, 'merchant_amount'));
  }
  const split = (splits ?? []).reduce((sum, s) => sum + (s.amount ?? 0), 0);
  if (split > amount) refuse(unprocessable('payment_splits_exceed_amount', `payment_splits add up to ${split}, more than amount (${amount})`, 'payment_splits'));
}

/** The intent by id, in the request's account; 404 otherwise. */
export function findIntent(rc: RuleContext, id: string): PaymentIntent {
  return find(rc, rc.state.intents, 'payment intent', id);
}

/** Refuses the platform operation on an intent recorded from another gateway (and the reverse). */
export function requireExternal(intent: PaymentIntent, external: boolean, operation: string): void {
  if (intent.external === external) return;
  refuse(
    external
      ? unprocessable('payment_intent_not_external', `${intent.id} was processed on the platform; ${operation} applies only to external payment intents`)
      : unprocessable('payment_intent_external', `${intent.id} is an external payment intent; use the external payments operations instead of ${operation}`),
  );
}

function unexpectedState(intent: PaymentIntent, action: string, allowed: string): never {
  refuse(unprocessable('payment_intent_unexpected_state', `Cannot ${action} payment intent ${intent.id} in status ${intent.status}; it must be ${allowed}.`));
}

/**
 * Capture: seed "Capture a payment intent" with "amount integer >= 0". Issue 12: "capture once
 * (partial allowed up to the authorised amount)". The uncaptured rest is released (`amount_voided`).
 */
export function captureIntent(rc: RuleContext, intent: PaymentIntent, requested: number | undefined, splits?: PaymentIntent['payment_splits']): PaymentIntent {
  if (intent.status === 'captured') refuse(unprocessable('payment_intent_already_captured', `Payment intent ${intent.id} was already captured; an intent is captured once.`));
  if (intent.status !== 'uncaptured') unexpectedState(intent, 'capture', 'uncaptured (authorized with capture: false)');
  const authorized = intent.amount_authorized ?? 0;
  const amount = requested ?? authorized;
  if (amount < 1) refuse(unprocessable('capture_amount_invalid', 'amount must be greater than 0', 'amount'));
  if (amount > authorized) refuse(unprocessable('capture_amount_exceeds_authorized', `amount (${amount}) must not be greater than the authorized amount (${authorized})`, 'amount'));
  if (splits) checkAmounts(amount, null, splits);
  const payment = byId(rc.state.payments, rc.state.latestPayment.get(intent.id));
  if (splits) intent.payment_splits = splits;
  Object.assign(intent, { status: 'captured', amount_captured: amount, amount_voided: authorized - amount, captured_at: rc.iso, updated_at: rc.iso });
  if (payment) {
    Object.assign(payment, { status: 'captured', amount_captured: amount, amount_voided: authorized - amount, updated_at: rc.iso });
    if (!intent.external) recordCapture(rc, payment, amount);
    rc.emit('payment.captured', intent.account_id, structuredClone(payment));
  }
  rc.emit('payment_intent.captured', intent.account_id, renderIntent(rc, intent));
  return intent;
}

/** Cancel: seed "Cancel a payment intent" with its reasons. An authorization is voided. */
export function cancelIntent(rc: RuleContext, intent: PaymentIntent, reason: string | undefined): PaymentIntent {
  if (intent.status === 'cancelled') refuse(unprocessable('payment_intent_already_cancelled', `Payment intent ${intent.id} is already cancelled.`));
  if (intent.status === 'captured') refuse(unprocessable('payment_intent_unexpected_state', `Payment intent ${intent.id} is captured; refund it instead of cancelling it.`));
  const payment = byId(rc.state.payments, rc.state.latestPayment.get(intent.id));
  const voided = intent.status === 'uncaptured' ? (intent.amount_authorized ?? 0) : 0;
  Object.assign(intent, { status: 'cancelled', cancellation_reason: reason ?? null, cancelled_at: rc.iso, amount_voided: voided, updated_at: rc.iso });
  if (payment && payment.status === 'uncaptured') {
    Object.assign(payment, { status: 'voided', amount_voided: voided, updated_at: rc.iso });
    rc.emit('payment.voided', intent.account_id, structuredClone(payment));
  }
  rc.emit('payment_intent.cancelled', intent.account_id, renderIntent(rc, intent));
  return intent;
}

const financialFields = ['amount', 'merchant_amount', 'payment_splits', 'capture', 'payment_method_types'] as const;

export const paymentIntentRules = {
  createPaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = createIntent(rc, rc.scope.account!, req.body as CreateBody);
    return { status: 201, body: renderIntent(rc, intent) };
  },

  listPaymentIntents(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: listPage(rc, visibleEntries(rc, rc.state.intents), req.query, (i) => renderIntent(rc, i)) };
  },

  /** Seed "Search for payment intents": every filter the body documents, sort and page number. */
  searchPaymentIntents(req: OperationRequest, rc: RuleContext) {
    const q = (req.body ?? {}) as BodyOf<'searchPaymentIntents'>;
    const latestStatus = (i: PaymentIntent) => byId(rc.state.payments, rc.state.latestPayment.get(i.id))?.status;
    const matches = rc.state.intents.list(
      visibleScope(rc),
      (i) =>
        (q.reference_id === undefined || i.reference_id === q.reference_id) &&
        (q.status === undefined || i.status === q.status) &&
        (q.settlement_status === undefined || i.settlement_status === q.settlement_status) &&
        (q.payment_status === undefined || latestStatus(i) === q.payment_status) &&
        (q.has_refund === undefined || ((i.amount_refunded ?? 0) > 0) === q.has_refund) &&
        withinDates(i.created_at, q.start_date, q.end_date) &&
        withinAmounts(i.amount, q.amount_min, q.amount_max),
    );
    // Inferred: without sort_column the search keeps the lists' order (newest first).
    const sorted = q.sort_column ? sortBy(matches, q.sort_column, q.sort_direction ?? 'desc') : q.sort_direction === 'asc' ? matches.reverse() : matches;
    return { status: 200, body: searchPage(sorted, q, (i) => renderIntent(rc, i)) };
  },

  getPaymentIntent(req: OperationRequest, rc: RuleContext) {
    return { status: 200, body: renderIntent(rc, findIntent(rc, req.params.id!)) };
  },

  /**
   * Seed "Patch a payment intent". Inferred: what decides the charge (amount, merchant_amount,
   * splits, capture, payment method types) changes only before a payment succeeds (created or
   * failed); the descriptive fields change at any time.
   */
  updatePaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.id!);
    const body = req.body as BodyOf<'updatePaymentIntent'>;
    const financial = financialFields.filter((f) => body[f] !== undefined);
    if (financial.length > 0 && intent.status !== 'created' && intent.status !== 'failed') {
      refuse(unprocessable('payment_intent_unexpected_state', `Cannot change ${financial.join(', ')} of payment intent ${intent.id} in status ${intent.status}; only before a successful payment.`, financial[0]));
    }
    checkAmounts(body.amount ?? intent.amount, body.merchant_amount ?? intent.merchant_amount, body.payment_splits ?? intent.payment_splits);
    Object.assign(intent, compact({ ...body }), { updated_at: rc.iso });
    rc.emit('payment_intent.updated', intent.account_id, renderIntent(rc, intent));
    return { status: 200, body: renderIntent(rc, intent) };
  },

  cancelPaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.id!);
    requireExternal(intent, false, 'cancelPaymentIntent');
    const body = (req.body ?? {}) as BodyOf<'cancelPaymentIntent'>;
    return { status: 200, body: renderIntent(rc, cancelIntent(rc, intent, body.cancellation_reason)) };
  },

  capturePaymentIntent(req: OperationRequest, rc: RuleContext) {
    const intent = findIntent(rc, req.params.id!);
    requireExternal(intent, false, 'capturePaymentIntent');
    const body = (req.body ?? {}) as BodyOf<'capturePaymentIntent'>;
    captureIntent(rc, intent, body.amount, body.payment_splits);
    return { status: 200, body: renderIntent(rc, intent) };
  },
};
