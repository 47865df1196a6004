/**
 * API-agnostic machinery shared by every adapter: errors, retries, idempotency, pagination,
 * redaction and logging. Nothing here knows a spec; `src/<api>/` configures it.
 */
export * from './errors.js';
export { ApiPromise, type ApiResult } from './api-promise.js';
export { Page, PagePromise, type PageLinks, type PageParams, type PagingStyle } from './pagination.js';
export type { LogEvent, Logger } from './logger.js';
export type { BackoffOptions } from './retry-policy.js';
export type { BaseRequestOptions } from './caller.js';
export type { TransportClientOptions } from './client-options.js';
export { WebhookVerificationError, type WebhookVerificationReason } from './webhook-error.js';
export type { WebhookBody, WebhookHeaders, WebhookVerifyOptions } from './webhooks.js';
export { sdkVersion } from './version.js';
