/**
 * Refunds: any amount (or none: the rest) of a captured intent, and reading one back. Seed "Create a
 * refund" (`amount integer >= 0`) and "Fetch a refund by id"; the spec: "defaults to the full
 * refundable amount". The API has no list of refunds: they are listed as ledger lines (ledger.ts).
 */
import fc from 'fast-check';
import { expectOk, sharedRules } from '../core/rules.js';
import type { CommandSpec, Outcome, Real } from '../core/types.js';
import { checkIntent, checkRefund, expectRefusal, refusal, type Refusal } from './checks.js';
import { gatewayRefusal } from './intents.js';
import { sendKeyed } from './keyed.js';
import { fixtureReason, scopeOf, stateOf, type ModelIntent, type ModelRefund, type PaymentsModel, type Refund } from './model.js';
import { amountText, command, hasIntent, intentPick, pickIntent, pickText, relativeAmount, resolveAmount } from './picks.js';

/** What a refund of `requested` (undefined: the rest) is refused with, if it is. */
export function refundRefusal(intent: ModelIntent, requested: number | undefined): Refusal | undefined {
  if (intent.status !== 'captured') return refusal(422, 'payment_intent_not_captured');
  const refundable = intent.captured - intent.refunded;
  if (refundable <= 0) return refusal(422, 'payment_intent_fully_refunded', sharedRules.refundLimit);
  const amount = requested ?? refundable;
  if (amount < 1) return refusal(422, 'refund_amount_invalid');
  if (amount > refundable) return refusal(422, 'refund_exceeds_captured_amount', sharedRules.refundLimit);
  return undefined;
}

/** Refunds a captured intent; a refund succeeds at once in the sandbox (inferred) and debits the ledger. */
export async function performRefund(m: PaymentsModel, r: Real, intent: ModelIntent, body: { amount?: number } | undefined, key: string): Promise<void> {
  const outcome = await sendKeyed<Refund>(m, r, 'refund', intent, body, key);
  const refused = gatewayRefusal(intent, false) ?? refundRefusal(intent, body?.amount);
  if (refused) return expectRefusal(m, outcome, refused, stateOf(intent));
  await recordRefund(m, r, intent, outcome, body?.amount);
}

/**
 * Checks a refund the model predicted to succeed (`requested`, or the rest), records it and reads
 * the intent back. A platform refund debits the ledger; an external one moves no platform funds.
 */
export async function recordRefund(m: PaymentsModel, r: Real, intent: ModelIntent, outcome: Outcome<Refund>, requested: number | undefined): Promise<void> {
  expectOk(sharedRules.documentedStatus, outcome, 201);
  const payment = intent.payments.at(-1)!;
  const refund: ModelRefund = { id: outcome.data.id, amount: requested ?? intent.captured - intent.refunded, paymentId: payment.id, external: intent.external, data: outcome.data };
  checkRefund(sharedRules.documentedStatus, outcome.data as Record<string, unknown>, refund, intent);
  intent.refunds.push(refund);
  intent.refunded += refund.amount;
  payment.refunded += refund.amount;
  if (!intent.external) m.ledger.push({ account: intent.account, type: 'refund', source: refund.id, amount: -refund.amount });
  // The refund's answer is the refund; the intent must show it too (and never more than was captured).
  const read = await r.call('paymentIntents.get', [intent.id], scopeOf(m, intent.account));
  expectOk(sharedRules.retrievable, read, 200);
  checkIntent(sharedRules.documentedStatus, read.data, intent);
}

const refunded = (m: Readonly<PaymentsModel>) => m.intents.filter((i) => i.refunds.length > 0);

export function refundCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'refund a payment intent (any amount or none)',
      write: true,
      weight: 5,
      localOnly: fixtureReason,
      arbitrary: fc.record({ pick: intentPick, amount: relativeAmount }).map(({ pick, amount }) =>
        command(`refund(${pickText(pick, 'captured')}, ${amountText(amount, 'refundable')})`, hasIntent, (m, r) => {
          const intent = pickIntent(m, pick, (i) => !i.external && i.status === 'captured');
          const value = resolveAmount(amount, intent.captured - intent.refunded);
          return performRefund(m, r, intent, value === undefined ? undefined : { amount: value }, r.key());
        })),
    },
    {
      name: 'get a refund',
      write: false,
      weight: 2,
      arbitrary: fc.record({ pick: fc.nat({ max: 7 }), which: fc.nat({ max: 3 }) }).map(({ pick, which }) =>
        command(`getRefund(refunded intent latest-${pick}, refund ${which})`, (m) => refunded(m).length > 0, async (m, r) => {
          const intents = refunded(m);
          const intent = intents[intents.length - 1 - (pick % intents.length)]!;
          const refund = intent.refunds[which % intent.refunds.length]!;
          const outcome = await r.call<Refund>('refunds.get', [refund.id], scopeOf(m, intent.account));
          expectOk(sharedRules.retrievable, outcome, 200);
          checkRefund(sharedRules.retrievable, outcome.data as Record<string, unknown>, refund, intent);
        })),
    },
  ];
}
