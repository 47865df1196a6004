/**
 * Updates by id: "Change a payment's description or metadata", "Update the refund metadata",
 * "Change a payment method's expiration date, address, or metadata" ("When you update metadata, any
 * previous metadata is overwritten"). The answer, and every later get and walk, shows exactly what
 * the update set; statuses and amounts stay as they were. Updates take no `Sub-Account`: they find
 * the object in any account of the platform.
 */
import fc from 'fast-check';
import { expectOk } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { command, documented, record, remember } from './commands.js';
import type { JustifiModel, MethodModel, PaymentModel, RefundModel } from './model.js';
import { pick } from './model.js';
import { expectMethod } from './methods.js';
import { expectPayment, expectRefund } from './payments.js';

const updateKept = 'an update changes exactly what it sends: the answer and every later read show it, statuses and amounts unchanged';

/** Small metadata objects (the empty one included: it overwrites whatever was there). */
export const metadata = fc.dictionary(fc.constantFrom('order', 'note', 'ref'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean()), { maxKeys: 3 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Sends `method(id, body)` with a fresh key, expects 200 and the object the model now predicts, and keeps the write for replay. */
async function update(m: JustifiModel, r: Real, what: string, method: string, id: string, body: Record<string, unknown>, other: Record<string, unknown>, expect: (data: unknown) => void): Promise<void> {
  const args = [id, body];
  const options = { idempotencyKey: r.key() };
  const outcome = await r.call(method, args, options);
  expectOk(updateKept, outcome, 200);
  expect(outcome.data);
  remember(m, { label: `update ${what}`, method, args, options, other: [id, other] }, outcome);
}

/** The fields of `body` that were sent (an update leaves what it does not send alone). */
const sent = <T extends object>(body: T): Partial<T> => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;

export const updateCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'update a payment (description, metadata)',
    write: true,
    weight: 2,
    arbitrary: fc.record({ payment: fc.nat(), description: maybe(fc.constant(true)), metadata: maybe(metadata) }).map((p) =>
      command(p, {
        describe: () => 'updatePayment(payment)',
        check: (m) => m.payments.length > 0,
        async run(m, r, q, say) {
          const payment: PaymentModel = pick(m.payments, q.payment);
          const body = sent({ description: q.description ? r.unique('updated payment') : undefined, metadata: q.metadata });
          const described = say(`updatePayment(${payment.label}, ${Object.keys(body).join(' and ') || 'nothing'})`);
          await update(m, r, payment.label, 'payments.update', payment.id, body, { ...body, description: r.unique('other description') }, (data) => {
            Object.assign(payment, body);
            expectPayment(m, updateKept, data, payment);
          });
          return described;
        },
      }),
    ),
  },
  {
    name: 'update a refund (metadata)',
    write: true,
    weight: 2,
    arbitrary: fc.record({ refund: fc.nat(), metadata }).map((p) =>
      command(p, {
        describe: () => 'updateRefund(refund)',
        check: (m) => m.refunds.length > 0,
        async run(m, r, q, say) {
          const refund: RefundModel = pick(m.refunds, q.refund);
          const described = say(`updateRefund(${refund.label}, metadata ${JSON.stringify(q.metadata)})`);
          await update(m, r, refund.label, 'refunds.update', refund.id, { metadata: q.metadata }, { metadata: { ...q.metadata, other: 'parameters' } }, (data) => {
            refund.metadata = q.metadata;
            expectRefund(updateKept, data, refund);
          });
          return described;
        },
      }),
    ),
  },
  {
    name: 'update a payment method (card expiry, metadata)',
    write: true,
    weight: 2,
    arbitrary: fc.record({ method: fc.nat(), month: maybe(fc.integer({ min: 1, max: 12 })), year: maybe(fc.integer({ min: 2031, max: 2099 })), metadata: maybe(metadata) }).map((p) =>
      command(p, {
        describe: () => 'updatePaymentMethod(payment method)',
        check: (m) => m.methods.length > 0,
        async run(m, r, q, say) {
          const method: MethodModel = pick(m.methods, q.method);
          // A bank account has only metadata to change; months and years go as the strings the spec asks for, without leading zeros.
          const fields = sent(method.kind === 'card' ? { month: q.month === undefined ? undefined : String(q.month), year: q.year === undefined ? undefined : String(q.year), metadata: q.metadata } : { metadata: q.metadata });
          const described = say(`updatePaymentMethod(${method.label}, ${Object.keys(fields).join(' and ') || 'nothing'})`);
          const other = { [method.kind]: { ...fields, metadata: { ...fields.metadata, other: 'parameters' } } };
          await update(m, r, method.label, 'paymentMethods.update', method.id, { [method.kind]: fields }, other, (data) => {
            Object.assign(method, fields);
            expectMethod(updateKept, record(data), method);
          });
          return described;
        },
      }),
    ),
  },
];
