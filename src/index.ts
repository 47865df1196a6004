/**
 * `payments-sdk`: both clients and the shared error classes.
 * Import `payments-sdk/justifi` or `payments-sdk/payments` to bundle just one API.
 */
export * from './core/index.js';
export { createJustifiClient, hostedCheckoutUrl, hostedOnboardingUrl, testBankAccounts, testCards, verifyJustifiWebhook } from './justifi/index.js';
export type { JustifiApiError, JustifiClient, JustifiClientOptions, JustifiErrorCode, JustifiRequestOptions, JustifiWebhookEvent, JustifiWebhookEventName, TestBankAccount, TestCard } from './justifi/index.js';
export { createPaymentsClient, paymentsEnvironments, verifyPaymentsWebhook } from './payments/index.js';
export type { PaymentsClient, PaymentsClientOptions, PaymentsRequestOptions, PaymentsWebhookEvent, PaymentsWebhookResource } from './payments/index.js';
