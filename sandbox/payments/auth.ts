/**
 * `x-api-key` and the scope headers. Seed: "You should pass the api key as the value to the
 * x-api-key header."
 *
 * Not modelled: the seed's public key ("The public key is used for interfacing wih the JS SDK").
 * The sandbox cannot tell a public key from a private one, so every key acts as a private key.
 */
import { loadSpec } from '../core/spec.js';
import type { ApiDefinition } from '../core/types.js';
import { invalidArgument, paymentsError } from './errors.js';
import { encodeScope, partnerOf } from './scope.js';

const spec = loadSpec('generated/payments-v1.3.yaml');

function header(headers: Headers, name: string): string | undefined {
  const value = headers.get(name)?.trim();
  return value ? value : undefined;
}

export const authenticatePayments: ApiDefinition['authenticate'] = (req) => {
  const apiKey = header(req.headers, 'x-api-key');
  // Inferred: any non-empty key is valid in the sandbox (there is no key registry to check against).
  if (!apiKey) return { error: paymentsError(401, 'unauthorized', 'Invalid or missing API key: pass your private key in the x-api-key header.') };
  const parameters = spec.byId.get(req.operationId)?.parameters ?? [];
  // An absent required header is the spec's to report (request validation); a blank one passes the
  // spec's bare `string` schema but names no account or business, so it is refused here.
  for (const name of ['x-account-id', 'x-business-id']) {
    if (parameters.some((p) => p.in === 'header' && p.name === name && p.required) && req.headers.has(name) && !header(req.headers, name)) return { error: invalidArgument(name, `${name} should not be empty`) };
  }
  const account = header(req.headers, 'x-account-id');
  return { scope: encodeScope({ partner: partnerOf(apiKey), account, business: header(req.headers, 'x-business-id') }) };
};
