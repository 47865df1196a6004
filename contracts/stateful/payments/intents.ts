/**
 * Payment intents: create (any amount, valid or not), update, cancel, capture (any amount), get and
 * list. Seed "Payment Intents": create with `amount integer >= 0`, status `created` and the amounts
 * at zero; the moves between the seed's statuses and the refusal codes are the sandbox's inferred
 * machine (sandbox/payments/payment-intents.ts), so the commands that need a paid intent are local.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { checkIntent, expectRefusal, paymentsRules, refusal, type Refusal } from './checks.js';
import { sendKeyed } from './keyed.js';
import { externalListMax, fixtureReason, intentsOf, recordCapture, scopeOf, stateOf, type ModelIntent, type PaymentIntent, type PaymentsModel } from './model.js';
import { amountText, command, defined, hasIntent, intentPick, pageSize, pickIntent, pickText, rarely, relativeAmount, resolveAmount } from './picks.js';

/** At most this many intents per sequence, so a list walk stays a few requests. */
export const maxIntents = 10;

const methodTypes = fc.constantFrom<('card' | 'bank')[]>(['card'], ['bank'], ['card', 'bank']);
const description = fc.constantFrom('order 1001', 'gift card', 'rush delivery');
const validAmount = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 0, max: 20_000 }) }, fc.constantFrom(0, 1, 50, 999_999_999));
/** Schema-invalid amounts (the spec: `integer >= 0`): negative and fractional. */
const invalidAmount = fc.constantFrom(-1, -500, 10.5, 0.01);

const createBody = fc
  .record({
    amount: fc.oneof({ weight: 6, arbitrary: validAmount }, invalidAmount),
    capture: rarely(fc.boolean()),
    merchant_amount: rarely(fc.integer({ min: 0, max: 25_000 })),
    payment_method_types: rarely(methodTypes),
    description: rarely(description),
  })
  .map((body) => defined(body) as CreateBody);

const isWholeAmount = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) >= 0);

/** A new intent of the model, as created from `body` (status `created`, the amounts at zero). */
export function modelIntent(m: PaymentsModel, account: string, body: CreateBody, data: PaymentIntent, external: boolean): ModelIntent {
  return {
    n: m.intents.length + 1,
    id: data.id,
    account,
    external,
    amount: body.amount,
    merchantAmount: body.merchant_amount ?? null,
    capture: body.capture ?? true,
    methodTypes: body.payment_method_types ?? ['card', 'bank'],
    description: body.description ?? null,
    status: 'created',
    cancellationReason: null,
    authorized: 0, captured: 0, refunded: 0, voided: 0, disputed: 0,
    payments: [],
    refunds: [],
    data,
  };
}

export type CreateBody = { amount: number; capture?: boolean; merchant_amount?: number; payment_method_types?: ('card' | 'bank')[]; description?: string };

/** Creates an intent of `account` with `key`, checks the answer against the model, and records it. */
export async function performCreate(m: PaymentsModel, r: Real, account: string, body: CreateBody, key: string): Promise<void> {
  const outcome = await sendKeyed<PaymentIntent>(m, r, 'createIntent', account, body, key);
  if (!isWholeAmount(body.amount) || !isWholeAmount(body.merchant_amount)) {
    // Seed: "amount required integer >= 0". The spec documents 400 (wrong type) and 422 (failed validation).
    rule(paymentsRules.invalidAmount, !outcome.ok && (outcome.status === 400 || outcome.status === 422), () => `amount ${body.amount} answered ${outcome.ok ? outcome.status : outcome.status ?? outcome.name}`);
    return;
  }
  if (body.merchant_amount !== undefined && body.merchant_amount > body.amount) {
    return expectRefusal(m, outcome, refusal(422, 'merchant_amount_exceeds_amount'), `merchant_amount ${body.merchant_amount} > amount ${body.amount}`);
  }
  expectOk(sharedRules.documentedStatus, outcome, 201);
  const intent = modelIntent(m, account, body, outcome.data, false);
  checkIntent(sharedRules.documentedStatus, outcome.data, intent);
  rule(sharedRules.replayReturnsFirst, !m.intents.some((i) => i.id === intent.id), () => `a new create answered ${intent.id}, an intent the sequence already had`);
  m.intents.push(intent);
}

