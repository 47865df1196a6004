/**
 * The JustiFi API v1 stateful definition: a fresh platform per sequence locally (each `test_…`
 * client id is one), the model (model.ts) and the commands by resource: payments.ts, intents.ts,
 * checkout.ts, disputes.ts, methods.ts, accounts.ts (sub accounts, the clock), updates.ts, reads.ts
 * (walks and gets), ledger.ts (a payment's balance transactions), replays.ts.
 */
import type { CreatedObject, StatefulApi, StatefulEnv } from '../core/types.js';
import { accountCommands } from './accounts.js';
import { checkoutCommands } from './checkout.js';
import { disputeCommands } from './disputes.js';
import { intentCommands } from './intents.js';
import { methodCommands } from './methods.js';
import { ledgerCommands } from './ledger.js';
import { initialModel, type JustifiModel } from './model.js';
import { paymentCommands } from './payments.js';
import { readCommands } from './reads.js';
import { replayCommands } from './replays.js';
import { updateCommands } from './updates.js';

/** Tells this run's platforms from an earlier run's against a sandbox that keeps running. */
const run = Date.now().toString(36);

/** A fresh platform of the local sandbox: any `test_…` client id is one. */
function localScope(n: number) {
  const clientId = `test_stateful_${run}_${n}`;
  return { clientOptions: { clientId, clientSecret: 'stateful' }, clientScript: `const justifi = createJustifiClient({ clientId: '${clientId}', clientSecret: process.env.JUSTIFI_CLIENT_SECRET ?? 'any', baseUrl });` };
}

/**
 * An external target's credentials (JUSTIFI_CLIENT_ID, JUSTIFI_CLIENT_SECRET, optionally
 * JUSTIFI_SUB_ACCOUNT). Without them the scope is a `test_…` platform as locally: right for a local
 * sandbox reached by URL; a vendor's sandbox answers the first call with a 401 that the report shows.
 */
function externalScope(n: number) {
  const { JUSTIFI_CLIENT_ID: clientId, JUSTIFI_CLIENT_SECRET: clientSecret, JUSTIFI_SUB_ACCOUNT: subAccount } = process.env;
  if (!clientId || !clientSecret) return localScope(n);
  return {
    clientOptions: { clientId, clientSecret, ...(subAccount ? { subAccount } : {}) },
    clientScript: `const justifi = createJustifiClient({ clientId: process.env.JUSTIFI_CLIENT_ID, clientSecret: process.env.JUSTIFI_CLIENT_SECRET${subAccount ? ', subAccount: process.env.JUSTIFI_SUB_ACCOUNT' : ''}, baseUrl });`,
  };
}

export const justifiStateful: StatefulApi<JustifiModel> = {
  api: 'justifi-v1',
  initialModel,
  newScope(env: StatefulEnv, n: number) {
    return env.external ? externalScope(n) : localScope(n);
  },
  commands: () => [...paymentCommands, ...intentCommands, ...checkoutCommands, ...methodCommands, ...accountCommands, ...updateCommands, ...disputeCommands, ...readCommands, ...ledgerCommands, ...replayCommands],
  created(m: JustifiModel): readonly CreatedObject[] {
    // Nothing is ever deleted: every object a create answered still exists.
    return [...m.payments, ...m.methods, ...m.intents, ...m.refunds, ...m.accounts].flatMap((o) => (o.created ? [o.created] : []));
  },
};
