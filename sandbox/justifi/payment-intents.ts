/**
 * Payment intents: "Once you've tokenized a payment method and attached it to a payment intent,
 * capturing the payment intent will let JustiFi know to charge the payment method and create a
 * payment. If the capture fails, you can attempt again on the same payment intent."
 *
 * Statuses: `requires_payment_method` when created (the samples), `pending` once a payment method
 * is attached (inferred: "can be updated if the payment intent status is requires_payment_method
 * or pending"), `succeeded` once captured. No documented operation leads to `requires_capture` or
 * `canceled`, so the sandbox never produces them.
 */
import { newId } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { requireEnabled, visible } from './auth.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { charge, checkAmount } from './payments.js';
import { resolveMethod } from './payment-methods.js';
import { iso, type JustifiState } from './state.js';
import type { PaymentIntent, PaymentMethodInput } from './types.js';

function findIntent(state: JustifiState, ctx: HandlerContext, id: string): PaymentIntent {
  const entry = state.intents.find(id);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'payment_intent_not_found', `Payment intent not found: ${id}`);
  return entry.value;
}

const emit = (ctx: HandlerContext, name: string, intent: PaymentIntent) => ctx.events.emit({ api: 'justifi-v1', name, scope: intent.account_id!, data: intent });
const respond = (status: number, intent: PaymentIntent) => one(status, 'payment_intent', intent.id, intent);

/** "payment_intent_unexpected_state: You cannot provide a new payment method to a PaymentIntent when it has a status of requires_capture, canceled, or succeeded" */
function assertChangeable(intent: PaymentIntent, what: string): void {
  if (intent.status !== 'requires_payment_method' && intent.status !== 'pending') {
    throw new JustifiError(422, 'payment_intent_unexpected_state', `You cannot change the ${what} of a PaymentIntent when it has a status of ${intent.status} (only requires_payment_method or pending)`);
  }
}

export const paymentIntentRules = {
  createPaymentIntent(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    requireEnabled(state, ctx.scope);
    const body = req.body as { amount: number; currency: 'usd'; description?: string; metadata?: Record<string, unknown> };
    checkAmount(body.amount);
    const created_at = iso(ctx.clock.now());
    const intent: PaymentIntent = { id: newId('pi'), account_id: ctx.scope, amount: body.amount, currency: 'usd', description: body.description ?? null, metadata: body.metadata ?? {}, payment_method: null, status: 'requires_payment_method', created_at, updated_at: created_at };
    state.intents.insert(ctx.scope, intent);
    emit(ctx, 'payment_intent.created', intent);
    return respond(201, intent);
  },

  listPaymentIntents(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return page(state.intents.entries(ctx.scope), req.query, ctx, state.intents.seqOf);
  },

  getPaymentIntent(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return respond(200, findIntent(state, ctx, req.params.id!));
  },

  /** "Change a payment intent's description or metadata; attach a payment method." */
  updatePaymentIntent(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const intent = findIntent(state, ctx, req.params.id!);
    const body = (req.body ?? {}) as { description?: string; metadata?: Record<string, unknown>; amount?: number; payment_method?: PaymentMethodInput };
    if (body.amount !== undefined) {
      assertChangeable(intent, 'amount');
      checkAmount(body.amount);
    }
    if (body.payment_method !== undefined) assertChangeable(intent, 'payment method');
    const method = body.payment_method !== undefined ? resolveMethod(state, ctx, intent.account_id!, body.payment_method) : undefined;
    if (body.amount !== undefined) intent.amount = body.amount;
    if (body.description !== undefined) intent.description = body.description;
    if (body.metadata !== undefined) intent.metadata = body.metadata;
    intent.updated_at = iso(ctx.clock.now());
    if (method) {
      state.intentMethods.set(intent.id, method.id);
      intent.payment_method = method.method;
      intent.status = 'pending';
      emit(ctx, 'payment_intent.attached', intent);
    }
    return respond(200, intent);
  },

  /** "Capturing a payment intent lets JustiFi know you intend to process a payment. JustiFi will charge the attached payment method and create a payment." */
  capturePaymentIntent(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const intent = findIntent(state, ctx, req.params.id!);
    // "payment_intent_cannot_be_captured: Payment Intent status is '%{status}' so it cannot be captured"
    if (intent.status !== 'requires_payment_method' && intent.status !== 'pending') {
      throw new JustifiError(422, 'payment_intent_cannot_be_captured', `Payment Intent status is '${intent.status}' so it cannot be captured`);
    }
    requireEnabled(state, intent.account_id!);
    const given = (req.body as { payment_method?: PaymentMethodInput } | undefined)?.payment_method;
    const attached = state.intentMethods.get(intent.id);
    const method = given ? resolveMethod(state, ctx, intent.account_id!, given) : attached ? state.methods.find(attached)!.value : undefined;
    if (!method) throw new JustifiError(422, 'payment_method_required', 'Missing required parameter: payment_method (attach one with an update, or send it with the capture)');
    try {
      charge(state, ctx, intent.account_id!, method, { amount: intent.amount, capture_strategy: 'automatic', description: intent.description ?? undefined, metadata: intent.metadata, payment_intent_id: intent.id });
    } catch (error) {
      // "If the capture fails, you can attempt again on the same payment intent": back to needing a payment method.
      if (error instanceof JustifiError && error.status === 402) {
        state.intentMethods.delete(intent.id);
        Object.assign(intent, { status: 'requires_payment_method', payment_method: null, updated_at: iso(ctx.clock.now()) });
      }
      throw error;
    }
    state.intentMethods.set(intent.id, method.id);
    Object.assign(intent, { status: 'succeeded', payment_method: method.method, updated_at: iso(ctx.clock.now()) });
    emit(ctx, 'payment_intent.succeeded', intent);
    for (const session of state.checkoutSessions.values()) {
      if (session.paymentIntentId === intent.id && !session.completed && ctx.clock.now() < session.expiresAt) {
        session.completed = true;
        ctx.events.emit({ api: 'justifi-v1', name: 'checkout.completed', scope: intent.account_id!, data: { checkout_session_id: session.id } });
      }
    }
    return respond(201, intent);
  },

  /** "Get information about the payments associated with a payment intent." */
  listPaymentIntentPayments(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const intent = findIntent(state, ctx, req.params.id!);
    return page(state.payments.entries(intent.account_id!, (p) => p.payment_intent_id === intent.id), req.query, ctx, state.payments.seqOf);
  },
};
