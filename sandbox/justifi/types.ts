/** The JustiFi objects the sandbox stores and returns, typed from the generated spec types (so they cannot drift from it). */
import type { components } from '../../generated/justifi-v1.js';

type S = components['schemas'];
export type Payment = S['Payment'] & { id: string; created_at: string };
export type Refund = S['Refund'] & { id: string; payment_id: string; amount: number; created_at: string };
export type Dispute = S['Dispute'] & { id: string; payment_id: string; created_at: string };
export type PaymentIntent = S['PaymentIntent'] & { created_at: string };
export type PaymentMethod = S['PaymentMethod'];
export type CardDetails = S['CardDetails'];
export type BankAccountDetails = S['BankAccountDetails'];
export type SubAccount = S['SubAccount'] & { id: string; name: string; created_at: string };
export type OnboardingEntry = S['OnboardingEntry'] & { id: string; created_at: string };
export type Payout = S['Payout'] & { id: string; account_id: string; amount: number; created_at: string };
export type BalanceTransaction = S['BalanceTransaction'] & { id: string; payment_id: string; amount: number; created_at: string };
export type ErrorCode = S['ErrorCode'];
export type AccountStatus = S['AccountStatus'];
export type CreateCard = S['CreateCard'];
export type CreateBankAccount = S['CreateBankAccount'];
export type PaymentMethodInput = S['PaymentMethodInput'];
