/**
 * The Payments API v1.3.0 sandbox: `createPaymentsApi` builds the definition the core serves
 * (sandbox/core/types.ts). Auth and scope are in auth.ts, idempotency in idempotency.ts, the error
 * body in errors.ts, and each resource's rules in its own file; README.md lists every rule with
 * the seed sentence it implements and the test that proves it.
 */
import type { ApiDefinition, ApiFactory, OperationHandler } from '../core/types.js';
import { authenticatePayments } from './auth.js';
import { paymentsError } from './errors.js';
import { paymentsIdempotency } from './idempotency.js';

/** Builds a Payments API definition with its own, empty in-memory state. */
export const createPaymentsApi: ApiFactory = (_options) => {
  const handlers: Record<string, OperationHandler> = {};
  const definition: ApiDefinition = {
    name: 'payments-v1.3',
    title: 'Payments API v1.3.0 sandbox',
    bundle: 'generated/payments-v1.3.yaml',
    handlers,
    authenticate: authenticatePayments,
    idempotency: paymentsIdempotency,
    errorResponse: (status, code, message) => paymentsError(status, code, message),
    validationError: (problems) =>
      paymentsError(
        400,
        'validation_error',
        'One or more arguments are invalid.',
        problems.map((p) => ({ argument: p.field, message: p.missing ? `${p.field} is required` : `${p.field} ${p.rule}` })),
      ),
  };
  return definition;
};
