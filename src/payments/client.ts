/** `createPaymentsClient`: the Payments API v1.3.0 with auth, scoping, idempotency, retries and pagination. */
import { type Client, createClient } from '../core/openapi-fetch.js';
import { createCaller } from '../core/caller.js';
import { bindMethods } from '../core/operation-table.js';
import { RequestValidationError } from '../core/errors.js';
import { Secret, SecretScrubber } from '../core/redact.js';
import { type TransportClientOptions, transportOptionsFrom } from '../core/client-options.js';
import { assertHeader } from '../core/header-values.js';
import { createTransport } from '../core/transport.js';
import type { paths } from '../../generated/payments-v1.3.js';
import { type SdkResources as PaymentsResources, sdkMethods } from '../../generated/payments-v1.3.sdk.js';
import { createPaymentsSender, type PaymentsRequestOptions } from './context.js';
import { parsePaymentsError } from './errors.js';

export const paymentsEnvironments = {
  sandbox: 'https://api.sandbox.getfwd.com',
  production: 'https://api.getfwd.com',
} as const;

export interface PaymentsClientOptions extends TransportClientOptions {
  /** The `x-api-key` credential; never logged, never part of an error. */
  apiKey: string;
  /** Default `x-account-id`, sent on every operation that takes it. */
  accountId?: string | undefined;
  /** Default `x-business-id`, sent on every operation that takes it. */
  businessId?: string | undefined;
  /** Which server to use. Default `'sandbox'`. */
  environment?: keyof typeof paymentsEnvironments | undefined;
  /** Overrides `environment`, e.g. a Prism mock's root URL. */
  baseUrl?: string | undefined;
}

export type PaymentsClient = PaymentsResources & {
  readonly environment: keyof typeof paymentsEnvironments | 'custom';
  /** The typed openapi-fetch client underneath, with the same auth, idempotency and retry stack. */
  readonly raw: Client<paths>;
};

/**
 * Creates a Payments API client. Nothing is sent until the first call. Every option is checked here
 * (a `RequestValidationError` names the one that is wrong), and a browser page is refused unless
 * `dangerouslyAllowBrowser: true`: the API key would be readable there.
 */
export function createPaymentsClient(options: PaymentsClientOptions): PaymentsClient {
  const scrubber = new SecretScrubber();
  const shared = transportOptionsFrom(options ?? {}, scrubber, 'Payments API key');
  if (typeof options?.apiKey !== 'string' || options.apiKey.length === 0) {
    throw new RequestValidationError('apiKey', 'is required (a non-empty string)');
  }
  assertHeader('x-api-key', options.apiKey, 'apiKey');
  if (options.accountId !== undefined) assertHeader('x-account-id', options.accountId, 'accountId');
  if (options.businessId !== undefined) assertHeader('x-business-id', options.businessId, 'businessId');
  const environment = options.environment ?? 'sandbox';
  if (!(environment in paymentsEnvironments)) {
    throw new RequestValidationError('environment', `must be one of ${Object.keys(paymentsEnvironments).join(', ')}`);
  }
  const apiKey = new Secret(options.apiKey);
  scrubber.add(apiKey.reveal());
  const baseUrl = (options.baseUrl ?? paymentsEnvironments[environment]).replace(/\/+$/, '');
  // Writes by method; an operation declaring x-idempotency-key gets a key whatever its method.
  const writes = ['POST', 'PUT', 'PATCH'] as const;
  const idempotencyHeader = 'x-idempotency-key';

  const transport = createTransport({
    ...shared,
    idempotency: { header: idempotencyHeader, methods: writes },
    auth: {
      async apply(headers) {
        headers.set('x-api-key', apiKey.reveal());
      },
    },
  });
  const raw = createClient<paths>({ baseUrl, fetch: (request: Request) => transport(request) });

  const caller = createCaller<PaymentsRequestOptions>({
    raw,
    transport,
    idempotency: { header: idempotencyHeader, methods: writes, minLength: 10 },
    scopeHeaders: (o) => ({ 'x-account-id': o.accountId ?? options.accountId, 'x-business-id': o.businessId ?? options.businessId }),
    scopeHint: { 'x-account-id': '`accountId` in the client or call options', 'x-business-id': '`businessId` in the client or call options' },
    parseError: parsePaymentsError,
    unwrap: (body) => body,
    scrubber,
  });

  const client = bindMethods<PaymentsResources>(sdkMethods, createPaymentsSender(caller));
  return Object.defineProperties(client as PaymentsClient, {
    environment: { value: options.baseUrl ? 'custom' : environment, enumerable: true },
    raw: { value: raw, enumerable: false },
  });
}
