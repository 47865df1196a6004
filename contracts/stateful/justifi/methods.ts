/**
 * Payment methods: the seed's test cards and ACH accounts as request bodies, what tokenizing one
 * does (a 402 for what fails "while tokenizing the payment method", else a `pm_…` whose later
 * charge succeeds or is declined as the Testing tables say), and the tokenize and clone commands.
 */
import fc from 'fast-check';
import { testBankAccounts, testCards } from '../../../src/justifi/test-cards.js';
import { expectError, expectOk, type ExpectedError } from '../core/rules.js';
import type { CommandSpec, CreatedObject } from '../core/types.js';
import { command, createdBy, documented, expectFields, knownFields, record, remember } from './commands.js';
import { type AccountKey, type Charge, type JustifiModel, label, last4Of, local, methodId, type MethodModel, pick, scoped } from './model.js';

export type TestCardName = keyof typeof testCards;
export type TestBankName = keyof typeof testBankAccounts;
export type MethodChoice = { kind: 'card'; card: TestCardName; expired: boolean } | { kind: 'bank'; account: TestBankName } | { kind: 'token'; n: number };

/** Mostly false, now and then true (shrinks to false): an expired card, ACH with manual capture. */
export const rarely = fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) });
export const cardChoice = fc.record({ kind: fc.constant('card' as const), card: fc.constantFrom(...(Object.keys(testCards) as TestCardName[])), expired: rarely });
export const bankChoice = fc.record({ kind: fc.constant('bank' as const), account: fc.constantFrom(...(Object.keys(testBankAccounts) as TestBankName[])) });
export const tokenChoice = fc.record({ kind: fc.constant('token' as const), n: fc.nat() });

/** "Any future date" for a good card (far enough that a long run's clock never reaches it); a year long gone for an expired one. */
function cardBody(name: TestCardName, expired: boolean) {
  const card = testCards[name];
  return { card: { name: 'Stateful Tester', number: card.number, verification: '1234'.slice(0, card.cvcLength), month: '3', year: expired ? '2020' : '2099', address_postal_code: '55555' } };
}

function bankBody(name: TestBankName) {
  const account = testBankAccounts[name];
  return { bank_account: { account_owner_name: 'Stateful Tester', account_owner_type: 'individual' as const, account_type: 'checking' as const, routing_number: account.routingNumber, account_number: account.accountNumber } };
}

/** The request's `payment_method`, and the model's method when it names a token. */
export function methodBody(m: JustifiModel, choice: MethodChoice): { body: Record<string, unknown>; token?: MethodModel; text: string } {
  if (choice.kind === 'card') return { body: cardBody(choice.card, choice.expired), text: `card ${choice.card}${choice.expired ? ' (expired)' : ''}` };
  if (choice.kind === 'bank') return { body: bankBody(choice.account), text: `bank account ${choice.account}` };
  const token = pick(m.methods, choice.n);
  return { body: { token: token.id }, token, text: token.label };
}

/**
 * The sandbox's codes for the declined ACH accounts (the seed gives a description, not a code:
 * sandbox/justifi/README.md, "Inferred").
 */
const achDeclines: Record<string, { code: string; declineCode: string }> = {
  insufficient_funds: { code: 'card_declined', declineCode: 'insufficient_funds' },
  debits_not_supported: { code: 'not_authorized', declineCode: 'debits_not_supported' },
  account_closed: { code: 'card_declined', declineCode: 'account_closed' },
  account_does_not_exist: { code: 'payment_method_not_found', declineCode: 'no_account' },
};

export type Tokenized = { ok: true; kind: 'card' | 'bank_account'; last4: string; charge: Charge } | { ok: false; error: ExpectedError };

/** What tokenizing a new card or bank account gives (the Testing tables; the 402 of the Payment Required section). */
export function tokenization(m: JustifiModel, choice: Exclude<MethodChoice, { kind: 'token' }>): Tokenized {
  if (choice.kind === 'bank') {
    const account = testBankAccounts[choice.account];
    const decline = achDeclines[account.outcome];
    const charge: Charge = decline ? { succeeds: false, ...decline, inferred: true } : { succeeds: true };
    return { ok: true, kind: 'bank_account', last4: account.accountNumber.slice(-4), charge };
  }
  const card = testCards[choice.card];
  // "4242424242424241: declined with an card_number_invalid code as the card number fails the Luhn check."
  if (card.outcome === 'declined' && card.code === 'card_number_invalid') return { ok: false, error: { status: 402, code: 'card_number_invalid' } };
  // "errors occur while tokenizing the payment method, such as … an expiration date in the past"
  if (choice.expired) return { ok: false, error: { status: 402, code: 'expired_card' } };
  // "If a CVC number is provided, the cvc_check fails" (a CVC is always sent); the code is the sandbox's.
  if (card.outcome === 'cvc_check_fails') return { ok: false, error: { status: 402, code: local(m) ? 'invalid_cvc' : undefined } };
  const last4 = card.number.slice(-4);
  if (card.outcome === 'succeeds') return { ok: true, kind: 'card', last4, charge: { succeeds: true } };
  // "Tokenizing this card succeeds, but attempts to make a payment fail." (no code given: the sandbox's is card_declined)
  if (card.outcome === 'tokenizes_but_payment_fails') return { ok: true, kind: 'card', last4, charge: { succeeds: false, code: 'card_declined', declineCode: undefined, inferred: true } };
  return { ok: true, kind: 'card', last4, charge: { succeeds: false, code: card.code, declineCode: 'declineCode' in card ? card.declineCode : undefined, inferred: false } };
}

