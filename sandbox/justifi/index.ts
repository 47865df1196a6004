/**
 * The JustiFi API v1 sandbox: `createJustifiApi` builds the definition the core serves. Auth and
 * scope: auth.ts; idempotency: idempotency.ts; error body: errors.ts; one file per resource's
 * rules; what the API reports but cannot create: ledger.ts (derived) and fixtures.ts (seeded).
 */
import type { ApiFactory, EventBus, HandlerContext, OperationHandler, OperationRequest, OperationResponse } from '../core/types.js';
// Every operation of the spec's paths (webhooks are events, not operations the sandbox answers).
import type { methodByOperationId } from '../../generated/justifi-v1.sdk.js';
import { authenticate, createAccessToken } from './auth.js';
import { checkoutSessionRules } from './checkout-sessions.js';
import { disputeRules } from './disputes.js';
import { bundle, errorResponse, JustifiError, validationError } from './errors.js';
import { justifiIdempotency } from './idempotency.js';
import { runPayouts } from './ledger.js';
import { paymentIntentRules } from './payment-intents.js';
import { paymentMethodRules } from './payment-methods.js';
import { paymentRules, settlePayments } from './payments.js';
import { payoutRules } from './payouts.js';
import { refundRules } from './refunds.js';
import { createJustifiState, type JustifiState } from './state.js';
import { completeReviews, subAccountRules } from './sub-accounts.js';

type Rule = (state: JustifiState, req: OperationRequest, ctx: HandlerContext) => OperationResponse;

/** Every operation of the bundle has a rule: the compiler checks the table is complete. */
const rules: Record<keyof typeof methodByOperationId, Rule> = {
  createAccessToken,
  ...subAccountRules,
  ...paymentRules,
  ...refundRules,
  ...paymentIntentRules,
  ...paymentMethodRules,
  ...checkoutSessionRules,
  ...disputeRules,
  ...payoutRules,
};

/** Builds a JustiFi API v1 sandbox with its own, empty state. */
export const createJustifiApi: ApiFactory = (options) => {
  const state = createJustifiState(options);
  // Every event names the platform of its account (the webhook envelope's `platform_account_id`).
  const withPlatform = (bus: EventBus): EventBus => ({ emit: (e) => bus.emit({ ...e, platform: e.platform ?? state.platformOf.get(e.scope) }), subscribe: (l) => bus.subscribe(l) });
  const events = withPlatform(options.events);
  const handlers: Record<string, OperationHandler> = {};
  for (const [id, rule] of Object.entries(rules)) {
    handlers[id] = (req, ctx) => {
      try {
        return rule(state, req, { ...ctx, events: withPlatform(ctx.events) });
      } catch (error) {
        if (error instanceof JustifiError) return error.response;
        throw error;
      }
    };
  }
  return {
    name: 'justifi-v1',
    title: 'JustiFi API v1 sandbox',
    bundle,
    handlers,
    authenticate: (req, base) => authenticate(state, req, base),
    idempotency: justifiIdempotency,
    errorResponse,
    validationError,
    // "If the limit value is an invalid type, the default value of 25 is used."
    lenientQuery: ['limit'],
    beforeRequest(now) {
      if (now < state.nextDue) return;
      state.nextDue = Number.POSITIVE_INFINITY;
      settlePayments(state, now, events);
      completeReviews(state, now, events);
      runPayouts(state, now, events);
    },
  };
};
