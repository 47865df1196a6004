/**
 * Hosted checkout: "Create a checkout session which will be used to redirect your customer to the
 * JustiFi checkout page. This in includes the payment intent … At this point You have 24 hours to
 * complete the checkout." A new session id each time, the intent left as it was. That a session
 * completes when its intent is captured is the sandbox's inference, seen only as a webhook
 * (`checkout.completed`), which no API read shows: not modelled. A succeeded intent has nothing left
 * to check out; the sandbox refuses it with 422 `payment_intent_unexpected_state` (inferred).
 */
import fc from 'fast-check';
import { describeOutcome, expectError, expectOk, rule } from '../core/rules.js';
import type { CommandSpec } from '../core/types.js';
import { command, documented, record } from './commands.js';
import { expectIntent } from './intents.js';
import { type JustifiModel, local, pick } from './model.js';

const freshSession = 'each checkout session created for a payment intent has an id of its own, and leaves the intent as it was';

export const checkoutCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'create a checkout session for a payment intent',
    write: true,
    weight: 2,
    arbitrary: fc.record({ intent: fc.nat(), back: fc.boolean() }).map((p) =>
      command(p, {
        describe: () => 'createCheckoutSession(intent)',
        check: (m) => m.intents.length > 0 && m.checkoutSessions.length < 8,
        async run(m, r, q, say) {
          const intent = pick(m.intents, q.intent);
          const body = { payment_intent_id: intent.id, after_payment_url: 'https://example.com/paid', ...(q.back ? { back_url: 'https://example.com/back' } : {}) };
          const outcome = await r.call('checkoutSessions.create', [body]);
          const described = say(`createCheckoutSession(${intent.label} ${intent.status}${q.back ? ', back_url' : ''})`);
          if (intent.status === 'succeeded') {
            if (local(m)) expectError(documented, outcome, { status: 422, code: 'payment_intent_unexpected_state' });
            else rule(documented, !outcome.ok && (outcome.status ?? 0) >= 400 && (outcome.status ?? 0) < 500, () => `expected a 4XX for a checkout of a succeeded intent, got ${describeOutcome(outcome)}`);
            return described;
          }
          expectOk(documented, outcome, 201);
          const id = record(outcome.data).checkout_session_id;
          rule(freshSession, typeof id === 'string' && id !== '' && !m.checkoutSessions.some((s) => s.id === id), () => `checkout_session_id ${JSON.stringify(id)}, earlier sessions ${m.checkoutSessions.map((s) => s.id).join(', ') || 'none'}`);
          m.checkoutSessions.push({ id, intentId: intent.id });
          const after = await r.call('paymentIntents.get', [intent.id]);
          expectOk(freshSession, after, 200);
          expectIntent(m, freshSession, after.data, intent);
          return `${described} → ${id}`;
        },
      }),
    ),
  },
];
