/**
 * Scopes. The Payments API scopes by API key and `x-account-id` (sandbox/payments/auth.ts,
 * scope.ts): locally every sequence gets a fresh API key with two accounts, so what one account
 * made must be a 404 `not_found` for the other, in reads and in writes, and absent from its lists.
 */
import fc from 'fast-check';
import { expectError, sharedRules } from '../core/rules.js';
import type { CommandSpec, Outcome, Real, SequenceScope, StatefulEnv } from '../core/types.js';
import { localAccounts, type ModelIntent, type ModelSession, type PaymentsModel } from './model.js';
import { command, intentPick, pickIntent, pickText } from './picks.js';

/** The account of an external target (PAYMENTS_ACCOUNT_ID). */
export const externalAccount = () => process.env.PAYMENTS_ACCOUNT_ID || 'PAYMENTS_ACCOUNT_ID-unset';

/** Unique per process, so two runs against one sandbox never share a key. */
const runId = `${process.pid.toString(36)}${Date.now().toString(36)}`;

export function newScope(env: StatefulEnv, n: number): SequenceScope {
  if (env.external) {
    const business = process.env.PAYMENTS_BUSINESS_ID;
    return {
      // Unset variables get placeholders, so the client is made and the first answer (a 401) says what is missing.
      clientOptions: { apiKey: process.env.PAYMENTS_API_KEY || 'PAYMENTS_API_KEY-unset', accountId: externalAccount(), ...(business ? { businessId: business } : {}) },
      clientScript: `const payments = createPaymentsClient({ apiKey: process.env.PAYMENTS_API_KEY, accountId: process.env.PAYMENTS_ACCOUNT_ID${business ? ', businessId: process.env.PAYMENTS_BUSINESS_ID' : ''}, baseUrl });`,
    };
  }
  return {
    clientOptions: { apiKey: `sk_test_stateful_${runId}_${n}`, accountId: localAccounts[0] },
    clientScript: `const payments = createPaymentsClient({ apiKey: 'sk_test_stateful_<run>_${n}' /* any key is a fresh one */, accountId: '${localAccounts[0]}', baseUrl });`,
  };
}

/** What the other account tries on an intent (or its first refund, or the session that made it) that is not its own. */
const probes = ['get', 'update', 'pay', 'capture', 'cancel', 'refund', 'readRefund', 'readSession', 'externalRefund'] as const;
type Probe = (typeof probes)[number];

function probe(r: Real, kind: Probe, intent: ModelIntent, accountId: string, session: ModelSession | undefined): Promise<Outcome> {
  const options = { accountId, idempotencyKey: kind === 'get' || kind.startsWith('read') ? undefined : r.key() };
  switch (kind) {
    case 'get': return r.call('paymentIntents.get', [intent.id], { accountId });
    case 'update': return r.call('paymentIntents.update', [intent.id, { description: 'not mine' }], options);
    case 'pay': return r.call('paymentIntents.createPayment', [intent.id, { payment_method_id: 'pm_card_visa' }], options);
    case 'capture': return r.call('paymentIntents.capture', [intent.id, undefined], options);
    case 'cancel': return r.call('paymentIntents.cancel', [intent.id, undefined], options);
    case 'refund': return r.call('paymentIntents.createRefund', [intent.id, undefined], options);
    case 'readRefund': return r.call('refunds.get', [intent.refunds[0]!.id], { accountId });
    case 'readSession': return r.call('checkoutSessions.get', [session!.id], { accountId });
    case 'externalRefund': return r.call('externalRefunds.create', [{ payment_intent_id: intent.id, gateway_response: { status: 'approved', transaction_id: r.unique('gw') } }], options);
  }
}

export function scopeCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'switch x-account-id: the other account of the key sees nothing of the first',
      write: true,
      localOnly: 'the sandbox takes any x-account-id of a key (inferred); a vendor key has only its own accounts',
      arbitrary: fc.record({ pick: intentPick, kind: fc.constantFrom(...probes) }).map(({ pick, kind }) =>
        command(`asOtherAccount(${kind}, ${pickText(pick)})`, (m) => m.accounts.length > 1 && m.intents.length > 0, async (m, r) => {
          const intent = pickIntent(m, pick);
          const other = m.accounts.find((a) => a !== intent.account)!;
          const session = m.sessions.find((x) => x.intent === intent.n);
          // No refund (or session) yet: the other account reads the intent instead.
          const sent = (kind === 'readRefund' && intent.refunds.length === 0) || (kind === 'readSession' && !session) ? 'get' : kind;
          const outcome = await probe(r, sent, intent, other, session);
          // An external refund names its intent in the body, and the spec documents no 404 there: a 422 on payment_intent_id (inferred).
          expectError(sharedRules.scoped, outcome, sent === 'externalRefund' ? { status: 422, code: 'payment_intent_not_found' } : { status: 404, code: 'not_found' });
        })),
    },
  ];
}
