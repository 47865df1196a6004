/**
 * Fixtures: what the Payments API cannot create through its own operations. Payment methods are
 * tokenized by the vendor's JS SDK with the public key, which the sandbox does not serve, so every
 * partner starts with these stored methods; the processing plan and checkout branding are account
 * configuration. All of it is inferred (the seed documents no test cards for this API) and listed
 * in README.md.
 */
import type { PaymentMethod, ProcessingPlan } from './model.js';

/** What a payment with a fixture method does. */
export type FixtureOutcome = 'approve' | 'decline' | 'dispute';

interface FixtureMethod {
  id: string;
  outcome: FixtureOutcome;
  type: 'card' | 'bank';
  card?: { brand: string; last4: string; name: string };
  bank?: { bank_name: string; last4: string; account_type: 'checking' | 'savings' };
}

const fixtures: FixtureMethod[] = [
  { id: 'pm_card_visa', outcome: 'approve', type: 'card', card: { brand: 'visa', last4: '4242', name: 'Sylvia Fowles' } },
  { id: 'pm_card_mastercard', outcome: 'approve', type: 'card', card: { brand: 'mastercard', last4: '4444', name: 'Sylvia Fowles' } },
  { id: 'pm_card_amex', outcome: 'approve', type: 'card', card: { brand: 'amex', last4: '8431', name: 'Sylvia Fowles' } },
  { id: 'pm_card_declined', outcome: 'decline', type: 'card', card: { brand: 'visa', last4: '0002', name: 'Sylvia Fowles' } },
  { id: 'pm_card_disputed', outcome: 'dispute', type: 'card', card: { brand: 'visa', last4: '0259', name: 'Sylvia Fowles' } },
  { id: 'pm_bank_checking', outcome: 'approve', type: 'bank', bank: { bank_name: 'Sandbox Bank', last4: '6789', account_type: 'checking' } },
];

/** The outcome of paying with a method: fixtures as listed, any other (external) method approves. */
export function outcomeOf(paymentMethodId: string): FixtureOutcome {
  return fixtures.find((f) => f.id === paymentMethodId)?.outcome ?? 'approve';
}

/** Fresh copies of the fixture methods for a new partner (each partner may update its own). */
export function fixturePaymentMethods(nowIso: string): PaymentMethod[] {
  return fixtures.map((f) => ({
    id: f.id,
    entity: 'payment_method',
    created_at: nowIso,
    updated_at: nowIso,
    payment_method_type: f.type,
    source_type: 'cardpointe',
    billing_details: {
      name: f.card?.name ?? 'Sylvia Fowles',
      email: 'sylvia@example.com',
      phone: '+15555550100',
      address: { line1: '123 Main St', line2: null, city: 'Minneapolis', state: 'MN', postal_code: '55401', country: 'US' },
    },
    single_use_token: false,
    signature: null,
    ...(f.card ? { card: { name: f.card.name, brand: f.card.brand, acct_last_four: f.card.last4, month: '12', year: '2040', token: `tok_${f.id.slice(3)}` } } : {}),
    ...(f.bank
      ? {
          bank: {
            account_owner_name: 'Sylvia Fowles',
            account_owner_type: 'individual',
            account_type: f.bank.account_type,
            bank_name: f.bank.bank_name,
            routing_number: '110000000',
            account_number_last4: f.bank.last4,
            country: 'US',
            currency: 'USD',
          },
        }
      : {}),
  }));
}

/**
 * The processing plan every sandbox account has (getPartnerProcessingPlan). Its fees are the ones
 * the ledger charges on each capture (ledger.ts), so the plan and the fee transactions agree.
 */
export function processingPlanFor(accountId: string): ProcessingPlan {
  return {
    id: `plan_${accountId}`,
    plan_type: 'FLAT_RATE',
    effective_date: '2024-01-01',
    accepted_cards: ['visa', 'mastercard', 'amex', 'discover'],
    auth_fee: { percentage: 0, fixed: 0 },
    fees: { card: { percentage: 2.9, fixed: 30 }, amex: { percentage: 3.5, fixed: 30 }, bank: { percentage: 0.8, fixed: 0 } },
    fees_paid_by_partner: { card: { percentage: 0, fixed: 0 }, bank: { percentage: 0, fixed: 0 } },
    partner_pays_chargeback_amount: false,
    comment: 'Payments sandbox fixture plan: the fees the sandbox ledger charges.',
    interchange_cost: 'GROSS',
    bank_processing_plan_settings: { fee: { percentage: 0.8, fixed: 0 }, return_fee: 500, max_fee: 500 },
  };
}

/** Branding of the hosted checkout page (getCheckoutSessionDetails). */
export const checkoutBranding = {
  business_name: 'Payments Sandbox Store',
  logo_url: null,
  primary_color: '#1f6feb',
  secondary_color: '#ffffff',
  support_email: 'support@example.com',
};
