/**
 * `x-api-key` and the scope headers. Seed: "You should pass the api key as the value to the
 * x-api-key header." and "you will be given 2 API keys, one public key and one private key. Use
 * the private key for all server to server communication. The public key is used for interfacing
 * wih the JS SDK."
 */
import { operations } from '../../generated/payments-v1.3.operations.js';
import type { ApiDefinition } from '../core/types.js';
import { invalidArgument, paymentsError } from './errors.js';
import { encodeScope, partnerOf } from './scope.js';

type OperationId = keyof typeof operations;

/**
 * Inferred: a key starting `pk_` is a public key. It may only do what the hosted checkout page
 * does with the JS SDK (read a session's details, pay it); anything else is a 403, the spec's
 * Forbidden "(or a public key was used for a private call)".
 */
export const publicKeyPrefix = 'pk_';
const publicOperations = new Set<string>(['getCheckoutSessionDetails', 'createCheckoutSessionPayment']);

function header(headers: Headers, name: string): string | undefined {
  const value = headers.get(name)?.trim();
  return value ? value : undefined;
}

export const authenticatePayments: ApiDefinition['authenticate'] = (req) => {
  const apiKey = header(req.headers, 'x-api-key');
  // Inferred: any non-empty key is valid in the sandbox (there is no key registry to check against).
  if (!apiKey) return { error: paymentsError(401, 'unauthorized', 'Invalid or missing API key: pass your private key in the x-api-key header.') };
  if (apiKey.startsWith(publicKeyPrefix) && !publicOperations.has(req.operationId)) {
    return { error: paymentsError(403, 'forbidden', `A public key (${publicKeyPrefix}…) may not call ${req.operationId}; use the private key for server-to-server calls.`) };
  }
  const account = header(req.headers, 'x-account-id');
  const op = operations[req.operationId as OperationId];
  // The spec's schema is a bare string, so an empty or blank value passes validation; it names no account.
  if (op?.headers['x-account-id' as never] === 'required' && !account) return { error: invalidArgument('x-account-id', 'x-account-id should not be empty') };
  if (op?.headers['x-business-id' as never] === 'required' && !header(req.headers, 'x-business-id')) {
    return { error: invalidArgument('x-business-id', 'x-business-id should not be empty') };
  }
  return { scope: encodeScope({ partner: partnerOf(apiKey), account, business: header(req.headers, 'x-business-id') }) };
};
