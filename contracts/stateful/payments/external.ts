/**
 * External payments and refunds: payments another gateway processed, recorded on the platform with
 * the gateway's raw answers. Seed "External Payments" ("Create Payment Intent — payment_intent,
 * payment_method, gateway_response required, card_present", "Cancel Payment Intent", "Capture
 * External Payment Intent — amount, gateway_capture_response required") and "External Refunds"
 * ("Create Refund — payment_intent_id required, refund_request, gateway_response required").
 *
 * Inferred (sandbox/payments/README.md, external-payments.ts): an external intent follows the
 * platform's capture, cancel and refund rules (refunds up to the captured amount), an approved
 * gateway answer is captured at once (capture: true) or authorized, a declined one fails the
 * payment; a gateway `amount` other than the intent's is refused; only the external operations act
 * on an external intent and the other way round; nothing of it reaches the ledger.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { checkIntent, checkPayment, expectRefusal, refusal } from './checks.js';
import { cancellable, gatewayRefusal, maxIntents, modelIntent, performCancel, performCapture, type CancelBody, type CaptureBody, type CreateBody } from './intents.js';
import { sendKeyed } from './keyed.js';
import { stateOf, type ModelIntent, type ModelPayment, type PaymentIntent, type PaymentsModel, type Refund } from './model.js';
import { amountText, command, hasIntent, intentPick, pickIntent, pickText, rarely, relativeAmount, resolveAmount } from './picks.js';
import { recordRefund, refundRefusal } from './refunds.js';

const externalReason = 'an external intent\'s states (an approved gateway answer captured or authorized, a declined one failed) and the refusal codes are the sandbox\'s inferred machine';

/** The seed's example method: a card tokenized at the other gateway. */
const externalCard = {
  payment_method_type: 'card',
  billing_details: { name: 'Jane Doe' },
  card: { name: 'Jane Doe', brand: 'mastercard', acct_last_four: '4444', month: '08', year: '2026' },
  external_id: 'gw_tok_83kd92',
};

export type ExternalCreateBody = {
  payment_intent: CreateBody;
  payment_method: typeof externalCard;
  gateway_response: { status: string; transaction_id: string; amount?: number };
  card_present?: boolean;
};

/** How the gateway answered: approved or declined, its amount the intent's, another, or left out. */
const gatewayAnswer = fc.record({
  status: fc.oneof({ weight: 4, arbitrary: fc.constant('approved') }, fc.constant('declined')),
  amount: fc.oneof({ weight: 2, arbitrary: fc.constant('same' as const) }, fc.constantFrom('none' as const, 'other' as const)),
});

const externalCreate = fc.record({
  amount: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 20_000 }) }, fc.constant(0)),
  capture: rarely(fc.boolean()),
  description: rarely(fc.constantFrom('in-store sale', 'phone order')),
  gateway: gatewayAnswer,
  cardPresent: rarely(fc.boolean()),
});

type ExternalCreate = typeof externalCreate extends fc.Arbitrary<infer T> ? T : never;

function createBody(r: Real, c: ExternalCreate): ExternalCreateBody {
  const intent: CreateBody = { amount: c.amount, ...(c.capture === undefined ? {} : { capture: c.capture }), ...(c.description ? { description: c.description } : {}) };
  const gatewayAmount = c.gateway.amount === 'same' ? c.amount : c.gateway.amount === 'other' ? c.amount + 1 : undefined;
  return {
    payment_intent: intent,
    payment_method: externalCard,
    gateway_response: { status: c.gateway.status, transaction_id: r.unique('gw'), ...(gatewayAmount === undefined ? {} : { amount: gatewayAmount }) },
    ...(c.cardPresent === undefined ? {} : { card_present: c.cardPresent }),
  };
}

/** Records an external payment of `account`: a new external intent with its one payment, already decided by the gateway. */
export async function performExternalCreate(m: PaymentsModel, r: Real, account: string, body: ExternalCreateBody, key: string): Promise<void> {
  const outcome = await sendKeyed<PaymentIntent>(m, r, 'externalCreate', account, body, key);
  const wanted = body.payment_intent.amount;
  if (body.gateway_response.amount !== undefined && body.gateway_response.amount !== wanted) {
    return expectRefusal(m, outcome, refusal(422, 'gateway_amount_mismatch'), `gateway amount ${body.gateway_response.amount}, intent amount ${wanted}`);
  }
  expectOk(sharedRules.documentedStatus, outcome, 201);
  const intent = modelIntent(m, account, body.payment_intent, outcome.data, true);
  rule(sharedRules.replayReturnsFirst, !m.intents.some((i) => i.id === intent.id), () => `a new external payment answered ${intent.id}, an intent the sequence already had`);
  const approved = body.gateway_response.status === 'approved';
  const captured = approved && intent.capture;
  const latest = outcome.data.latest_payment as { id?: unknown; payment_method_id?: unknown } | null | undefined;
  rule(sharedRules.documentedStatus, typeof latest?.id === 'string', () => `external intent ${intent.id} shows no latest_payment`);
  const payment: ModelPayment = {
    id: String(latest!.id),
    // The method is recorded from the request: its id comes from the answer, and it carries no platform fee.
    method: { id: String(latest!.payment_method_id), type: 'card', outcome: approved ? 'approve' : 'decline', fee: { percentage: 0, fixed: 0 } },
    status: !approved ? 'failed' : captured ? 'captured' : 'uncaptured',
    amount: wanted,
    authorized: approved ? wanted : 0,
    captured: captured ? wanted : 0,
    refunded: 0,
    data: latest as ModelPayment['data'],
  };
  intent.payments.push(payment);
  Object.assign(intent, { status: payment.status, authorized: payment.authorized, captured: payment.captured });
  checkIntent(sharedRules.documentedStatus, outcome.data, intent, 'created');
  checkPayment(sharedRules.documentedStatus, latest as Record<string, unknown>, payment, intent);
  m.intents.push(intent);
}

