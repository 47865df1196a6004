/**
 * The Payments API v1.3.0 sandbox: `createPaymentsApi` builds the definition the core serves
 * (sandbox/core/types.ts). Auth and scope are in auth.ts and scope.ts, idempotency in
 * idempotency.ts, the error body in errors.ts, and each resource's rules in its own file;
 * README.md lists every rule with the seed sentence it implements and the test that proves it.
 */
// Every operation of the spec's paths (webhooks are events, not operations the sandbox answers).
import type { methodByOperationId } from '../../generated/payments-v1.3.sdk.js';
import type { ApiDefinition, ApiFactory, OperationHandler } from '../core/types.js';
import { accountRules, linkBusiness } from './accounts.js';
import { authenticatePayments } from './auth.js';
import { balanceRules } from './balances.js';
import { checkoutSessionRules } from './checkout-sessions.js';
import { runDue } from './clockwork.js';
import { rule, type Rule, type RuleContext } from './context.js';
import { disputeRules } from './disputes.js';
import { coreError, validationError } from './errors.js';
import { externalPaymentRules } from './external-payments.js';
import { externalRefundRules } from './external-refunds.js';
import { paymentsIdempotency } from './idempotency.js';
import { paymentIntentRules } from './payment-intents.js';
import { paymentMethodRules } from './payment-methods.js';
import { paymentRules } from './payments.js';
import { payoutRules } from './payouts.js';
import { refundRules } from './refunds.js';
import { createPaymentsState } from './state.js';
import { transactionRules } from './transactions.js';

/** Every operation of the bundle has a rule: the compiler checks the table is complete. */
const rules: Record<keyof typeof methodByOperationId, Rule> = {
  ...checkoutSessionRules,
  ...paymentIntentRules,
  ...paymentRules,
  ...refundRules,
  ...paymentMethodRules,
  ...externalPaymentRules,
  ...externalRefundRules,
  ...disputeRules,
  ...balanceRules,
  ...transactionRules,
  ...payoutRules,
  ...accountRules,
};

/** Builds a Payments API definition with its own, empty in-memory state. */
export const createPaymentsApi: ApiFactory = () => {
  const state = createPaymentsState();
  // Ahead of every rule: the account's business link, then what the sandbox clock made due.
  const before = (rc: RuleContext) => {
    linkBusiness(rc);
    runDue(rc);
  };
  const handlers: Record<string, OperationHandler> = Object.fromEntries(Object.entries(rules).map(([id, fn]) => [id, rule(state, before, fn)]));
  const definition: ApiDefinition = {
    name: 'payments-v1.3',
    title: 'Payments API v1.3.0 sandbox',
    bundle: 'generated/payments-v1.3.yaml',
    handlers,
    authenticate: authenticatePayments,
    idempotency: paymentsIdempotency,
    errorResponse: coreError,
    validationError,
  };
  return definition;
};
