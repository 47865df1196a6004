/**
 * Payment intents: "Once you've tokenized a payment method and attached it to a payment intent,
 * capturing the payment intent will let JustiFi know to charge the payment method and create a
 * payment. If the capture fails, you can attempt again on the same payment intent."
 */
import fc from 'fast-check';
import { expectError, expectOk, type ExpectedError, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { command, createdBy, documented, expectFields, record, remember } from './commands.js';
import { account, type IntentModel, type JustifiModel, label, local, type MethodModel, pick, scoped } from './model.js';
import { adoptMethod, cardChoice, declineOf, type MethodChoice, methodBody, tokenChoice, tokenization } from './methods.js';
import { amountRefusal, anyAmount, recordCharge } from './payments.js';

const captureCreatesPayment = 'capturing a payment intent charges its payment method and creates one payment on it';

/** The intent as the model knows it; its status after an attach or a declined capture is the sandbox's inference. */
export function expectIntent(m: JustifiModel, name: string, item: unknown, intent: IntentModel): void {
  const data = record(item);
  const status = intent.statusInferred && !local(m) ? data.status : intent.status;
  expectFields(name, intent.label, [['id', data.id, intent.id], ['amount', data.amount, intent.amount], ['status', data.status, status]]);
}

const changeable = (intent: IntentModel) => intent.status === 'requires_payment_method' || intent.status === 'pending';

type Change = { kind: 'amount'; amount: number } | { kind: 'method'; choice: MethodChoice } | { kind: 'description' };
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.record({ kind: fc.constant('method' as const), choice: fc.oneof(cardChoice, tokenChoice) }),
  fc.record({ kind: fc.constant('amount' as const), amount: anyAmount }),
  fc.record({ kind: fc.constant('description' as const) }),
);

/** A method the request names (a token of the intent's account, or a new card tokenized inline), or the refusal it meets. */
function resolveMethod(m: JustifiModel, intent: IntentModel, choice: MethodChoice, token: MethodModel | undefined): { method: Pick<MethodModel, 'account' | 'kind' | 'last4' | 'charge'>; inline: boolean } | { error: ExpectedError } {
  if (token) return token.account === intent.account ? { method: token, inline: false } : { error: { status: 422, code: 'payment_method_not_found' } };
  const tokenized = tokenization(m, choice as Exclude<MethodChoice, { kind: 'token' }>);
  if (!tokenized.ok) return { error: tokenized.error };
  return { method: { account: intent.account, kind: tokenized.kind, last4: tokenized.last4, charge: tokenized.charge }, inline: true };
}

/** After a capture that charged: the intent's payments are its earlier attempts and one new one, which the model adopts. */
async function adoptAttempt(m: JustifiModel, r: Real, intent: IntentModel, charged: { kind: MethodModel['kind']; succeeded: boolean }): Promise<void> {
  const listed = await r.list('paymentIntents.listPayments', [intent.id, { limit: 5 }]);
  expectOk(captureCreatesPayment, listed);
  const items = listed.items.map(record);
  const fresh = items.filter((p) => !intent.payments.includes(String(p.id)));
  rule(captureCreatesPayment, items.length === intent.payments.length + 1 && fresh.length === 1, () => `${intent.label} lists ${items.length} payments (${fresh.length} new) after ${intent.payments.length} earlier attempts, expected one new`);
  const item = fresh[0]!;
  const status = !charged.succeeded ? 'failed' : charged.kind === 'bank_account' ? 'pending' : 'succeeded';
  const payment = recordCharge(m, account(m, intent.account), intent.amount, charged.kind, status, item, intent.id);
  intent.payments.push(payment.id);
  expectFields(captureCreatesPayment, payment.label, [['payment_intent_id', item.payment_intent_id, intent.id], ['amount', item.amount, intent.amount], ['status', item.status, status]]);
}

