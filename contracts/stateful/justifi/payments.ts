/**
 * Payments: create (any test card or ACH account, any amount, automatic or manual capture),
 * capture, refund. "If a payment fails, the status will reflect it and an error code will be
 * returned"; "multiple refunds are supported up until the full payment amount has been refunded".
 */
import fc from 'fast-check';
import { describeOutcome, expectError, expectOk, rule, sharedRules, type ExpectedError } from '../core/rules.js';
import type { CommandSpec, Outcome, Real } from '../core/types.js';
import { command, createdBy, documented, expectFields, expectSchemaRefusal, knownFields, record, remember } from './commands.js';
import { type AccountModel, authorizationLifetime, captured, type JustifiModel, label, learnPlatform, local, account as accountOf, type PaymentModel, pick, platform, refundable, type RefundModel, scoped } from './model.js';
import { adoptMethod, bankChoice, cardChoice, declineOf, rarely, type MethodChoice, methodBody, tokenChoice, tokenization, type Tokenized, unseenMethod } from './methods.js';

/** Inferred by the sandbox (the table has `amount_too_large` but no figure): $999,999.99. */
export const maxAmount = 99_999_999;
const maxPayments = 10;

/** Valid amounts mostly; then at or below the documented minimum ("Amount must be greater than 50"), and fractional ones. */
export const anyAmount = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 51, max: 500_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 50 }) },
  { weight: 1, arbitrary: fc.integer({ min: 51, max: 500_000 }).map((n) => n + 0.5) },
);
export const tooLarge = fc.integer({ min: maxAmount + 1, max: 10 * maxAmount });

/**
 * The refusals of an amount, in the order the server meets them: the spec's schema (an integer,
 * at least 1), the account's status, then "Amount must be greater than 50" and the maximum. False
 * when the amount is fine.
 */
export function amountRefusal(m: JustifiModel, r: Real, outcome: Outcome, amount: number, acct: AccountModel | undefined): boolean {
  if (!Number.isInteger(amount)) expectSchemaRefusal(documented, r, outcome, 'amount', { status: 422, code: 'amount_must_be_an_integer' });
  else if (amount < 1) expectSchemaRefusal(documented, r, outcome, 'amount', { status: 422, code: 'amount_below_minimum' });
  // "For platforms, if the sub account status is not enabled, 400 will be returned."
  else if (acct && acct.status !== 'enabled') expectError(documented, outcome, { status: 400 });
  else if (amount <= 50) expectError(documented, outcome, { status: 422, code: 'amount_below_minimum' });
  else if (amount > maxAmount) expectError(documented, outcome, { status: 422, code: local(m) ? 'amount_too_large' : undefined });
  else return false;
  return true;
}

/** The payment as the model knows it: documented fields always, the spec's inferred ones against the local sandbox. */
export function expectPayment(m: JustifiModel, name: string, item: unknown, p: PaymentModel): void {
  const data = record(item);
  const accountId = accountOf(m, p.account)?.id;
  expectFields(name, p.label, [
    ['id', data.id, p.id],
    ['amount', data.amount, p.amount],
    ['status', data.status, p.status],
    ['amount_refundable', data.amount_refundable, refundable(p)],
    ...knownFields(data, { description: p.description, metadata: p.metadata }),
    ...(local(m) ? ([['amount_refunded', data.amount_refunded, p.refunded], ['captured', data.captured, captured(p)], ...(accountId ? [['account_id', data.account_id, accountId]] : [])] as [string, unknown, unknown][]) : []),
  ]);
}

/** The refund as the model knows it (its metadata once an update set it). */
export function expectRefund(name: string, item: unknown, re: RefundModel): void {
  const data = record(item);
  expectFields(name, re.label, [['id', data.id, re.id], ['amount', data.amount, re.amount], ['payment_id', data.payment_id, re.paymentId], ...knownFields(data, { metadata: re.metadata })]);
}