type UpdateBody = { description?: string; amount?: number; capture?: boolean };

/**
 * Updates an intent. Inferred: what decides the charge (amount, capture, …) changes only while the
 * intent is `created` or `failed`; merchant_amount may not exceed the amount.
 */
export async function performUpdate(m: PaymentsModel, r: Real, intent: ModelIntent, body: UpdateBody, key: string): Promise<void> {
  // Seed: "Idempotency is only supported for POST and PUT requests": a PATCH is never replayed.
  const outcome = await sendKeyed<PaymentIntent>(m, r, 'updateIntent', intent, body, key);
  const financial = body.amount !== undefined || body.capture !== undefined;
  if (financial && intent.status !== 'created' && intent.status !== 'failed') return expectRefusal(m, outcome, refusal(422, 'payment_intent_unexpected_state'), stateOf(intent));
  if (intent.merchantAmount !== null && (body.amount ?? intent.amount) < intent.merchantAmount) return expectRefusal(m, outcome, refusal(422, 'merchant_amount_exceeds_amount'), stateOf(intent));
  expectOk(sharedRules.documentedStatus, outcome, 200);
  Object.assign(intent, { amount: body.amount ?? intent.amount, capture: body.capture ?? intent.capture, description: body.description ?? intent.description });
  checkIntent(sharedRules.documentedStatus, outcome.data, intent);
}

export type CancelBody = { cancellation_reason?: 'duplicate' | 'fraudulent' | 'requested_by_customer' | 'abandoned'; gateway_void_response?: Record<string, unknown> } | undefined;

/**
 * Inferred (sandbox/payments/payment-intents.ts): the platform's capture, cancel, payment and refund
 * refuse an intent recorded from another gateway, and the external operations a platform one.
 */
export function gatewayRefusal(intent: ModelIntent, externalOperation: boolean): Refusal | undefined {
  if (intent.external === externalOperation) return undefined;
  return refusal(422, externalOperation ? 'payment_intent_not_external' : 'payment_intent_external');
}

/** Cancels an intent: created, uncaptured (the authorization is voided) or failed ones. */
export async function performCancel(m: PaymentsModel, r: Real, intent: ModelIntent, body: CancelBody, key: string, kind: 'cancel' | 'externalCancel' = 'cancel'): Promise<void> {
  const outcome = await sendKeyed<PaymentIntent>(m, r, kind, intent, body, key);
  const refused = gatewayRefusal(intent, kind === 'externalCancel');
  if (refused) return expectRefusal(m, outcome, refused, stateOf(intent));
  if (intent.status === 'cancelled') return expectRefusal(m, outcome, refusal(422, 'payment_intent_already_cancelled', sharedRules.statusMoves), stateOf(intent));
  if (intent.status === 'captured') return expectRefusal(m, outcome, refusal(422, 'payment_intent_unexpected_state', sharedRules.statusMoves), stateOf(intent));
  expectOk(sharedRules.documentedStatus, outcome, 200);
  const from = intent.status;
  const payment = intent.payments.at(-1);
  intent.voided = from === 'uncaptured' ? intent.authorized : 0;
  if (payment?.status === 'uncaptured') payment.status = 'voided';
  Object.assign(intent, { status: 'cancelled', cancellationReason: body?.cancellation_reason ?? null });
  checkIntent(sharedRules.documentedStatus, outcome.data, intent, from);
}

/** What a capture of `requested` (undefined: all that was authorized) is refused with, if it is. */
function captureRefusal(intent: ModelIntent, requested: number | undefined): Refusal | undefined {
  if (intent.status === 'captured') return refusal(422, 'payment_intent_already_captured', sharedRules.statusMoves);
  if (intent.status !== 'uncaptured') return refusal(422, 'payment_intent_unexpected_state', sharedRules.statusMoves);
  const amount = requested ?? intent.authorized;
  if (amount < 1) return refusal(422, 'capture_amount_invalid');
  if (amount > intent.authorized) return refusal(422, 'capture_amount_exceeds_authorized', paymentsRules.amountsFollow);
  return undefined;
}

