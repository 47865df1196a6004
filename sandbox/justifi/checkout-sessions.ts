/**
 * Hosted checkout: "Create a checkout session which will be used to redirect your customer to the
 * JustiFi checkout page. This in includes the payment intent … At this point You have 24 hours to
 * complete the checkout." A session completes (checkout.completed) when its intent is captured
 * within those 24 hours (payment-intents.ts).
 */
import { newId } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { visible } from './auth.js';
import { one } from './envelope.js';
import { JustifiError } from './errors.js';
import type { JustifiState } from './state.js';

export const checkoutSessionRules = {
  createCheckoutSession(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const body = req.body as { payment_intent_id: string };
    const entry = state.intents.find(body.payment_intent_id);
    if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(422, 'payment_intent_not_found', `Payment intent not found: ${body.payment_intent_id}`);
    if (entry.value.status === 'succeeded') throw new JustifiError(422, 'payment_intent_unexpected_state', `Payment intent ${entry.value.id} is already succeeded: there is nothing to check out`);
    const id = newId('cs');
    state.checkoutSessions.set(id, { id, platformId: state.platformOf.get(entry.scope)!, paymentIntentId: entry.value.id, expiresAt: ctx.clock.now() + 24 * 60 * 60 * 1000, completed: false });
    const data = { checkout_session_id: id };
    ctx.events.emit({ api: 'justifi-v1', name: 'checkout.created', scope: entry.scope, data });
    return one(201, 'checkout_session', id, data);
  },
};
