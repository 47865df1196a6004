/**
 * Disputes: "A customer may dispute their payment with the card issuer/bank … a dispute record is
 * created and associated with their original payment." Nothing in the API makes one, so the only
 * disputes are the sandbox's seeded two of every platform (model.ts), adopted by the first walk of
 * the disputes list; "Change a dispute's metadata" shows in the dispute and, as "The disputes for a
 * specific payment are also included in the payments API response", in its payment.
 */
import fc from 'fast-check';
import { expectOk, rule } from '../core/rules.js';
import type { CommandSpec } from '../core/types.js';
import { command, expectFields, knownFields, record, remember } from './commands.js';
import { account, type DisputeModel, type JustifiModel, local, pick, platform } from './model.js';
import { walk } from './reads.js';
import { metadata } from './updates.js';

const updateShown = "a dispute's metadata update shows in the dispute and in its payment";

/** The dispute as the model knows it (its payment, when the model has adopted the seeded payment). */
export function expectDispute(m: JustifiModel, name: string, item: unknown, d: DisputeModel): void {
  const data = record(item);
  const payment = m.payments.find((p) => p.fixture && p.amount === d.amount);
  expectFields(name, d.label, [
    ['id', data.id, d.id], ['amount', data.amount, d.amount], ['status', data.status, d.status], ['reason', data.reason, d.reason], ['payment_id', data.payment_id, payment?.id ?? d.paymentId],
    ...knownFields(data, { metadata: d.metadata }),
  ]);
}

export const disputeCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'update a dispute (metadata)',
    write: true,
    localOnly: 'the disputes are the sandbox’s seeded fixtures',
    arbitrary: fc.record({ dispute: fc.nat(), metadata }).map((p) =>
      command(p, {
        describe: () => 'updateDispute(dispute)',
        // Locally the platform always has its two; a first walk of the disputes adopts them.
        check: (m) => local(m) || m.disputes.length > 0,
        async run(m, r, q, say) {
          if (m.disputes.length === 0) await walk(m, r, 'disputes', account(m, platform), 5);
          const dispute = pick(m.disputes, q.dispute);
          const described = say(`updateDispute(${dispute.label}, metadata ${JSON.stringify(q.metadata)})`);
          const args = [dispute.id, { metadata: q.metadata }];
          const options = { idempotencyKey: r.key() };
          const outcome = await r.call('disputes.update', args, options);
          expectOk(updateShown, outcome, 200);
          dispute.metadata = q.metadata;
          expectDispute(m, updateShown, outcome.data, dispute);
          remember(m, { label: `update ${dispute.label}`, method: 'disputes.update', args, options, other: [dispute.id, { metadata: { ...q.metadata, other: 'parameters' } }] }, outcome);
          const again = await r.call('disputes.get', [dispute.id]);
          expectOk(updateShown, again, 200);
          expectDispute(m, updateShown, again.data, dispute);
          const payment = await r.call('payments.get', [dispute.paymentId]);
          expectOk(updateShown, payment, 200);
          const embedded = ((record(payment.data).disputes ?? []) as unknown[]).map(record).find((d) => d.id === dispute.id);
          rule(updateShown, embedded !== undefined, () => `payment ${dispute.paymentId} does not include ${dispute.label} (${dispute.id})`);
          expectDispute(m, updateShown, embedded, dispute);
          return described;
        },
      }),
    ),
  },
];