export type ExternalRefundBody = { payment_intent_id: string; refund_request?: { amount: number }; gateway_response: { status: string; transaction_id: string } };

/** Records a refund made at the gateway: refused unless the intent is external, captured, and has that much left to refund. */
export async function performExternalRefund(m: PaymentsModel, r: Real, intent: ModelIntent, body: ExternalRefundBody, key: string): Promise<void> {
  const outcome = await sendKeyed<Refund>(m, r, 'externalRefund', intent, body, key);
  const requested = body.refund_request?.amount;
  const refused = gatewayRefusal(intent, true) ?? refundRefusal(intent, requested);
  if (refused) return expectRefusal(m, outcome, refused, stateOf(intent));
  await recordRefund(m, r, intent, outcome, requested);
}

const externalOnes = (i: ModelIntent) => i.external;

export function externalCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'record an external payment (approved or declined by the gateway, its amount or another)',
      write: true,
      weight: 2,
      localOnly: externalReason,
      arbitrary: fc.record({ create: externalCreate, other: fc.nat({ max: 3 }) }).map(({ create, other }) =>
        command(`externalPayment(amount ${create.amount}, gateway ${create.gateway.status} ${create.gateway.amount} amount${create.capture === false ? ', capture false' : ''}${other === 3 ? ', second account' : ''})`, (m) => m.intents.length < maxIntents, (m, r) =>
          performExternalCreate(m, r, m.accounts[other === 3 ? 1 % m.accounts.length : 0]!, createBody(r, create), r.key()))),
    },
    {
      name: 'capture an external payment intent (any amount, in the body or the gateway answer)',
      write: true,
      localOnly: externalReason,
      arbitrary: fc.record({ pick: intentPick, amount: relativeAmount, inGateway: fc.boolean() }).map(({ pick, amount, inGateway }) =>
        command(`externalCapture(${pickText(pick, 'external authorized')}, ${amountText(amount, 'authorized')}${inGateway ? ' in the gateway answer' : ''})`, hasIntent, (m, r) => {
          const intent = pickIntent(m, pick, (i) => i.external && i.status === 'uncaptured');
          const value = resolveAmount(amount, intent.authorized);
          const gateway = { status: 'captured', transaction_id: r.unique('gw'), ...(inGateway && value !== undefined ? { amount: value } : {}) };
          const body: CaptureBody = { ...(!inGateway && value !== undefined ? { amount: value } : {}), gateway_capture_response: gateway };
          return performCapture(m, r, intent, body, r.key(), 'externalCapture');
        })),
    },
    {
      name: 'cancel an external payment intent',
      write: true,
      localOnly: externalReason,
      arbitrary: fc.record({ pick: intentPick, reason: fc.option(fc.constantFrom('duplicate', 'requested_by_customer') as fc.Arbitrary<'duplicate' | 'requested_by_customer'>, { nil: undefined }) }).map(({ pick, reason }) =>
        command(`externalCancel(${pickText(pick, 'external, not final')}${reason ? `, ${reason}` : ''})`, hasIntent, (m, r) => {
          const body: CancelBody = { ...(reason ? { cancellation_reason: reason } : {}), gateway_void_response: { status: 'voided', transaction_id: r.unique('gw') } };
          return performCancel(m, r, pickIntent(m, pick, (i) => i.external && cancellable(i)), body, r.key(), 'externalCancel');
        })),
    },
    {
      name: 'record an external refund (any amount or none)',
      write: true,
      weight: 3,
      localOnly: externalReason,
      arbitrary: fc.record({ pick: intentPick, amount: relativeAmount }).map(({ pick, amount }) =>
        command(`externalRefund(${pickText(pick, 'external captured')}, ${amountText(amount, 'refundable')})`, (m) => m.intents.some(externalOnes), (m, r) => {
          const intent = pickIntent(m, pick, (i) => i.external && i.status === 'captured');
          const value = resolveAmount(amount, intent.captured - intent.refunded);
          const body: ExternalRefundBody = { payment_intent_id: intent.id, ...(value === undefined ? {} : { refund_request: { amount: value } }), gateway_response: { status: 'approved', transaction_id: r.unique('gw') } };
          return performExternalRefund(m, r, intent, body, r.key());
        })),
    },
  ];
}

