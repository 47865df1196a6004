/**
 * `payments-sdk/justifi`: the JustiFi API v1 client.
 *
 * ```ts
 * const justifi = createJustifiClient({ clientId, clientSecret });
 * const payment = await justifi.payments.create({ amount: 1000, currency: 'usd', … });
 * for await (const p of justifi.payments.list({ limit: 100 })) { … }
 * ```
 */
export { createJustifiClient, defaultJustifiBaseUrl, type JustifiClient, type JustifiClientOptions } from './client.js';
export type { JustifiRequestOptions } from './context.js';
export type { JustifiApiError, JustifiErrorClass, JustifiErrorCode } from './errors.js';
// The core's error classes, typed with JustiFi's error codes (these names take precedence over `export *`).
export {
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  UnprocessableEntityError,
  UnreadableResponseError,
} from './errors.js';
export { hostedCheckoutUrl, hostedOnboardingUrl } from './hosted.js';
export { verifyJustifiWebhook, type JustifiWebhookEvent, type JustifiWebhookEventName } from './webhooks.js';
export { testBankAccounts, testCards, type TestBankAccount, type TestCard } from './test-cards.js';
export type { components as JustifiComponents, operations as JustifiOperations, paths as JustifiPaths } from '../../generated/justifi-v1.js';
export * from '../core/index.js';