/** A charge the API made: the payment it returned, or (declined) the failed payment no answer names. */
export function recordCharge(m: JustifiModel, acct: AccountModel, amount: number, kind: PaymentModel['kind'], status: PaymentModel['status'], data: unknown, intentId?: string): PaymentModel {
  const payment: PaymentModel = { label: label(m, 'payment'), id: String(record(data).id), account: acct.key, amount, kind, status, refunded: 0, createdAt: m.now, intentId };
  m.payments.push(payment);
  if (acct.key === platform) learnPlatform(m, record(data).account_id);
  return payment;
}

/** The status a successful charge starts in: ACH is pending until it settles, manual capture only authorizes. */
const firstStatus = (kind: PaymentModel['kind'], strategy: 'automatic' | 'manual'): PaymentModel['status'] => (kind === 'bank_account' ? 'pending' : strategy === 'automatic' ? 'succeeded' : 'authorized');

interface CreateParams {
  account: number;
  amount: number;
  manual: boolean;
  choice: MethodChoice;
}

/** One create-payment command spec over a set of inputs (the documented set, ACH, amounts above the sandbox's maximum). */
function createPaymentSpec(name: string, inputs: fc.Arbitrary<CreateParams>, extra: Partial<CommandSpec<JustifiModel>> = {}): CommandSpec<JustifiModel> {
  return {
    name,
    write: true,
    ...extra,
    arbitrary: inputs.map((p) =>
      command(p, {
        describe: (q) => `createPayment(${q.amount}, ${q.manual ? 'manual' : 'automatic'})`,
        check: (m, q) => m.payments.length < maxPayments && (q.choice.kind !== 'token' || m.methods.length > 0),
        async run(m, r, q, say) {
          const acct = pick(m.accounts, q.account);
          const { body: method, token, text } = methodBody(m, q.choice);
          const strategy = q.manual ? 'manual' : 'automatic';
          const args = [{ amount: q.amount, currency: 'usd', capture_strategy: strategy, payment_method: method, description: r.unique('stateful payment') }];
          const options = { ...scoped(acct.key), idempotencyKey: r.key() };
          const outcome = await r.call('payments.create', args, options);
          const described = say(`createPayment(${q.amount}, ${strategy}, ${text}, in ${acct.label})`);
          if (amountRefusal(m, r, outcome, q.amount, acct)) return described;
          let tokenized: Tokenized;
          if (token) {
            // Tokens are the account's: another account's token is not found ("Copy a payment method from one sub account to another").
            if (token.account !== acct.key) {
              expectError(sharedRules.scoped, outcome, { status: 422, code: 'payment_method_not_found' });
              return described;
            }
            tokenized = { ok: true, kind: token.kind, last4: token.last4, charge: token.charge };
          } else {
            tokenized = tokenization(m, q.choice as Exclude<MethodChoice, { kind: 'token' }>);
          }
          if (!tokenized.ok) {
            expectError(documented, outcome, tokenized.error);
            return described;
          }
          const inline = !token;
          // capture_strategy: "Not supported by bank account (ACH) payment methods."
          if (tokenized.kind === 'bank_account' && strategy === 'manual') {
            expectError(documented, outcome, { status: 422, code: 'capture_strategy_invalid' });
            if (inline) unseenMethod(m, acct.key, tokenized, described);
            return described;
          }
          if (!tokenized.charge.succeeds) {
            expectError(documented, outcome, declineOf(m, tokenized.charge));
            unseenFailedPayment(m, acct, q.amount, tokenized, described);
            if (inline) unseenMethod(m, acct.key, tokenized, described);
            return described;
          }
          expectOk(documented, outcome, 201);
          const payment = recordCharge(m, acct, q.amount, tokenized.kind, firstStatus(tokenized.kind, strategy), outcome.data);
          payment.created = createdBy('payments.create', outcome, scoped(acct.key));
          payment.description = args[0]!.description;
          expectPayment(m, documented, outcome.data, payment);
          if (inline) adoptMethod(m, acct.key, record(outcome.data).payment_method, tokenized, ` (inline in ${payment.label})`);
          remember(m, { label: `create ${payment.label}`, method: 'payments.create', args, options, other: [{ ...args[0], amount: q.amount + 1 }] }, outcome);
          return `${described} → ${payment.label}`;
        },
      }),
    ),
  };
}

