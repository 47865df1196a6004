/**
 * Payments: "To charge a payment method the desired amount, you'll use a payment … If a payment
 * fails, the status will reflect it and an error code will be returned."
 */
import { newId } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { requireEnabled, visible } from './auth.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { feeFor, recordCharge } from './ledger.js';
import { resolveMethod } from './payment-methods.js';
import { iso, schedule, type JustifiState, type PaymentMethodRecord } from './state.js';
import type { Payment, PaymentMethodInput } from './types.js';

const dayMs = 24 * 60 * 60 * 1000;
/** "Auth and capture charges must be captured within 7 days" (charge_expired_for_capture). */
export const authorizationLifetimeMs = 7 * dayMs;
/** ACH payments are `pending` until they settle, three days later by the sandbox clock (inferred). */
export const achSettlementMs = 3 * dayMs;
/** Inferred maximum: the table has `amount_too_large` but no figure; $999,999.99 is used. */
const maxAmount = 99_999_999;

export function emitPayment(ctx: Pick<HandlerContext, 'events'>, name: string, payment: Payment): void {
  ctx.events.emit({ api: 'justifi-v1', name, scope: payment.account_id!, data: payment });
}

/** "amount_below_minimum: Amount must be greater than 50"; `amount_too_large` above the inferred maximum. */
export function checkAmount(amount: number): void {
  if (amount <= 50) throw new JustifiError(422, 'amount_below_minimum', `Amount must be greater than 50 (got ${amount})`);
  if (amount > maxAmount) throw new JustifiError(422, 'amount_too_large', `The specified amount is greater than the maximum amount allowed (${maxAmount}).`);
}

/** What a refund may still take: nothing until captured, then the amount less what was refunded. */
export function refundable(payment: Payment): number {
  return payment.captured ? payment.amount - (payment.amount_refunded ?? 0) : 0;
}

export interface ChargeInput {
  amount: number;
  capture_strategy: 'automatic' | 'manual';
  description?: string | undefined;
  email?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
  application_fee_amount?: number | undefined;
  payment_intent_id?: string | undefined;
}

/**
 * Charges a tokenized payment method: stores the payment (a failed one too: "the status will
 * reflect it") and returns it; a decline is thrown afterwards as the 402 with its `code` and
 * `decline_code` ("This can also occur when making a payment and the card is declined").
 */
export function charge(state: JustifiState, ctx: HandlerContext, account: string, method: PaymentMethodRecord, input: ChargeInput): Payment {
  // "capture_strategy … manual will only authorize the payment … Not supported by bank account (ACH) payment methods."
  if (method.kind === 'bank_account' && input.capture_strategy === 'manual') {
    throw new JustifiError(422, 'capture_strategy_invalid', 'Format is invalid for parameter: capture_strategy (manual is not supported by bank account (ACH) payment methods)');
  }
  const now = ctx.clock.now();
  const created_at = iso(now);
  const fee = feeFor(input.amount, input.application_fee_amount);
  const platform = state.platformOf.get(account)!;
  const declined = method.outcome.kind === 'declines' ? method.outcome : undefined;
  const automatic = input.capture_strategy === 'automatic';
  const ach = method.kind === 'bank_account';
  const status = declined ? 'failed' : ach ? 'pending' : automatic ? 'succeeded' : 'authorized';
  const payment: Payment = {
    id: newId('py'),
    account_id: account,
    amount: input.amount,
    amount_disputed: 0,
    amount_refundable: 0,
    amount_refunded: 0,
    balance: 0,
    fee_amount: fee,
    application_fee_amount: input.application_fee_amount ?? null,
    application_fee: platform !== account ? { id: newId('fee'), amount: fee, currency: 'usd', created_at, updated_at: created_at } : null,
    captured: !declined && automatic && !ach,
    capture_strategy: input.capture_strategy,
    currency: 'usd',
    description: input.description ?? null,
    email: input.email ?? null,
    disputed: false,
    disputes: [],
    refunded: false,
    refunds: [],
    error_code: declined ? declined.code : null,
    error_description: declined ? declined.message : null,
    financial_transaction_id: newId('ft'),
    is_test: true,
    metadata: input.metadata ?? {},
    payment_intent_id: input.payment_intent_id ?? null,
    payment_method: method.method,
    status,
    created_at,
    updated_at: created_at,
  };
  if (payment.captured) {
    payment.amount_refundable = payment.amount;
    payment.balance = payment.amount - fee;
  }
  state.payments.insert(account, payment);
  if (payment.captured) recordCharge(state, payment, now);
  if (status === 'pending') {
    state.settlements.set(payment.id, now + achSettlementMs);
    schedule(state, now + achSettlementMs);
  }
  emitPayment(ctx, 'payment.created', payment);
  emitPayment(ctx, `payment.${status}`, payment);
  if (declined) throw new JustifiError(402, declined.code, declined.message, declined.declineCode);
  return payment;
}

