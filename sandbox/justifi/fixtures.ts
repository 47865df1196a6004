/**
 * The seeded fixture. Disputes are the one thing the API reports that nothing in it can cause ("A
 * customer may dispute their payment with the card issuer/bank"), so every platform account starts,
 * when its first token is issued, with two card payments made the day before, each disputed:
 *
 * | payment | amount | dispute status | reason |
 * | --- | --- | --- | --- |
 * | Visa 4242, "Fixture: disputed order 1001" | $25.00 | `needs_response` | `fraudulent` |
 * | Mastercard 4444, "Fixture: disputed order 1002" | $40.00 | `under_review` | `product_not_received` |
 *
 * Their balance transactions (charge, fee, dispute, $15.00 dispute fee, inferred) are recorded like
 * any other, so the day's payout derives from them too. Seeding emits no events: it is the state the
 * account starts in, not something that happens while the sandbox runs.
 */
import { newId } from '../core/ids.js';
import { signatureOf } from './cards.js';
import { feeFor, recordCharge, recordDispute } from './ledger.js';
import { iso, type JustifiState } from './state.js';
import type { Dispute, Payment } from './types.js';

const disputeFee = 1500;

const seeds = [
  { number: '4242424242424242', brand: 'visa', amount: 2500, description: 'Fixture: disputed order 1001', status: 'needs_response', reason: 'fraudulent' },
  { number: '5555555555554444', brand: 'mastercard', amount: 4000, description: 'Fixture: disputed order 1002', status: 'under_review', reason: 'product_not_received' },
] as const;

export function seedFixtures(state: JustifiState, platformId: string, now: number): void {
  const at = now - 24 * 60 * 60 * 1000;
  seeds.forEach((seed, i) => {
    const when = at + i * 60_000;
    const created_at = iso(when);
    const pm = newId('pm');
    const card = { id: pm, token: pm, acct_last_four: seed.number.slice(-4), brand: seed.brand, name: 'Fixture Cardholder', month: '12', year: '2040', address_line1_check: 'unchecked', address_postal_code_check: 'pass', metadata: {}, created_at, updated_at: created_at };
    const method = { card, customer_id: null, signature: signatureOf(`card:${seed.number}`) };
    state.methods.insert(platformId, { id: pm, created_at, kind: 'card', outcome: { kind: 'succeeds' }, method });
    const fee = feeFor(seed.amount, undefined);
    const payment: Payment = {
      id: newId('py'), account_id: platformId, amount: seed.amount, amount_disputed: seed.amount, amount_refundable: seed.amount, amount_refunded: 0,
      balance: seed.amount - fee - seed.amount - disputeFee, fee_amount: fee, application_fee_amount: null, application_fee: null, captured: true,
      capture_strategy: 'automatic', currency: 'usd', description: seed.description, email: 'fixture@example.com', disputed: true, disputes: [], refunded: false,
      refunds: [], error_code: null, error_description: null, financial_transaction_id: newId('ft'), is_test: true, metadata: { fixture: true },
      payment_intent_id: null, payment_method: method, status: 'disputed', created_at, updated_at: created_at,
    };
    state.payments.insert(platformId, payment);
    recordCharge(state, payment, when);
    const dispute: Dispute = { id: newId('dp'), amount: seed.amount, currency: 'usd', payment_id: payment.id, reason: seed.reason, status: seed.status, metadata: {}, created_at, updated_at: created_at };
    state.disputes.insert(platformId, dispute);
    payment.disputes = [dispute];
    recordDispute(state, payment, dispute.id, seed.amount, disputeFee, when);
  });
}