export type CaptureBody = { amount?: number; gateway_capture_response?: { amount?: number } & Record<string, unknown> } | undefined;

/** Captures an authorized intent once, fully or partly; the rest is voided. */
export async function performCapture(m: PaymentsModel, r: Real, intent: ModelIntent, body: CaptureBody, key: string, kind: 'capture' | 'externalCapture' = 'capture'): Promise<void> {
  const outcome = await sendKeyed<PaymentIntent>(m, r, kind, intent, body, key);
  // An external capture without `amount` takes the gateway's captured amount (inferred), else the authorized amount.
  const requested = body?.amount ?? body?.gateway_capture_response?.amount;
  const refused = gatewayRefusal(intent, kind === 'externalCapture') ?? captureRefusal(intent, requested);
  if (refused) return expectRefusal(m, outcome, refused, stateOf(intent));
  expectOk(sharedRules.documentedStatus, outcome, 200);
  const amount = requested ?? intent.authorized;
  const payment = intent.payments.at(-1)!;
  Object.assign(intent, { status: 'captured', captured: amount, voided: intent.authorized - amount });
  Object.assign(payment, { status: 'captured', captured: amount });
  if (!intent.external) recordCapture(m, intent, payment, amount);
  checkIntent(sharedRules.documentedStatus, outcome.data, intent, 'uncaptured');
}

export const cancellable = (i: ModelIntent) => i.status !== 'captured' && i.status !== 'cancelled';

export function intentCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'create a payment intent (any amount, valid or not)',
      write: true,
      weight: 6,
      arbitrary: fc.record({ body: createBody, other: fc.nat({ max: 3 }) }).map(({ body, other }) =>
        command(`createIntent(${JSON.stringify(body)}${other === 3 ? ', second account' : ''})`, (m) => m.intents.length < maxIntents, async (m, r) => {
          await performCreate(m, r, m.accounts[other === 3 ? 1 % m.accounts.length : 0]!, body, r.key());
        })),
    },
    {
      name: 'update a payment intent (description, amount, capture)',
      write: true,
      localOnly: 'which fields may change in which status is the sandbox\'s inferred rule',
      arbitrary: fc.record({ pick: intentPick, body: fc.record({ description, amount: fc.integer({ min: 0, max: 20_000 }), capture: fc.boolean() }, { requiredKeys: [] }) }).map(({ pick, body }) =>
        command(`updateIntent(${pickText(pick)}, ${JSON.stringify(body)})`, hasIntent, (m, r) => performUpdate(m, r, pickIntent(m, pick), body, r.key()))),
    },
    {
      name: 'cancel a payment intent',
      write: true,
      localOnly: 'the cancellable statuses and refusal codes are the sandbox\'s inferred machine',
      arbitrary: fc.record({ pick: intentPick, reason: fc.option(fc.constantFrom('duplicate', 'fraudulent', 'requested_by_customer', 'abandoned') as fc.Arbitrary<NonNullable<CancelBody>['cancellation_reason']>, { nil: undefined }) }).map(({ pick, reason }) =>
        command(`cancel(${pickText(pick, 'not final')}${reason ? `, ${reason}` : ''})`, hasIntent, (m, r) => performCancel(m, r, pickIntent(m, pick, (i) => !i.external && cancellable(i)), reason ? { cancellation_reason: reason } : undefined, r.key()))),
    },
    {
      name: 'capture a payment intent (any amount or none)',
      write: true,
      weight: 2,
      localOnly: fixtureReason,
      arbitrary: fc.record({ pick: intentPick, amount: relativeAmount }).map(({ pick, amount }) =>
        command(`capture(${pickText(pick, 'authorized')}, ${amountText(amount, 'authorized')})`, hasIntent, (m, r) => {
          const intent = pickIntent(m, pick, (i) => !i.external && i.status === 'uncaptured');
          const value = resolveAmount(amount, intent.authorized);
          return performCapture(m, r, intent, value === undefined ? undefined : { amount: value }, r.key());
        })),
    },
    {
      name: 'get a payment intent',
      write: false,
      arbitrary: intentPick.map((pick) =>
        command(`getIntent(${pickText(pick)})`, (m) => m.intents.length + m.seen.size > 0, async (m, r) => {
          if (m.intents.length === 0) return getSeen(m, r, pick.back);
          const intent = pickIntent(m, pick);
          const outcome = await r.call<PaymentIntent>('paymentIntents.get', [intent.id], scopeOf(m, intent.account));
          expectOk(sharedRules.retrievable, outcome, 200);
          checkIntent(sharedRules.retrievable, outcome.data, intent);
        })),
    },
    {
      name: 'list payment intents (every page, limit 1-5)',
      write: false,
      weight: 4,
      arbitrary: fc.record({ limit: pageSize, other: fc.nat({ max: 3 }) }).map(({ limit, other }) =>
        command(`listIntents(limit ${limit}${other === 3 ? ', second account' : ''})`, () => true, (m, r) => listIntents(m, r, m.accounts[other === 3 ? 1 % m.accounts.length : 0]!, limit))),
    },
  ];
}

