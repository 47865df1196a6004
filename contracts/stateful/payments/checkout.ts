/**
 * Checkout sessions: hosted pages that collect payment for one payment intent. Seed "Create a new
 * checkout session" (status `open`, `payment_intent_data`, `subtotal`, `discount_amount`), "Create a
 * checkout session payment", "Complete a checkout session", "Expire a check session", the get, the
 * details and the list. The seed shows only `open`; the rest is the sandbox's inference
 * (sandbox/payments/README.md "Checkout sessions"): a session makes its own intent, is paid while
 * open, and then either completes (once its intent has a successful payment) or expires (only
 * unpaid, cancelling the intent as `abandoned`), open → completed | expired, both final; a final
 * session, completing an unpaid one and expiring a paid one are 409s; a discount may not exceed
 * the subtotal. Its intent is an ordinary intent of the account: the intent commands act on it too.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { checkIntent, expectRefusal, refusal } from './checks.js';
import { maxIntents, modelIntent } from './intents.js';
import { sendKeyed } from './keyed.js';
import { externalListMax, fixtureMethods, scopeOf, type MethodType, type ModelIntent, type ModelSession, type PaymentIntent, type PaymentsModel } from './model.js';
import { performPay } from './payments.js';
import { command, defined, intentPick, pageSize, rarely, type IntentPick } from './picks.js';

type Session = ModelSession['data'];

const sessionReason = 'checkout sessions\' states (completed, expired), their 409 codes and the intent a session makes are the sandbox\'s inferred rules';

/** The spec's rule for this answer: a session moves open → completed | expired only. */
const sessionMoves = (from: ModelSession['status'], to: unknown) => from === to || (from === 'open' && (to === 'completed' || to === 'expired'));

/** Inferred lifetime of an open session: 24 hours from its creation (the clock stands still, so it never passes). */
const lifetimeMs = 24 * 60 * 60 * 1000;

export type SessionBody = {
  cancel_url: string;
  success_url: string;
  customer_email: string;
  payment_intent_data: { amount: number; capture?: boolean; description?: string };
  subtotal: number;
  discount_amount: number;
  payment_method_types?: MethodType[];
};

const sessionBody = fc
  .record({
    amount: fc.integer({ min: 1, max: 20_000 }),
    capture: rarely(fc.boolean()),
    discount: fc.oneof({ weight: 4, arbitrary: fc.constant('none' as const) }, fc.constantFrom('some' as const, 'more than the subtotal' as const)),
    types: rarely(fc.constantFrom<MethodType[]>(['card'], ['bank'])),
  })
  .map(({ amount, capture, discount, types }): SessionBody => ({
    cancel_url: 'https://shop.example.com/cart',
    success_url: 'https://shop.example.com/thanks',
    customer_email: 'jane.doe@example.com',
    payment_intent_data: defined({ amount, capture }),
    subtotal: amount,
    discount_amount: discount === 'none' ? 0 : discount === 'some' ? Math.floor(amount / 10) : amount + 1,
    ...(types ? { payment_method_types: types } : {}),
  }));

export const intentOfSession = (m: PaymentsModel, s: ModelSession): ModelIntent => m.intents.find((i) => i.n === s.intent)!;
/** Paid: its intent has a successful payment (captured, or authorized and not yet captured). */
const isPaid = (m: PaymentsModel, s: ModelSession) => ['captured', 'uncaptured'].includes(intentOfSession(m, s).status);

/** The session as the API shows it must be the model's. */
function checkSession(ruleName: string, data: Session, s: ModelSession, m: PaymentsModel, from: ModelSession['status'] = s.status): void {
  const what = `session#${s.n} (${s.id})`;
  if (data.status !== s.status) rule(sessionMoves(from, data.status) ? ruleName : sharedRules.statusMoves, false, () => `${what} went from ${from} to ${data.status}; expected ${s.status}`);
  const fields: [string, unknown, string][] = [
    ['id', s.id, ruleName],
    ['payment_intent_id', intentOfSession(m, s).id, ruleName],
    ['subtotal', s.subtotal, ruleName],
    ['discount_amount', s.discount, ruleName],
    ['customer_email', s.customerEmail, ruleName],
    ['account_id', s.account, sharedRules.scoped],
    ['payment_method_types', JSON.stringify(s.methodTypes), ruleName],
  ];
  for (const [field, want, name] of fields) {
    const got = field === 'payment_method_types' ? JSON.stringify(data.payment_method_types) : (data as Record<string, unknown>)[field];
    rule(name, got === want, () => `${what}.${field}: expected ${String(want)}, got ${JSON.stringify(got)}`);
  }
  const life = Date.parse(String(data.expires_at)) - Date.parse(data.created_at);
  rule(ruleName, life === lifetimeMs, () => `${what} expires ${data.expires_at}, created ${data.created_at}: expected 24 h later`);
}

