/**
 * Payment methods: seed "Update payment method — billing_details required (address object, email,
 * name, phone)" and "Fetch payment method"; the spec: "Replaces the billing details of a payment
 * method". The next read shows exactly the details sent, and a later payment with the method
 * carries them. The methods are the sandbox's fixtures and those external payments recorded.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { fixtureMethods, type PaymentsModel } from './model.js';
import { command } from './picks.js';

export const methodRules = {
  detailsReplaced: 'an update replaces a payment method\'s billing details: reads and later payments show exactly what was sent',
} as const;

const address = { line1: '200 Oak Ave', city: 'Saint Paul', state: 'MN', postal_code: '55102', country: 'US' };

/** Billing details to send: a name alone, or with email, phone and address (each optional). */
const billingDetails = fc.record(
  { name: fc.constantFrom('Jane Doe', 'Sam Lee'), email: fc.constant('jane.doe@example.com'), phone: fc.constant('+16125550100'), address: fc.constantFrom(address, { ...address, line2: 'Suite 4' }) },
  { requiredKeys: ['name'] },
);

/** The fixture methods and every method an external payment recorded in the sequence. */
const methodIds = (m: Readonly<PaymentsModel>) => [...fixtureMethods.map((f) => f.id), ...m.intents.filter((i) => i.external).map((i) => i.payments[0]!.method.id)];

async function updateMethod(m: PaymentsModel, r: Real, id: string, drawn: Record<string, unknown>): Promise<void> {
  // As JSON (fast-check may draw records without a prototype, which a deep comparison would tell apart).
  const details = JSON.parse(JSON.stringify(drawn)) as Record<string, unknown>;
  // The spec gives neither operation x-account-id or x-idempotency-key (a PATCH is never replayed): a method belongs to the API key.
  const outcome = await r.call<{ id: string; billing_details?: unknown }>('paymentMethods.update', [id, { billing_details: details }]);
  expectOk(sharedRules.documentedStatus, outcome, 200);
  rule(methodRules.detailsReplaced, outcome.data.id === id && isDeepStrictEqual(outcome.data.billing_details, details), () => `update of ${id} answered ${outcome.data.id} with billing_details ${JSON.stringify(outcome.data.billing_details)}; sent ${JSON.stringify(details)}`);
  m.billing.set(id, details);
  const read = await r.call<{ billing_details?: unknown }>('paymentMethods.get', [id]);
  expectOk(sharedRules.retrievable, read, 200);
  rule(methodRules.detailsReplaced, isDeepStrictEqual(read.data.billing_details, details), () => `${id} reads back billing_details ${JSON.stringify(read.data.billing_details)}; updated to ${JSON.stringify(details)}`);
}

export function methodCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'update a payment method\'s billing details (read back)',
      write: true,
      localOnly: 'updates the sandbox\'s fixture payment methods (pm_card_visa, …); a vendor key has its own',
      arbitrary: fc.record({ pick: fc.nat({ max: 9 }), details: billingDetails }).map(({ pick, details }) =>
        command(`updateMethod(method#${pick}, ${JSON.stringify(details).slice(0, 60)})`, () => true, (m, r) => {
          const ids = methodIds(m);
          return updateMethod(m, r, ids[pick % ids.length]!, details);
        })),
    },
  ];
}