/** Against an external target, before the sequence made any: an intent a list showed reads back the same. */
async function getSeen(m: PaymentsModel, r: Real, pick: number): Promise<void> {
  const listed = [...m.seen.values()][pick % m.seen.size]!;
  const outcome = await r.call<PaymentIntent>('paymentIntents.get', [listed.id]);
  expectOk(sharedRules.retrievable, outcome, 200);
  for (const field of ['id', 'amount', 'currency', 'account_id', 'created_at'] as const) {
    rule(sharedRules.retrievable, outcome.data[field] === listed[field], () => `${listed.id}.${field}: listed ${JSON.stringify(listed[field])}, read ${JSON.stringify(outcome.data[field])}`);
  }
}

/** Walks every page of an account's intents: exactly the model's intents of the account, each once. */
export async function listIntents(m: PaymentsModel, r: Real, account: string, limit: number): Promise<void> {
  const outcome = await r.list<PaymentIntent>('paymentIntents.list', [{ limit }], { ...scopeOf(m, account), max: m.exact ? 2000 : externalListMax });
  expectOk(sharedRules.listedOnce, outcome);
  const ids = outcome.items.map((i) => i.id);
  const twice = ids.filter((id, at) => ids.indexOf(id) !== at);
  rule(sharedRules.listedOnce, twice.length === 0, () => `listed more than once over ${outcome.pages} pages of ${limit}: ${twice.join(', ')}`);
  rule(sharedRules.scoped, outcome.items.every((i) => i.account_id === account), () => `the list of ${account} shows intents of ${[...new Set(outcome.items.map((i) => i.account_id))].join(', ')}`);
  const mine = intentsOf(m, account);
  const missing = mine.filter((i) => !ids.includes(i.id));
  rule(sharedRules.listedOnce, missing.length === 0, () => `missing from ${outcome.items.length} items over ${outcome.pages} pages of ${limit}: ${missing.map((i) => `intent#${i.n} ${i.id}`).join(', ')}`);
  if (m.exact) {
    const others = m.intents.filter((i) => i.account !== account && ids.includes(i.id));
    rule(sharedRules.scoped, others.length === 0, () => `the list of ${account} shows intents of another account: ${others.map((i) => i.id).join(', ')}`);
    const unknown = ids.filter((id) => !mine.some((i) => i.id === id));
    rule(sharedRules.listedOnce, unknown.length === 0, () => `listed but never created in this scope: ${unknown.join(', ')}`);
  }
  for (const item of outcome.items) {
    const intent = mine.find((i) => i.id === item.id);
    if (intent) checkIntent(sharedRules.retrievable, item, intent);
    else m.seen.set(item.id, item);
  }
}
