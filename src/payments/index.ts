/**
 * `payments-sdk/payments`: the Payments API v1.3.0 client.
 *
 * ```ts
 * const pay = createPaymentsClient({ apiKey, accountId });
 * const intent = await pay.paymentIntents.create({ amount: 1000, currency: 'USD', … });
 * for await (const t of pay.transactions.list({ limit: 50 })) { … }
 * ```
 */
export { createPaymentsClient, paymentsEnvironments, type PaymentsClient, type PaymentsClientOptions } from './client.js';
export type { PaymentsRequestOptions } from './context.js';
export { verifyPaymentsWebhook, type PaymentsWebhookEvent, type PaymentsWebhookResource } from './webhooks.js';
export type { components as PaymentsComponents, operations as PaymentsOperations, paths as PaymentsPaths } from '../../generated/payments-v1.3.js';
export * from '../core/index.js';