/** The failed payment of a declined charge: listed with its status, though the 402 names no id. */
export function unseenFailedPayment(m: JustifiModel, acct: AccountModel, amount: number, tokenized: { last4: string; kind: PaymentModel['kind'] }, what: string, intentId?: string): void {
  m.unseen.push({
    resource: 'payments', account: acct.key, what: `the failed payment of ${what}`,
    matches: (item) => item.status === 'failed' && item.amount === amount && JSON.stringify(item.payment_method ?? {}).includes(`"acct_last_four":"${tokenized.last4}"`),
    adopt: (model, item) => void recordCharge(model, acct, amount, tokenized.kind, 'failed', item, intentId),
  });
}

const createInputs = (choice: fc.Arbitrary<MethodChoice>, amount: fc.Arbitrary<number>, manual: fc.Arbitrary<boolean> = fc.boolean()) => fc.record({ account: fc.nat(), amount, manual, choice });

/** Payments the commands act on (not the seeded fixtures). */
const own = (m: Readonly<JustifiModel>) => m.payments.filter((p) => !p.fixture);

type RefundAmount = { kind: 'all' } | { kind: 'part'; percent: number } | { kind: 'more'; extra: number };
const refundAmount: fc.Arbitrary<RefundAmount> = fc.oneof(
  fc.record({ kind: fc.constant('all' as const) }),
  fc.record({ kind: fc.constant('part' as const), percent: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('more' as const), extra: fc.integer({ min: 1, max: 1000 }) }),
);
/** A documented reason or none, and now and then one outside the enum. */
const reason = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(undefined, 'duplicate', 'fraudulent', 'customer_request') }, { weight: 1, arbitrary: fc.constant('not_a_reason') });

