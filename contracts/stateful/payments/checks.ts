/**
 * How the Payments API commands compare an answer with the model: an intent, a payment or a refund
 * field by field, and a predicted refusal. Each mismatch names the rule it breaks.
 */
import { expectError, rule, sharedRules } from '../core/rules.js';
import { type Outcome, RuleViolation } from '../core/types.js';
import { movesTo, type IntentStatus, type ModelIntent, type ModelPayment, type ModelRefund, type PaymentIntent, type PaymentsModel } from './model.js';

/** API-specific rules, each a sentence of what the API documents (or the sandbox infers, README.md). */
export const paymentsRules = {
  amountsFollow: 'a payment intent\'s amounts follow its payments, captures and refunds',
  invalidAmount: 'an amount that is not an integer >= 0 is refused and creates nothing',
  balances: 'balances are what was captured, less fees, refunds and disputes, pending until settled',
} as const;

/** What the model predicts a refused call answers, and the rule a success would break. */
export interface Refusal {
  status: number;
  code: string;
  rule: string;
}

export const refusal = (status: number, code: string, ruleName: string = sharedRules.documentedStatus): Refusal => ({ status, code, rule: ruleName });

/**
 * Checks a predicted refusal; `context` says what the model knew (shown on a failure). The codes
 * are the sandbox's inferred ones (README.md "Inferred"), so against an external target only the
 * status is held to.
 */
export function expectRefusal(m: PaymentsModel, outcome: Outcome, expected: Refusal, context: string): void {
  try {
    expectError(expected.rule, outcome, { status: expected.status, code: m.exact ? expected.code : undefined });
  } catch (error) {
    if (error instanceof RuleViolation) throw new RuleViolation(error.rule, `${context}: ${error.detail}`);
    throw error;
  }
}

const mismatch = (what: string, field: string, want: unknown, got: unknown) => () => `${what}.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;

/**
 * The intent as the API shows it must be the model's. `from` is the status before the command (a
 * status outside the documented moves breaks `statusMoves`; a documented but unpredicted one,
 * `ruleName`).
 */
export function checkIntent(ruleName: string, data: PaymentIntent, intent: ModelIntent, from: IntentStatus = intent.status): void {
  const what = `intent#${intent.n} (${intent.id})`;
  rule(ruleName, data.id === intent.id, mismatch(what, 'id', intent.id, data.id));
  if (data.status !== intent.status) {
    rule(movesTo(from, data.status) ? ruleName : sharedRules.statusMoves, false, () => `${what} went from ${from} to ${data.status}; expected ${intent.status}`);
  }
  rule(sharedRules.refundLimit, (data.amount_refunded ?? 0) <= (data.amount_captured ?? 0), () => `${what} shows amount_refunded ${data.amount_refunded} of amount_captured ${data.amount_captured}`);
  const fields: [keyof PaymentIntent, unknown, string][] = [
    ['amount', intent.amount, ruleName],
    ['merchant_amount', intent.merchantAmount, ruleName],
    ['capture', intent.capture, ruleName],
    ['currency', 'USD', ruleName],
    ['account_id', intent.account, sharedRules.scoped],
    ['external', intent.external, ruleName],
    ['description', intent.description, ruleName],
    ['cancellation_reason', intent.cancellationReason, ruleName],
    ['amount_authorized', intent.authorized, paymentsRules.amountsFollow],
    ['amount_captured', intent.captured, paymentsRules.amountsFollow],
    ['amount_refunded', intent.refunded, paymentsRules.amountsFollow],
    ['amount_voided', intent.voided, paymentsRules.amountsFollow],
    ['amount_disputed', intent.disputed, paymentsRules.amountsFollow],
  ];
  for (const [field, want, name] of fields) rule(name, (data[field] ?? null) === want, mismatch(what, field, want, data[field]));
  rule(ruleName, JSON.stringify(data.payment_method_types ?? ['card', 'bank']) === JSON.stringify(intent.methodTypes), mismatch(what, 'payment_method_types', intent.methodTypes, data.payment_method_types));
  const latest = intent.payments.at(-1);
  const shown = data.latest_payment as { id?: string; status?: string } | null | undefined;
  rule(ruleName, (shown?.id ?? null) === (latest?.id ?? null), mismatch(what, 'latest_payment.id', latest?.id ?? null, shown?.id ?? null));
  if (latest) rule(ruleName, shown?.status === latest.status, mismatch(what, 'latest_payment.status', latest.status, shown?.status));
}

/** A payment as the API shows it must be the model's. */
export function checkPayment(ruleName: string, data: Record<string, unknown>, payment: ModelPayment, intent: ModelIntent): void {
  const what = `payment ${payment.id} of intent#${intent.n}`;
  const fields: [string, unknown, string][] = [
    ['id', payment.id, ruleName],
    ['status', payment.status, ruleName],
    ['amount', payment.amount, ruleName],
    ['payment_intent_id', intent.id, ruleName],
    ['payment_method_id', payment.method.id, ruleName],
    ['account_id', intent.account, sharedRules.scoped],
    ['external', intent.external, ruleName],
    ['amount_authorized', payment.authorized, paymentsRules.amountsFollow],
    ['amount_captured', payment.captured, paymentsRules.amountsFollow],
    ['amount_refunded', payment.refunded, paymentsRules.amountsFollow],
  ];
  rule(sharedRules.refundLimit, Number(data.amount_refunded ?? 0) <= Number(data.amount_captured ?? 0), () => `${what} shows amount_refunded ${String(data.amount_refunded)} of amount_captured ${String(data.amount_captured)}`);
  for (const [field, want, name] of fields) rule(name, (data[field] ?? null) === want, mismatch(what, field, want, data[field]));
}

/** A refund as the API shows it must be the model's (refunds succeed at once in the sandbox, inferred). */
export function checkRefund(ruleName: string, data: Record<string, unknown>, refund: ModelRefund, intent: ModelIntent): void {
  const what = `refund ${refund.id} of intent#${intent.n}`;
  const fields: [string, unknown][] = [['id', refund.id], ['amount', refund.amount], ['payment_id', refund.paymentId], ['status', 'succeeded'], ['account_id', intent.account], ['external', refund.external]];
  for (const [field, want] of fields) rule(ruleName, (data[field] ?? null) === want, mismatch(what, field, want, data[field]));
}
