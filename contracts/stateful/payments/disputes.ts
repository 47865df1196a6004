/**
 * Disputes: seed "Fetch list of disputes matching query" and "Fetch dispute by id". A cardholder's
 * bank raises them, not the API; the sandbox derives them (inferred, sandbox/payments/disputes.ts):
 * a payment with the fixture `pm_card_disputed` captured at once is disputed for its full amount,
 * `needs_response`. The spec gives neither read an `x-account-id`: they cover every account of the key.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { externalListMax, type ModelDispute, type PaymentsModel } from './model.js';
import { command, pageSize } from './picks.js';

type Dispute = { id: string; amount?: number; payment_id?: string | null; payment_intent_id?: string | null; account_id?: string; status?: string };

/** A dispute as the API shows it must be the one the model derived. */
function checkDispute(ruleName: string, data: Dispute, d: ModelDispute, m: PaymentsModel): void {
  const intent = m.intents.find((i) => i.n === d.intent)!;
  const fields: [keyof Dispute, unknown, string][] = [
    ['id', d.id, ruleName],
    ['amount', d.amount, ruleName],
    ['payment_id', d.paymentId, ruleName],
    ['payment_intent_id', intent.id, ruleName],
    ['account_id', d.account, sharedRules.scoped],
    ['status', 'needs_response', ruleName],
  ];
  for (const [field, want, name] of fields) rule(name, data[field] === want, () => `dispute ${d.id} of intent#${intent.n}.${field}: expected ${JSON.stringify(want)}, got ${JSON.stringify(data[field])}`);
}

/** Walks every page of the key's disputes: no dispute twice; locally exactly those the model derived. */
async function listDisputes(m: PaymentsModel, r: Real, limit: number): Promise<void> {
  const outcome = await r.list<Dispute>('disputes.list', [{ limit }], { max: m.exact ? 2000 : externalListMax });
  expectOk(sharedRules.listedOnce, outcome);
  const ids = outcome.items.map((d) => d.id);
  const twice = ids.filter((id, at) => ids.indexOf(id) !== at);
  rule(sharedRules.listedOnce, twice.length === 0, () => `disputes listed more than once over ${outcome.pages} pages of ${limit}: ${twice.join(', ')}`);
  if (!m.exact) return;
  const want = m.disputes.map((d) => d.id);
  rule(sharedRules.listedOnce, ids.length === want.length && want.every((id) => ids.includes(id)), () => `disputes over ${outcome.pages} pages of ${limit}: expected ${want.join(', ') || 'none'}, got ${ids.join(', ') || 'none'}`);
  for (const item of outcome.items) checkDispute(sharedRules.retrievable, item, m.disputes.find((d) => d.id === item.id)!, m);
}

export function disputeCommands(): CommandSpec<PaymentsModel>[] {
  return [
    {
      name: 'list disputes (every page, limit 1-5)',
      write: false,
      arbitrary: pageSize.map((limit) => command(`listDisputes(limit ${limit})`, () => true, (m, r) => listDisputes(m, r, limit))),
    },
    {
      name: 'get a dispute',
      write: false,
      weight: 3,
      localOnly: 'disputes are derived by the sandbox from its fixture pm_card_disputed (inferred)',
      arbitrary: fc.nat({ max: 3 }).map((pick) =>
        command(`getDispute(dispute latest-${pick})`, (m) => m.disputes.length > 0, async (m, r) => {
          const d = m.disputes[m.disputes.length - 1 - (pick % m.disputes.length)]!;
          const outcome = await r.call<Dispute>('disputes.get', [d.id]);
          expectOk(sharedRules.retrievable, outcome, 200);
          checkDispute(sharedRules.retrievable, outcome.data, d, m);
        })),
    },
  ];
}