/** Creates a session of `account`: open, with a new intent of the session's amount, method types and capture. */
export async function performSessionCreate(m: PaymentsModel, r: Real, account: string, body: SessionBody, key: string): Promise<void> {
  const outcome = await sendKeyed<Session>(m, r, 'sessionCreate', account, body, key);
  if (body.discount_amount > body.subtotal) return expectRefusal(m, outcome, refusal(422, 'discount_exceeds_subtotal'), `discount ${body.discount_amount} of subtotal ${body.subtotal}`);
  expectOk(sharedRules.documentedStatus, outcome, 201);
  const methodTypes = body.payment_method_types ?? ['card', 'bank'];
  rule(sharedRules.replayReturnsFirst, !m.sessions.some((s) => s.id === outcome.data.id), () => `a new create answered ${outcome.data.id}, a session the sequence already had`);
  // The session's intent: read it back (one request) as the model's new intent.
  const read = await r.call<PaymentIntent>('paymentIntents.get', [String(outcome.data.payment_intent_id)], scopeOf(m, account));
  expectOk(sharedRules.retrievable, read, 200);
  const intent = modelIntent(m, account, { ...body.payment_intent_data, payment_method_types: methodTypes }, read.data, false);
  checkIntent(sharedRules.documentedStatus, read.data, intent);
  m.intents.push(intent);
  const session: ModelSession = { n: m.sessions.length + 1, id: outcome.data.id, account, intent: intent.n, status: 'open', subtotal: body.subtotal, discount: body.discount_amount, customerEmail: body.customer_email, methodTypes, data: outcome.data };
  checkSession(sharedRules.documentedStatus, outcome.data, session, m);
  m.sessions.push(session);
}

/** Completes a session: only an open one whose intent has a successful payment. */
export async function performComplete(m: PaymentsModel, r: Real, s: ModelSession, key: string): Promise<void> {
  const outcome = await sendKeyed<Session>(m, r, 'sessionComplete', intentOfSession(m, s), undefined, key, s);
  if (s.status !== 'open') return expectRefusal(m, outcome, refusal(409, `checkout_session_${s.status}`, sharedRules.statusMoves), `session#${s.n} is ${s.status}`);
  if (!isPaid(m, s)) return expectRefusal(m, outcome, refusal(409, 'checkout_session_unpaid', sharedRules.statusMoves), `session#${s.n}'s intent is ${intentOfSession(m, s).status}`);
  expectOk(sharedRules.documentedStatus, outcome, 200);
  s.status = 'completed';
  checkSession(sharedRules.documentedStatus, outcome.data, s, m, 'open');
}

/** Expires a session: only an open, unpaid one; its intent is cancelled as abandoned (unless it already was cancelled). */
export async function performExpire(m: PaymentsModel, r: Real, s: ModelSession, key: string): Promise<void> {
  const intent = intentOfSession(m, s);
  const outcome = await sendKeyed<Session>(m, r, 'sessionExpire', intent, undefined, key, s);
  if (s.status !== 'open') return expectRefusal(m, outcome, refusal(409, `checkout_session_${s.status}`, sharedRules.statusMoves), `session#${s.n} is ${s.status}`);
  if (isPaid(m, s)) return expectRefusal(m, outcome, refusal(409, 'checkout_session_paid', sharedRules.statusMoves), `session#${s.n}'s intent is ${intent.status}`);
  expectOk(sharedRules.documentedStatus, outcome, 200);
  s.status = 'expired';
  checkSession(sharedRules.documentedStatus, outcome.data, s, m, 'open');
  const from = intent.status;
  if (from !== 'cancelled') Object.assign(intent, { status: 'cancelled', cancellationReason: 'abandoned' });
  const read = await r.call<PaymentIntent>('paymentIntents.get', [intent.id], scopeOf(m, intent.account));
  expectOk(sharedRules.retrievable, read, 200);
  checkIntent(sharedRules.documentedStatus, read.data, intent, from);
}

/** Which session a command acts on, like an intent pick: preferring the state it is meant for. */
function pickSession(m: PaymentsModel, pick: IntentPick, wanted?: (s: ModelSession) => boolean): ModelSession {
  const candidates = wanted && !pick.any ? m.sessions.filter(wanted) : [];
  const from = candidates.length > 0 ? candidates : m.sessions;
  return from[from.length - 1 - (pick.back % from.length)]!;
}

const sessionText = (pick: IntentPick, state?: string) => `${pick.back === 0 ? 'latest session' : `session latest-${pick.back}`}${state && !pick.any ? ` (${state} if any)` : ''}`;
const hasSession = (m: Readonly<PaymentsModel>) => m.sessions.length > 0;

