/**
 * JustiFi's Idempotency-Key. "you MUST provide an Idempotency-Key header along with your request,
 * otherwise you'll receive an error" (on the operations whose spec declares the header); "If a
 * second request with same idempotent key is processed concurrently, it will result in a 409
 * error instead of double processing"; "If you POST the same request and Idempotency-Key again,
 * you'll get the response you originally received back"; "If you try the same Idempotency-Key
 * with different parameters, your request will error".
 *
 * Inferred: answers below 500 are kept (a 5XX "should be retried with the same exact parameters",
 * so it is not); keys are kept for 24 hours; any non-empty string is a key ("you may use any
 * string"). A replayed capture answers 200: "200: Payment with identical idempotency key was captured".
 */
import { loadSpec } from '../core/spec.js';
import type { IdempotencyPolicy } from '../core/types.js';
import { bundle, justifiError } from './errors.js';

const spec = loadSpec(bundle);
const keyed = new Map(spec.operations.flatMap((op) => op.parameters.filter((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key').map((p) => [op.operationId, p.required] as const)));

export const justifiIdempotency: IdempotencyPolicy = {
  header: 'Idempotency-Key',
  appliesTo: (operationId) => keyed.has(operationId),
  required: (operationId) => keyed.get(operationId) === true,
  minLength: 1,
  windowMs: 24 * 60 * 60 * 1000,
  stores: (status) => status < 500,
  reject(reason) {
    switch (reason) {
      case 'missing':
      case 'too_short':
        return justifiError(400, 'idempotency_key_required');
      case 'params_mismatch':
        return justifiError(422, 'idempotency_params_mismatch');
      case 'in_flight':
        return justifiError(409, 'idempotency_concurrent_request');
    }
  },
  replayStatus: (operationId, status) => (operationId === 'capturePayment' && status === 201 ? 200 : status),
};
