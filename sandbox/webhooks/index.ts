/**
 * Webhook delivery for the sandbox: subscribes to the sandbox's `EventBus` (sandbox/core/types.ts)
 * and posts each event signed the way JustiFi or the Payments API would.
 *
 * - delivery.ts: `createWebhookDelivery`, envelope → spec check → sign → post → retry.
 * - envelopes.ts, payload-schemas.ts, signing.ts: one step each.
 * - cli.ts: the `--webhook-*` flags and the start-up wiring for the sandbox CLI.
 * - receiver.ts: a local endpoint that verifies with the SDK (for `npm start` and tests).
 */
export { createWebhookDelivery, type WebhookAttempt, type WebhookDelivery, type WebhookDeliveryOptions, type WebhookDeliveryRecord } from './delivery.js';
export { derivePaymentsWebhookSecret } from './signing.js';
export { describeDelivery, startSandboxWebhooks, webhookArgOptions, webhookOptionsFromArgs, type WebhookArgValues } from './cli.js';
export { startWebhookReceiver, verifiedLine, type ReceivedWebhook, type WebhookReceiver } from './receiver.js';