export const intentCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'create a payment intent (any amount)',
    write: true,
    weight: 2,
    arbitrary: fc.record({ account: fc.nat(), amount: anyAmount }).map((p) =>
      command(p, {
        describe: (q) => `createPaymentIntent(${q.amount})`,
        check: (m) => m.intents.length < 6,
        async run(m, r, q, say) {
          const acct = pick(m.accounts, q.account);
          const args = [{ amount: q.amount, currency: 'usd', description: r.unique('stateful intent') }];
          const options = { ...scoped(acct.key), idempotencyKey: r.key() };
          const outcome = await r.call('paymentIntents.create', args, options);
          const described = say(`createPaymentIntent(${q.amount} in ${acct.label})`);
          if (amountRefusal(m, r, outcome, q.amount, acct)) return described;
          expectOk(documented, outcome, 201);
          const intent: IntentModel = { label: label(m, 'intent'), id: String(record(outcome.data).id), account: acct.key, amount: q.amount, status: 'requires_payment_method', method: undefined, payments: [], created: createdBy('paymentIntents.create', outcome, scoped(acct.key)) };
          m.intents.push(intent);
          expectIntent(m, documented, outcome.data, intent);
          remember(m, { label: `create ${intent.label}`, method: 'paymentIntents.create', args, options, other: [{ ...args[0], amount: q.amount + 1 }] }, outcome);
          return `${described} → ${intent.label}`;
        },
      }),
    ),
  },
  {
    name: 'update a payment intent (attach a payment method, change its amount or description)',
    write: true,
    weight: 3,
    arbitrary: fc.record({ intent: fc.nat(), change }).map((p) =>
      command(p, {
        describe: (q) => `updatePaymentIntent(${q.change.kind})`,
        check: (m, q) => m.intents.length > 0 && (q.change.kind !== 'method' || (q.change.choice.kind === 'token' ? m.methods.length > 0 : m.methods.length < 10)),
        async run(m, r, q, say) {
          const intent = pick(m.intents, q.intent);
          const c = q.change;
          const picked = c.kind === 'method' ? methodBody(m, c.choice) : undefined;
          const body = c.kind === 'amount' ? { amount: c.amount } : c.kind === 'method' ? { payment_method: picked!.body } : { description: r.unique('changed') };
          const args = [intent.id, body];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('paymentIntents.update', args, options);
          const described = say(`updatePaymentIntent(${intent.label} ${intent.status}, ${c.kind === 'amount' ? `amount ${c.amount}` : c.kind === 'method' ? picked!.text : 'description'})`);
          if (c.kind === 'amount') {
            // The spec's schema first; then "can be updated if the payment intent status is
            // requires_payment_method or pending" (the code is the sandbox's); then the amount's rules.
            const schemaBreak = !Number.isInteger(c.amount) || c.amount < 1;
            if (!schemaBreak && !changeable(intent)) {
              expectError(sharedRules.statusMoves, outcome, { status: 422, code: local(m) ? 'payment_intent_unexpected_state' : undefined });
              return described;
            }
            if (amountRefusal(m, r, outcome, c.amount, undefined)) return described;
            intent.amount = c.amount;
          }
          if (c.kind === 'method') {
            // "You cannot provide a new payment method to a PaymentIntent when it has a status of requires_capture, canceled, or succeeded"
            if (!changeable(intent)) {
              expectError(sharedRules.statusMoves, outcome, { status: 422, code: 'payment_intent_unexpected_state' });
              return described;
            }
            const resolved = resolveMethod(m, intent, c.choice, picked!.token);
            if ('error' in resolved) {
              expectError(documented, outcome, resolved.error);
              return described;
            }
            expectOk(documented, outcome, 200);
            intent.method = resolved.inline ? adoptMethod(m, intent.account, record(outcome.data).payment_method, resolved.method, ` (inline in ${intent.label})`) : (resolved.method as MethodModel);
            intent.status = 'pending';
            intent.statusInferred = true;
          }
          expectOk(documented, outcome, 200);
          expectIntent(m, documented, outcome.data, intent);
          remember(m, { label: `update ${intent.label}`, method: 'paymentIntents.update', args, options, other: [intent.id, { description: 'other parameters' }] }, outcome);
          return described;
        },
      }),
    ),
  },
  {
    name: 'capture a payment intent (its attached payment method, or one given)',
    write: true,
    weight: 3,
    arbitrary: fc.record({ intent: fc.nat(), token: fc.option(fc.nat(), { freq: 3 }) }).map((p) =>
      command(p, {
        describe: () => 'capturePaymentIntent()',
        check: (m, q) => m.intents.length > 0 && (q.token === null || m.methods.length > 0) && m.payments.length < 12,
        async run(m, r, q, say) {
          const intent = pick(m.intents, q.intent);
          const given = q.token === null ? undefined : pick(m.methods, q.token);
          const args = given ? [intent.id, { payment_method: { token: given.id } }] : [intent.id];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('paymentIntents.capture', args, options);
          const described = say(`capturePaymentIntent(${intent.label} ${intent.status}${given ? `, ${given.label}` : intent.method ? ` with ${intent.method.label}` : ''})`);
          // "payment_intent_cannot_be_captured: Payment Intent status is '%{status}' so it cannot be captured"
          if (intent.status === 'succeeded') {
            expectError(sharedRules.statusMoves, outcome, { status: 422, code: 'payment_intent_cannot_be_captured' });
            return described;
          }
          if (given && given.account !== intent.account) {
            expectError(sharedRules.scoped, outcome, { status: 422, code: 'payment_method_not_found' });
            return described;
          }
          const method = given ?? intent.method;
          if (!method) {
            expectError(documented, outcome, { status: 422, code: 'payment_method_required' });
            return described;
          }
          if (!method.charge.succeeds) {
            expectError(documented, outcome, declineOf(m, method.charge));
            // "If the capture fails, you can attempt again": the sandbox detaches the declined method (inferred).
            intent.status = 'requires_payment_method';
            intent.statusInferred = true;
            intent.method = undefined;
            await adoptAttempt(m, r, intent, { kind: method.kind, succeeded: false });
            return described;
          }
          expectOk(sharedRules.statusMoves, outcome, 201);
          intent.status = 'succeeded';
          intent.statusInferred = false;
          intent.method = method;
          expectIntent(m, sharedRules.statusMoves, outcome.data, intent);
          await adoptAttempt(m, r, intent, { kind: method.kind, succeeded: true });
          remember(m, { label: `capture ${intent.label}`, method: 'paymentIntents.capture', args, options, other: [intent.id, { payment_method: { token: `${method.id}_other` } }] }, outcome);
          return described;
        },
      }),
    ),
  },
];