export const paymentCommands: CommandSpec<JustifiModel>[] = [
  createPaymentSpec('create a payment (any test card or token, any amount, automatic or manual capture)', createInputs(fc.oneof({ weight: 3, arbitrary: cardChoice }, tokenChoice), anyAmount), { weight: 8 }),
  // ACH with manual capture only now and then: it is always refused ("Not supported by bank account (ACH) payment methods").
  createPaymentSpec('create an ACH payment', createInputs(bankChoice, anyAmount, rarely), {
    weight: 2,
    localOnly: 'the declined ACH accounts’ codes and the three-day settlement are the sandbox’s inference',
  }),
  createPaymentSpec('create a payment above the maximum amount', createInputs(cardChoice, tooLarge), {
    localOnly: 'the maximum amount ($999,999.99) is the sandbox’s inference',
  }),
  {
    name: 'capture a payment',
    write: true,
    weight: 4,
    arbitrary: fc.record({ payment: fc.nat() }).map((p) =>
      command(p, {
        describe: () => 'capture(payment)',
        check: (m) => own(m).length > 0,
        async run(m, r, q, say) {
          const payment = pick(own(m), q.payment);
          const args = [payment.id];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('payments.capture', args, options);
          const described = say(`capture(${payment.label}, ${payment.status})`);
          if (payment.status !== 'authorized') {
            // "Returns a payment_already_captured error if the payment is in a captured state"; the
            // table has no such code, the sandbox answers payment_intent_cannot_be_captured.
            if (captured(payment) || local(m)) expectError(documented, outcome, { status: 422, code: local(m) ? 'payment_intent_cannot_be_captured' : undefined });
            else rule(documented, !outcome.ok && (outcome.status ?? 0) >= 400 && (outcome.status ?? 0) < 500, () => `expected a 4XX for a capture of a ${payment.status} payment, got ${describeOutcome(outcome)}`);
            return described;
          }
          if (m.now - payment.createdAt > authorizationLifetime) {
            expectError(documented, outcome, { status: 422, code: 'charge_expired_for_capture' });
            return described;
          }
          expectOk(sharedRules.statusMoves, outcome, 201);
          payment.status = 'succeeded';
          expectPayment(m, sharedRules.statusMoves, outcome.data, payment);
          remember(m, { label: `capture ${payment.label}`, method: 'payments.capture', args, options }, outcome);
          return described;
        },
      }),
    ),
  },
  {
    name: 'refund a payment (any amount, or none = all)',
    write: true,
    weight: 6,
    arbitrary: fc.record({ payment: fc.nat(), amount: refundAmount, reason }).map((p) =>
      command(p, {
        describe: (q) => `refund(payment, ${q.amount.kind})`,
        check: (m) => own(m).length > 0 && m.refunds.length < 12,
        async run(m, r, q, say) {
          const payment = pick(own(m), q.payment);
          const available = refundable(payment);
          const amount = q.amount.kind === 'all' ? undefined : q.amount.kind === 'part' ? Math.max(1, Math.floor((available * q.amount.percent) / 100)) : available + q.amount.extra;
          const body = { ...(amount === undefined ? {} : { amount }), ...(q.reason ? { reason: q.reason } : {}) };
          const args = [payment.id, body];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('payments.refund', args, options);
          const described = say(`refund(${payment.label} ${payment.status}, ${amount ?? 'all'} of ${available} refundable${q.reason ? `, ${q.reason}` : ''})`);
          // "Refund reason must be one of the following: …" (the spec's enum: refused before the server behind the proxy)
          if (q.reason === 'not_a_reason') {
            expectSchemaRefusal(documented, r, outcome, 'reason', { status: 422, code: 'refund_reason_invalid' });
            return described;
          }
          const limit = refundLimit(payment, amount ?? available);
          if (limit) {
            expectError(sharedRules.refundLimit, outcome, limit);
            return described;
          }
          expectOk(sharedRules.refundLimit, outcome, 201);
          const refunded = amount ?? available;
          const data = record(outcome.data);
          expectFields(sharedRules.refundLimit, `the refund of ${payment.label}`, [['amount', data.amount, refunded], ['payment_id', data.payment_id, payment.id]]);
          payment.refunded += refunded;
          if (payment.refunded === payment.amount) payment.status = 'refunded';
          const refund = { label: label(m, 'refund'), id: String(data.id), paymentId: payment.id, account: payment.account, amount: refunded, created: createdBy('payments.refund', outcome, {}, { path: { id: payment.id }, body }) };
          m.refunds.push(refund);
          // Every refund made reads back as it was returned.
          const back = await r.call('refunds.get', [refund.id]);
          expectOk(sharedRules.retrievable, back, 200);
          expectRefund(sharedRules.retrievable, back.data, refund);
          remember(m, { label: `refund ${refund.label}`, method: 'payments.refund', args, options, other: [payment.id, { ...body, description: 'other parameters' }] }, outcome);
          return `${described} → ${refund.label}`;
        },
      }),
    ),
  },
];

/**
 * Why a refund of `amount` is refused: "The refund cannot be processed because the associated
 * payment is fully refunded"; a refund "must be less than or equal to the amount_refundable on the
 * payment" (nothing is refundable before capture).
 */
function refundLimit(payment: PaymentModel, amount: number): ExpectedError | undefined {
  if (payment.status === 'refunded') return { status: 422, code: 'payment_fully_refunded' };
  if (amount > refundable(payment) || amount <= 0) return { status: 422, code: 'refund_exceeds_payment_amount' };
  return undefined;
}