export function findPayment(state: JustifiState, ctx: HandlerContext, id: string): Payment {
  const entry = state.payments.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'resource_not_found', `Resource not found: no payment ${id}`);
  return entry.value;
}

const respond = (status: number, payment: Payment) => one(status, 'payment', payment.id, payment);

export const paymentRules = {
  /** "Authorize, capture, and charge a payment method." */
  createPayment(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const body = req.body as ChargeInput & { payment_method: PaymentMethodInput };
    requireEnabled(state, ctx.scope);
    checkAmount(body.amount);
    const method = resolveMethod(state, ctx, ctx.scope, body.payment_method);
    return respond(201, charge(state, ctx, ctx.scope, method, body));
  },

  listPayments(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const { payment_status: status, created_after: after, financial_transaction_id: ft } = req.query as Record<string, string | undefined>;
    const afterMs = after === undefined ? undefined : Date.parse(after.length === 10 ? `${after}T00:00:00Z` : after);
    const entries = state.payments.entries(ctx.scope, (p) => (status === undefined || p.status === status) && (ft === undefined || p.financial_transaction_id === ft) && (afterMs === undefined || Date.parse(p.created_at) > afterMs));
    return page(entries, req.query, ctx, state.payments.seqOf);
  },

  getPayment(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return respond(200, findPayment(state, ctx, req.params.id!));
  },

  /** "Change a payment's description or metadata." (metadata replaces: "any previous metadata will be overwritten") */
  updatePayment(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const payment = findPayment(state, ctx, req.params.id!);
    const body = (req.body ?? {}) as { description?: string; metadata?: Record<string, unknown> };
    if (body.description !== undefined) payment.description = body.description;
    if (body.metadata !== undefined) payment.metadata = body.metadata;
    payment.updated_at = iso(ctx.clock.now());
    return respond(200, payment);
  },

  /**
   * "To charge a payment method and capture a previously authorized payment. Returns a
   * payment_already_captured error if the payment is in a captured state." That code is not in the
   * Error Codes table (nor the spec's enum), so the refusal uses the table's capture code,
   * `payment_intent_cannot_be_captured`, with its message filled in for the payment (inferred).
   */
  capturePayment(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const payment = findPayment(state, ctx, req.params.id!);
    requireEnabled(state, payment.account_id!);
    if (payment.status !== 'authorized') throw new JustifiError(422, 'payment_intent_cannot_be_captured', `Payment status is '${payment.status}' so it cannot be captured (payment_already_captured)`);
    const now = ctx.clock.now();
    if (now - Date.parse(payment.created_at) > authorizationLifetimeMs) {
      throw new JustifiError(422, 'charge_expired_for_capture', 'The charge cannot be captured as the authorization has expired. Auth and capture charges must be captured within 7 days.');
    }
    Object.assign(payment, { status: 'succeeded', captured: true, amount_refundable: payment.amount, balance: payment.amount - (payment.fee_amount ?? 0), updated_at: iso(now) });
    recordCharge(state, payment, now);
    emitPayment(ctx, 'payment.captured', payment);
    emitPayment(ctx, 'payment.succeeded', payment);
    return respond(201, payment);
  },

  /** "Get information about the payment-balance-transactions associated with a payment." */
  listPaymentBalanceTransactions(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const payment = findPayment(state, ctx, req.params.id!);
    return page(state.balanceTransactions.entries(payment.account_id!, (t) => t.payment_id === payment.id), req.query, ctx, state.balanceTransactions.seqOf);
  },
};

/** ACH payments that have waited long enough settle (`pending` → `succeeded`, funds recorded). */
export function settlePayments(state: JustifiState, now: number, events: HandlerContext['events']): void {
  for (const [id, at] of state.settlements) {
    if (at > now) {
      schedule(state, at);
      continue;
    }
    state.settlements.delete(id);
    const payment = state.payments.find(id)!.value;
    Object.assign(payment, { status: 'succeeded', captured: true, amount_refundable: payment.amount - (payment.amount_refunded ?? 0), balance: payment.amount - (payment.fee_amount ?? 0), updated_at: iso(at) });
    recordCharge(state, payment, at);
    emitPayment({ events }, 'payment.succeeded', payment);
  }
}
