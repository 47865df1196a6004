/**
 * Webhook delivery for the sandbox: subscribes to the sandbox's `EventBus` (sandbox/core/types.ts)
 * and posts each event signed the way JustiFi or the Payments API would. `startSandbox({ webhooks })`
 * (sandbox/index.ts) and `npm run sandbox -- --webhook-url …` switch it on.
 *
 * - delivery.ts: `createWebhookDelivery`, envelope → spec check → sign → post → retry.
 * - envelopes.ts, payload-schemas.ts, signing.ts: one step each.
 * - cli.ts: the `--webhook-*` flags, the lines the sandbox CLI prints at start and per delivery.
 * - receiver.ts: a local endpoint that verifies with the SDK (for `npm start` and tests).
 */
export { createWebhookDelivery, type WebhookAttempt, type WebhookDelivery, type WebhookDeliveryOptions, type WebhookDeliveryRecord } from './delivery.js';
export { derivePaymentsWebhookSecret } from './signing.js';
export { describeDelivery, webhookArgOptions, webhookBanner, webhookOptionsFromArgs, type SandboxWebhookFlags, type WebhookArgValues } from './cli.js';
export { startWebhookReceiver, verifiedLine, type ReceivedWebhook, type WebhookReceiver } from './receiver.js';
