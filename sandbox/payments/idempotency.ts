/**
 * How the Payments API treats `x-idempotency-key`. The generic store (sandbox/core) keeps the
 * responses; this policy says which operations take a key, how long it lasts and what a refusal
 * looks like.
 */
import { loadSpec } from '../core/spec.js';
import type { IdempotencyPolicy } from '../core/types.js';
import { invalidArgument, paymentsError } from './errors.js';

const header = 'x-idempotency-key';
const spec = loadSpec('generated/payments-v1.3.yaml');

/**
 * Seed: "Idempotency is only supported for POST and PUT requests." The spec also lists the header
 * on updatePaymentIntent (a PATCH); the sandbox accepts it there (and checks its length, as the
 * header's schema says) but does not replay: a PATCH with a used key is applied again. (Inferred:
 * the seed's rule wins over the parameter list.)
 */
function takesKey(operationId: string): boolean {
  const op = spec.byId.get(operationId);
  return op !== undefined && op.parameters.some((p) => p.in === 'header' && p.name === header) && ['POST', 'PUT'].includes(op.method);
}

export const paymentsIdempotency: IdempotencyPolicy = {
  header,
  appliesTo: takesKey,
  // Seed: "To execute an idempotent request, include the idempotency key" — optional everywhere.
  required: () => false,
  // Seed: "a unique value of at least 10 characters".
  minLength: 10,
  // Seed: "Subsequent requests with the same key return the same result for a period of up to 1 hour."
  windowMs: 60 * 60 * 1000,
  // Seed: "saving the resulting status code and body of the first request ... for any successful request".
  stores: (status) => status >= 200 && status < 300,
  reject(reason) {
    switch (reason) {
      case 'too_short':
        return invalidArgument(header, `${header} must be longer than or equal to 10 characters`);
      case 'params_mismatch':
        // The spec's Conflict example (inferred there): code `idempotency_key_in_use`.
        return paymentsError(409, 'idempotency_key_in_use', 'This idempotency key was already used with different request parameters.', [], 'idempotency_error');
      case 'in_flight':
        // Inferred code: the spec's Conflict response covers "the first request with it is still being processed".
        return paymentsError(409, 'idempotency_request_in_progress', 'The first request with this idempotency key is still being processed; retry later.', [], 'idempotency_error');
      case 'missing':
        // Never required; kept for the policy's completeness.
        return invalidArgument(header, `${header} is required`);
    }
  },
};
