/**
 * Payment methods: "Payment methods are tokenized, then charged at time of payment." A card or
 * bank account becomes a `pm_…` token that later payments pass as `payment_method.token`; clone
 * copies one to another account of the platform.
 */
import { newId } from '../core/ids.js';
import type { HandlerContext, OperationRequest, OperationResponse } from '../core/types.js';
import { tokenizeBankAccount, tokenizeCard } from './cards.js';
import { one, page } from './envelope.js';
import { JustifiError } from './errors.js';
import { requireEnabled, visible } from './auth.js';
import { iso, type JustifiState, type PaymentMethodRecord } from './state.js';
import type { CreateBankAccount, CreateCard, PaymentMethod, PaymentMethodInput } from './types.js';

function emit(ctx: HandlerContext, name: string, scope: string, record: PaymentMethodRecord) {
  ctx.events.emit({ api: 'justifi-v1', name, scope, data: record.method });
}

/** Tokenizes a new card or bank account into `scope` ("You can create payment methods ahead of time, … Alternatively, you can create and tokenize payment methods inline"). */
export function tokenize(state: JustifiState, ctx: HandlerContext, scope: string, input: { card?: CreateCard; bank_account?: CreateBankAccount }): PaymentMethodRecord {
  const id = newId('pm');
  const now = ctx.clock.now();
  const created_at = iso(now);
  let record: PaymentMethodRecord;
  if (input.card) {
    const card = tokenizeCard(input.card, now);
    const details = { id, token: id, acct_last_four: card.last4, brand: card.brand, name: input.card.name, month: card.month, year: card.year, address_line1_check: input.card.address_line1 ? 'pass' : 'unchecked', address_postal_code_check: input.card.address_postal_code ? 'pass' : 'unchecked', metadata: input.card.metadata ?? {}, created_at, updated_at: created_at };
    record = { id, created_at, kind: 'card', outcome: card.outcome, method: { card: details, customer_id: null, signature: card.signature } };
  } else {
    const bank = input.bank_account!;
    const tokenized = tokenizeBankAccount(bank);
    const details = { id, token: id, acct_last_four: tokenized.last4, brand: 'Sandbox Test Bank', name: bank.account_owner_name, account_owner_type: bank.account_owner_type, account_type: bank.account_type, country: bank.country ?? 'US', currency: bank.currency ?? 'usd', metadata: bank.metadata ?? {}, created_at, updated_at: created_at };
    record = { id, created_at, kind: 'bank_account', outcome: tokenized.outcome, method: { bank_account: details, customer_id: null, signature: tokenized.signature } };
  }
  state.methods.insert(scope, record);
  emit(ctx, 'payment_method.created', scope, record);
  return record;
}

/** The payment method a payment or intent names: an existing token in the same account, or a new card / bank account tokenized inline. */
export function resolveMethod(state: JustifiState, ctx: HandlerContext, scope: string, input: PaymentMethodInput): PaymentMethodRecord {
  if ('token' in input && typeof input.token === 'string') {
    const record = state.methods.get(scope, input.token);
    // "payment_method_not_found: Payment method not found" (422: createPayment documents no 404).
    if (!record) throw new JustifiError(422, 'payment_method_not_found', `Payment method not found: ${input.token} (tokens are usable in the account that created them)`);
    return record;
  }
  return tokenize(state, ctx, scope, input as { card?: CreateCard; bank_account?: CreateBankAccount });
}

function found(state: JustifiState, ctx: HandlerContext, token: string): PaymentMethodRecord {
  const entry = state.methods.find(token);
  if (!entry || !visible(state, ctx, entry.scope)) throw new JustifiError(404, 'payment_method_not_found', `Payment method not found: ${token}`);
  return entry.value;
}

const respond = (status: number, record: PaymentMethodRecord): OperationResponse => one(status, 'payment_method', record.id, record.method);

export const paymentMethodRules = {
  createPaymentMethod(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    requireEnabled(state, ctx.scope);
    const body = req.body as { payment_method: { card?: CreateCard; bank_account?: CreateBankAccount } };
    return respond(201, tokenize(state, ctx, ctx.scope, body.payment_method));
  },

  listPaymentMethods(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const customer = req.query.customer_id as string | undefined;
    const entries = state.methods.entries(ctx.scope, (r) => customer === undefined || r.method.customer_id === customer);
    return page(entries, req.query, ctx, state.methods.seqOf, (r) => r.method);
  },

  getPaymentMethod(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    return respond(200, found(state, ctx, req.params.token!));
  },

  /** "Change a payment method's expiration date, address, or metadata." */
  updatePaymentMethod(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const record = found(state, ctx, req.params.token!);
    const body = (req.body ?? {}) as { card?: Record<string, unknown>; bank_account?: Record<string, unknown> };
    const given = body.card ? 'card' : body.bank_account ? 'bank_account' : undefined;
    if (given && given !== record.kind) throw new JustifiError(422, 'invalid_characters', `${record.id} is a ${record.kind.replace('_', ' ')} payment method: send ${record.kind}, not ${given}`);
    const updated_at = iso(ctx.clock.now());
    const method: PaymentMethod = record.method;
    if (body.card && method.card) {
      const { metadata, ...fields } = body.card as { metadata?: Record<string, unknown> } & Record<string, unknown>;
      if (fields.month !== undefined && !(/^\d{1,2}$/.test(String(fields.month)) && Number(fields.month) >= 1 && Number(fields.month) <= 12)) throw new JustifiError(422, 'month_invalid');
      if (fields.year !== undefined && !/^\d{4}$/.test(String(fields.year))) throw new JustifiError(422, 'year_invalid');
      if (fields.month !== undefined) method.card.month = String(Number(fields.month));
      if (fields.year !== undefined) method.card.year = String(fields.year);
      if (fields.address_line1 !== undefined) method.card.address_line1_check = 'pass';
      if (fields.address_postal_code !== undefined) method.card.address_postal_code_check = 'pass';
      if (metadata !== undefined) method.card.metadata = metadata;
      method.card.updated_at = updated_at;
    }
    if (body.bank_account && method.bank_account) {
      if (body.bank_account.metadata !== undefined) method.bank_account.metadata = body.bank_account.metadata as Record<string, unknown>;
      method.bank_account.updated_at = updated_at;
    }
    emit(ctx, 'payment_method.updated', state.methods.find(record.id)!.scope, record);
    return respond(200, record);
  },

  /** "Copy a payment method from one sub account to another sub account … without having to collect the card information again." */
  clonePaymentMethod(state: JustifiState, req: OperationRequest, ctx: HandlerContext): OperationResponse {
    const source = found(state, ctx, req.params.token!);
    const destination = (req.body as { destination_account_id?: string } | undefined)?.destination_account_id;
    if (!destination) throw new JustifiError(400, 'parameter_missing', 'Missing required parameter: destination_account_id');
    if (!visible(state, ctx, destination)) throw new JustifiError(404, 'resource_not_found', `No account ${destination} in this platform to clone ${source.id} to`);
    const id = newId('pm');
    const created_at = iso(ctx.clock.now());
    const copy = structuredClone(source.method);
    for (const details of [copy.card, copy.bank_account]) if (details) Object.assign(details, { id, token: id, created_at, updated_at: created_at });
    const record: PaymentMethodRecord = { id, created_at, kind: source.kind, outcome: source.outcome, method: copy };
    state.methods.insert(destination, record);
    emit(ctx, 'payment_method.created', destination, record);
    return respond(200, record);
  },
};
