/** The Payments API objects the sandbox stores, typed from the generated spec (never by hand). */
import type { components, operations } from '../../generated/payments-v1.3.js';

type Schemas = components['schemas'];
export type PaymentIntent = Schemas['PaymentIntent'];
export type Payment = Schemas['Payment'];
export type Refund = Schemas['Refund'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type CheckoutSession = Schemas['CheckoutSession'];
export type Dispute = Schemas['Dispute'];
export type Transaction = Schemas['Transaction'];
export type Payout = Schemas['Payout'];
export type ProcessingPlan = Schemas['ProcessingPlan'];
export type TransactionSourceType = Schemas['TransactionSourceType'];

/** The JSON request body of an operation. */
export type BodyOf<K extends keyof operations> = operations[K] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
