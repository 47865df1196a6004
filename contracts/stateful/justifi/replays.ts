/**
 * Idempotency: "If you POST the same request and Idempotency-Key again, you'll get the response
 * you originally received back"; "If you try the same Idempotency-Key with different parameters,
 * your request will error" (`idempotency_params_mismatch`). The model changes in neither case, so
 * a replay that made a second object also shows in the next walk of its list.
 */
import fc from 'fast-check';
import { describeOutcome, expectError, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec } from '../core/types.js';
import { canonicalJson } from '../../../sandbox/core/idempotency.js';
import { command } from './commands.js';
import { type JustifiModel, local, pick } from './model.js';

/** "200: Payment with identical idempotency key was captured" (the first capture answered 201). */
const replayStatus = (method: string, status: number) => (method === 'payments.capture' && status === 201 ? 200 : status);
const withOther = (m: Readonly<JustifiModel>) => m.writes.filter((w) => w.other);

export const replayCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'replay a write with the same idempotency key',
    write: true,
    weight: 4,
    arbitrary: fc.record({ write: fc.nat() }).map((p) =>
      command(p, {
        describe: () => 'replay(write)',
        check: (m) => m.writes.length > 0,
        async run(m, r, q, say) {
          const write = pick(m.writes, q.write);
          say(`replay(${write.label})`);
          const outcome = await r.call(write.method, write.args, write.options);
          const status = replayStatus(write.method, write.status);
          rule(sharedRules.replayReturnsFirst, outcome.ok && outcome.status === status, () => `expected ${status} as first answered, got ${describeOutcome(outcome)}`);
          const same = outcome.ok && canonicalJson(outcome.data) === canonicalJson(write.data);
          rule(sharedRules.replayReturnsFirst, same, () => `the replay answered ${JSON.stringify(outcome.ok ? outcome.data : undefined).slice(0, 300)}, the first answer was ${JSON.stringify(write.data).slice(0, 300)}`);
        },
      }),
    ),
  },
  {
    name: 'replay an idempotency key with other parameters',
    write: true,
    weight: 2,
    arbitrary: fc.record({ write: fc.nat() }).map((p) =>
      command(p, {
        describe: () => 'replayOtherParams(write)',
        check: (m) => withOther(m).length > 0,
        async run(m, r, q, say) {
          const write = pick(withOther(m), q.write);
          say(`replayOtherParams(${write.label})`);
          const outcome = await r.call(write.method, write.other, write.options);
          // The code is documented; its status (422) is the sandbox's.
          if (local(m)) expectError(sharedRules.replayOtherParams, outcome, { status: 422, code: 'idempotency_params_mismatch' });
          else rule(sharedRules.replayOtherParams, !outcome.ok && outcome.code === 'idempotency_params_mismatch', () => `expected idempotency_params_mismatch, got ${describeOutcome(outcome)}`);
        },
      }),
    ),
  },
];
