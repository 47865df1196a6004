/**
 * `payments-sdk`: both clients and the shared error classes.
 * Import `payments-sdk/justifi` or `payments-sdk/payments` to bundle just one API.
 */
export * from './core/index.js';
export { createJustifiClient, hostedCheckoutUrl, hostedOnboardingUrl, testBankAccounts, testCards } from './justifi/index.js';
export type { JustifiApiError, JustifiClient, JustifiClientOptions, JustifiErrorCode, JustifiRequestOptions, TestBankAccount, TestCard } from './justifi/index.js';
export { createPaymentsClient, paymentsEnvironments } from './payments/index.js';
export type { PaymentsClient, PaymentsClientOptions, PaymentsRequestOptions } from './payments/index.js';
