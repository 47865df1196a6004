/**
 * Payments on an intent: pay it with a stored method (seed "Create a payment", `payment_method_id`
 * required) and list its payments (seed "Fetch list of payments for a payment intent"). The
 * methods are the sandbox's fixtures (model.ts), so paying is local only.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { checkIntent, checkPayment, expectRefusal, refusal } from './checks.js';
import { gatewayRefusal } from './intents.js';
import { sendKeyed } from './keyed.js';
import { methodRules } from './methods.js';
import { fixtureMethods, fixtureReason, recordCapture, scopeOf, stateOf, type ModelIntent, type ModelPayment, type ModelSession, type Payment, type PaymentsModel } from './model.js';
import { command, hasIntent, intentPick, pageSize, pickIntent, pickText, rarely } from './picks.js';

export type PayBody = { payment_method_id: string; cvv2?: string };

/**
 * Pays an intent once. Inferred (sandbox/payments/README.md): only a `created` or `failed` intent
 * can be paid; an approval is captured at once (capture: true) or authorized; a decline fails the
 * payment and the intent; `pm_card_disputed` is disputed for its full amount when it is captured.
 * With `session`, the payment is made through that checkout session (checkoutSessions.createPayment).
 */
export async function performPay(m: PaymentsModel, r: Real, intent: ModelIntent, body: PayBody, key: string, session?: ModelSession): Promise<void> {
  const outcome = await sendKeyed<Payment>(m, r, session ? 'sessionPay' : 'pay', intent, body, key, session);
  const method = fixtureMethods.find((f) => f.id === body.payment_method_id)!;
  // Inferred (checkout-sessions.ts): a completed or expired session is final, and takes no payment.
  if (session && session.status !== 'open') return expectRefusal(m, outcome, refusal(409, `checkout_session_${session.status}`, sharedRules.statusMoves), `session#${session.n} is ${session.status}`);
  const external = gatewayRefusal(intent, false);
  if (external) return expectRefusal(m, outcome, external, stateOf(intent));
  if (intent.status !== 'created' && intent.status !== 'failed') return expectRefusal(m, outcome, refusal(422, 'payment_intent_unexpected_state', sharedRules.statusMoves), stateOf(intent));
  if (!intent.methodTypes.includes(method.type)) return expectRefusal(m, outcome, refusal(422, 'payment_method_type_not_allowed'), stateOf(intent));
  expectOk(sharedRules.documentedStatus, outcome, 201);
  const from = intent.status;
  const approved = method.outcome !== 'decline';
  const captured = approved && intent.capture;
  const payment: ModelPayment = {
    id: outcome.data.id,
    method,
    status: !approved ? 'failed' : captured ? 'captured' : 'uncaptured',
    amount: intent.amount,
    authorized: approved ? intent.amount : 0,
    captured: captured ? intent.amount : 0,
    refunded: 0,
    data: outcome.data,
  };
  intent.payments.push(payment);
  Object.assign(intent, { status: payment.status, authorized: payment.authorized, captured: payment.captured });
  if (captured) recordCapture(m, intent, payment, payment.captured);
  if (captured && method.outcome === 'dispute') {
    intent.disputed = payment.captured;
    m.ledger.push({ account: intent.account, type: 'dispute', source: String(outcome.data.dispute_id), amount: -payment.captured });
    rule(sharedRules.documentedStatus, outcome.data.disputed === true && typeof outcome.data.dispute_id === 'string', () => `payment ${payment.id} with ${method.id} shows disputed ${outcome.data.disputed}, dispute_id ${outcome.data.dispute_id}`);
    m.disputes.push({ id: String(outcome.data.dispute_id), account: intent.account, intent: intent.n, paymentId: payment.id, amount: payment.captured });
  }
  checkPayment(sharedRules.documentedStatus, outcome.data as Record<string, unknown>, payment, intent);
  if (m.billing.has(method.id)) {
    const want = m.billing.get(method.id);
    rule(methodRules.detailsReplaced, isDeepStrictEqual(outcome.data.billing_details, want), () => `payment ${payment.id} with ${method.id} shows billing_details ${JSON.stringify(outcome.data.billing_details)}; the method was updated to ${JSON.stringify(want)}`);
  }
  // The intent moved with its payment: read it back (one request) so a move the answer hides is seen.
  const read = await r.call('paymentIntents.get', [intent.id], scopeOf(m, intent.account));
  expectOk(sharedRules.retrievable, read, 200);
  checkIntent(sharedRules.documentedStatus, read.data, intent, from);
}

/** Walks every page of an intent's payments: exactly the model's payments of it, each once. */
async function listPayments(m: PaymentsModel, r: Real, intent: ModelIntent, limit: number): Promise<void> {
  // The spec gives this list no x-account-id: the intent is found among every account of the key.
  const outcome = await r.list<Payment>('paymentIntents.listPayments', [intent.id, { limit }]);
  expectOk(sharedRules.listedOnce, outcome);
  const ids = outcome.items.map((p) => p.id);
  const want = intent.payments.map((p) => p.id);
  rule(sharedRules.listedOnce, ids.length === want.length && want.every((id) => ids.includes(id)), () => `payments of intent#${intent.n} over ${outcome.pages} pages of ${limit}: expected ${want.join(', ') || 'none'}, got ${ids.join(', ') || 'none'}`);
  for (const item of outcome.items) checkPayment(sharedRules.retrievable, item as Record<string, unknown>, intent.payments.find((p) => p.id === item.id)!, intent);
}

const payable = (i: ModelIntent) => !i.external && (i.status === 'created' || i.status === 'failed');

export function paymentCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'pay a payment intent (every fixture method: approved, declined, disputed, bank)',
      write: true,
      weight: 6,
      localOnly: fixtureReason,
      arbitrary: fc.record({ pick: intentPick, method: fc.oneof({ weight: 3, arbitrary: fc.constant('pm_card_visa') }, fc.constant('pm_card_disputed'), { weight: 2, arbitrary: fc.constantFrom(...fixtureMethods.map((f) => f.id)) }), cvv2: rarely(fc.constant('123')) }).map(({ pick, method, cvv2 }) => {
        const body: PayBody = cvv2 ? { payment_method_id: method, cvv2 } : { payment_method_id: method };
        return command(`pay(${pickText(pick, 'payable')}, ${method}${cvv2 ? ', cvv2' : ''})`, hasIntent, (m, r) => performPay(m, r, pickIntent(m, pick, payable), body, r.key()));
      }),
    },
    {
      name: 'list the payments of a payment intent (every page, limit 1-5)',
      write: false,
      arbitrary: fc.record({ pick: intentPick, limit: pageSize }).map(({ pick, limit }) =>
        command(`listPayments(${pickText(pick)}, limit ${limit})`, hasIntent, (m, r) => listPayments(m, r, pickIntent(m, pick), limit))),
    },
  ];
}