/** Walks every page of an account's sessions: exactly the model's sessions of it, each once. */
async function listSessions(m: PaymentsModel, r: Real, account: string, limit: number): Promise<void> {
  const outcome = await r.list<Session>('checkoutSessions.list', [{ limit }], { ...scopeOf(m, account), max: m.exact ? 2000 : externalListMax });
  expectOk(sharedRules.listedOnce, outcome);
  const ids = outcome.items.map((s) => s.id);
  const twice = ids.filter((id, at) => ids.indexOf(id) !== at);
  rule(sharedRules.listedOnce, twice.length === 0, () => `sessions listed more than once over ${outcome.pages} pages of ${limit}: ${twice.join(', ')}`);
  rule(sharedRules.scoped, outcome.items.every((s) => s.account_id === account), () => `the sessions of ${account} show sessions of ${[...new Set(outcome.items.map((s) => s.account_id))].join(', ')}`);
  const mine = m.sessions.filter((s) => s.account === account);
  const want = mine.map((s) => s.id);
  const exact = m.exact ? ids.length === want.length : true;
  rule(sharedRules.listedOnce, exact && want.every((id) => ids.includes(id)), () => `sessions of ${account} over ${outcome.pages} pages of ${limit}: expected ${want.join(', ') || 'none'}, got ${ids.join(', ') || 'none'}`);
  for (const item of outcome.items) {
    const s = mine.find((x) => x.id === item.id);
    if (s) checkSession(sharedRules.retrievable, item, s, m);
  }
}

/** The session of a keyed write on one (replays.ts). */
export const sessionOf = (m: PaymentsModel, n: number | undefined): ModelSession => m.sessions.find((s) => s.n === n)!;

export function checkoutCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'create a checkout session (with its intent; a discount up to more than the subtotal)',
      write: true,
      weight: 2,
      localOnly: sessionReason,
      arbitrary: fc.record({ body: sessionBody, other: fc.nat({ max: 3 }) }).map(({ body, other }) =>
        command(`createSession(amount ${body.subtotal}, discount ${body.discount_amount}${body.payment_method_types ? `, ${body.payment_method_types.join('+')}` : ''}${other === 3 ? ', second account' : ''})`, (m) => m.intents.length < maxIntents, (m, r) =>
          performSessionCreate(m, r, m.accounts[other === 3 ? 1 % m.accounts.length : 0]!, body, r.key()))),
    },
    {
      name: 'pay a checkout session (any fixture method)',
      write: true,
      weight: 4,
      localOnly: sessionReason,
      arbitrary: fc.record({ pick: intentPick, method: fc.oneof({ weight: 2, arbitrary: fc.constant('pm_card_visa') }, fc.constantFrom(...fixtureMethods.map((f) => f.id))) }).map(({ pick, method }) =>
        command(`paySession(${sessionText(pick, 'open')}, ${method})`, hasSession, (m, r) => {
          const s = pickSession(m, pick, (x) => x.status === 'open');
          return performPay(m, r, intentOfSession(m, s), { payment_method_id: method }, r.key(), s);
        })),
    },
    {
      name: 'complete a checkout session',
      write: true,
      weight: 2,
      localOnly: sessionReason,
      arbitrary: intentPick.map((pick) =>
        command(`completeSession(${sessionText(pick, 'open and paid')})`, hasSession, (m, r) => performComplete(m, r, pickSession(m, pick, (x) => x.status === 'open' && isPaid(m, x)), r.key()))),
    },
    {
      name: 'expire a checkout session',
      write: true,
      localOnly: sessionReason,
      arbitrary: intentPick.map((pick) =>
        command(`expireSession(${sessionText(pick, 'open')})`, hasSession, (m, r) => performExpire(m, r, pickSession(m, pick, (x) => x.status === 'open'), r.key()))),
    },
    {
      name: 'get a checkout session and its details',
      write: false,
      weight: 2,
      arbitrary: intentPick.map((pick) =>
        command(`getSession(${sessionText(pick)}) and its details`, hasSession, async (m, r) => {
          const s = pickSession(m, pick);
          const outcome = await r.call<Session>('checkoutSessions.get', [s.id], scopeOf(m, s.account));
          expectOk(sharedRules.retrievable, outcome, 200);
          checkSession(sharedRules.retrievable, outcome.data, s, m);
          // The spec gives the details (read by the hosted page) no x-account-id: any account of the key.
          const details = await r.call<{ checkout_session: Session }>('checkoutSessions.details', [s.id]);
          expectOk(sharedRules.retrievable, details, 200);
          checkSession(sharedRules.retrievable, details.data.checkout_session, s, m);
        })),
    },
    {
      name: 'list checkout sessions (every page, limit 1-5)',
      write: false,
      arbitrary: fc.record({ limit: pageSize, other: fc.nat({ max: 3 }) }).map(({ limit, other }) =>
        command(`listSessions(limit ${limit}${other === 3 ? ', second account' : ''})`, () => true, (m, r) => listSessions(m, r, m.accounts[other === 3 ? 1 % m.accounts.length : 0]!, limit))),
    },
  ];
}