/** The refusal a declined charge is answered with: 402 with its `code` and `decline_code`. */
export function declineOf(m: JustifiModel, charge: Extract<Charge, { succeeds: false }>): ExpectedError {
  return charge.inferred && !local(m) ? { status: 402 } : { status: 402, code: charge.code, declineCode: charge.declineCode };
}

/** Adds a payment method the API returned (tokenized, inline in a payment, or cloned). */
export function adoptMethod(m: JustifiModel, account: AccountKey, item: unknown, tokenized: Pick<MethodModel, 'kind' | 'last4' | 'charge'>, how = '', created?: CreatedObject): MethodModel {
  const method: MethodModel = { label: `${label(m, 'pm')}${how}`, id: methodId(record(item)), account, kind: tokenized.kind, last4: tokenized.last4, charge: tokenized.charge, created };
  m.methods.push(method);
  return method;
}

/** An inline card or account the API tokenized before refusing the payment: it is in the list, but no answer gave its id. */
export function unseenMethod(m: JustifiModel, account: AccountKey, tokenized: Extract<Tokenized, { ok: true }>, what: string): void {
  m.unseen.push({
    resource: 'paymentMethods', account, what: `the payment method tokenized inline by ${what}`,
    matches: (item) => last4Of(item) === tokenized.last4 && (tokenized.kind in item),
    adopt: (model, item) => void adoptMethod(model, account, item, tokenized, ' (inline)'),
  });
}

/** The payment method as the model knows it. */
export function expectMethod(name: string, item: unknown, method: MethodModel): void {
  const data = record(item);
  const details = record(data[method.kind]);
  expectFields(name, method.label, [['token', methodId(data), method.id], ['kind', method.kind in data, true], ['acct_last_four', last4Of(data), method.last4], ...knownFields(details, { metadata: method.metadata, month: method.month, year: method.year })]);
}

const maxMethods = 10;

export const methodCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'tokenize a payment method (a test card or ACH account)',
    write: true,
    weight: 2,
    arbitrary: fc.record({ account: fc.nat(), choice: fc.oneof({ weight: 3, arbitrary: cardChoice }, bankChoice) }).map((p) =>
      command(p, {
        describe: (q) => `tokenize(${q.choice.kind === 'card' ? q.choice.card : q.choice.account})`,
        check: (m) => m.methods.length < maxMethods,
        async run(m, r, q, say) {
          const acct = pick(m.accounts, q.account);
          const { body, text } = methodBody(m, q.choice);
          const args = [{ payment_method: body }];
          const options = { ...scoped(acct.key), idempotencyKey: r.key() };
          const outcome = await r.call('paymentMethods.create', args, options);
          const described = say(`tokenize(${text} in ${acct.label})`);
          // "For platforms, if the seller account status is not enabled, 400 will be returned."
          if (acct.status !== 'enabled') {
            expectError(documented, outcome, { status: 400 });
            return described;
          }
          const tokenized = tokenization(m, q.choice as Exclude<MethodChoice, { kind: 'token' }>);
          if (!tokenized.ok) {
            expectError(documented, outcome, tokenized.error);
            return described;
          }
          expectOk(documented, outcome, 201);
          const method = adoptMethod(m, acct.key, outcome.data, tokenized, '', createdBy('paymentMethods.create', outcome, scoped(acct.key)));
          expectMethod(documented, outcome.data, method);
          const other = [{ payment_method: { [tokenized.kind]: { ...(body[tokenized.kind] as object), [tokenized.kind === 'card' ? 'name' : 'account_owner_name']: 'Other Name' } } }];
          remember(m, { label: `tokenize ${method.label}`, method: 'paymentMethods.create', args, options, other }, outcome);
          return `${described} → ${method.label}`;
        },
      }),
    ),
  },
  {
    name: 'clone a payment method into a sub account',
    write: true,
    weight: 3,
    arbitrary: fc.record({ method: fc.nat(), destination: fc.nat() }).map((p) =>
      command(p, {
        describe: () => 'clone(payment method → sub account)',
        check: (m) => m.methods.length > 0 && m.methods.length < maxMethods && m.accounts.length > 1,
        async run(m, r, q, say) {
          const source = pick(m.methods, q.method);
          // "Copy a payment method from one sub account to another sub account."
          const destination = pick(m.accounts.slice(1), q.destination);
          const described = say(`clone(${source.label} → ${destination.label})`);
          const args = [source.id, { destination_account_id: destination.key }];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('paymentMethods.clone', args, options);
          expectOk(documented, outcome, 200);
          // The copy charges as the original does: "without having to collect the card information again".
          const copy = adoptMethod(m, destination.key, outcome.data, source, ` (clone of ${source.label})`, createdBy('paymentMethods.clone', outcome, {}, { path: { token: source.id }, body: args[1] }));
          expectMethod(documented, outcome.data, copy);
          const fresh = methodId(record(outcome.data)) !== source.id;
          expectFields(documented, `the clone of ${source.label}`, [['a new token', fresh, true]]);
          remember(m, { label: `clone ${source.label}`, method: 'paymentMethods.clone', args, options, other: [source.id, { destination_account_id: `${destination.key}_other` }] }, outcome);
          return `${described} → ${copy.label}`;
        },
      }),
    ),
  },
];
