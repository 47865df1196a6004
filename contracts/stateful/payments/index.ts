/**
 * The Payments API v1.3.0 stateful definition: a model of one API key (model.ts) and the commands
 * on its intents, payments, refunds, external payments and refunds (external.ts), checkout sessions (checkout.ts), disputes and payment methods (disputes.ts, methods.ts), ledger, idempotency keys (replays.ts) and accounts (scope.ts),
 * one file each; checks.ts compares answers with the model, picks.ts draws the commands' choices,
 * keyed.ts sends and keeps keyed writes. The runner (../core/runner.ts) plays them through the SDK
 * against the sandbox behind Prism.
 */
import type { CreatedObject, StatefulApi } from '../core/types.js';
import { checkoutCommands } from './checkout.js';
import { disputeCommands } from './disputes.js';
import { externalCommands } from './external.js';
import { intentCommands } from './intents.js';
import { ledgerCommands } from './ledger.js';
import { initialModel, type PaymentsModel } from './model.js';
import { methodCommands } from './methods.js';
import { paymentCommands } from './payments.js';
import { refundCommands } from './refunds.js';
import { replayCommands } from './replays.js';
import { newScope, scopeCommands } from './scope.js';

/** Every intent, payment and refund the sequence made, as its create returned it, with the account it belongs to. */
function created(m: PaymentsModel): CreatedObject[] {
  const sessions = m.sessions.map((s): CreatedObject => ({ method: 'checkoutSessions.create', body: s.data, options: { accountId: s.account } }));
  // A session's intent is shown as an intent create: its read links are the same.
  return sessions.concat(m.intents.flatMap((intent): CreatedObject[] => {
    const options = { accountId: intent.account };
    // An external intent's payment was recorded with it, not created by createPayment.
    if (intent.external) {
      return [
        { method: 'externalPayments.create', body: intent.data, options },
        ...intent.refunds.map((f) => ({ method: 'externalRefunds.create', body: f.data, options, request: { body: { payment_intent_id: intent.id } } })),
      ];
    }
    return [
      { method: 'paymentIntents.create', body: intent.data, options },
      ...intent.payments.map((p) => ({ method: 'paymentIntents.createPayment', body: p.data, options, request: { path: { id: intent.id } } })),
      ...intent.refunds.map((f) => ({ method: 'paymentIntents.createRefund', body: f.data, options, request: { path: { id: intent.id } } })),
    ];
  }));
}

export const paymentsStateful: StatefulApi<PaymentsModel> = {
  api: 'payments-v1.3',
  initialModel,
  newScope,
  commands: () => [...intentCommands(), ...paymentCommands(), ...refundCommands(), ...externalCommands(), ...checkoutCommands(), ...disputeCommands(), ...methodCommands(), ...ledgerCommands(), ...replayCommands(), ...scopeCommands()],
  created,
};
