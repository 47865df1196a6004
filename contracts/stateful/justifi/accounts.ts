/**
 * Sub accounts and the sandbox clock. "created: this sub account has been created … but we haven't
 * received their onboarding entry yet"; an onboarding entry "will change the sub account's status
 * to submitted"; "enabled: … note: test accounts are automatically enabled" (a minute later by the
 * sandbox's clock, its inference). Payments in a sub account that is not enabled: "400 will be returned".
 */
import fc from 'fast-check';
import { expectError, expectOk, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { command, createdBy, documented, expectFields, record } from './commands.js';
import { achSettlement, type AccountModel, day, type JustifiModel, keyWindow, learnPlatform, local, minute, pick, reviewTime } from './model.js';

/** The smallest onboarding entry the spec takes (the seed's "Required for all" rows). */
const onboarding = {
  business_details: { url: 'https://example.com', type: 'for_profit', structure: 'single_member_llc', industry: 'Coffee Shop' },
  representative: { name: 'Ada Lovelace' },
  bank_account: { routing_number: '110000000', account_number: '000123456789' },
  terms_and_conditions: { accepted: true, ip: '203.0.113.10' },
};

export function expectSubAccount(m: JustifiModel, name: string, item: unknown, sub: AccountModel): void {
  const data = record(item);
  expectFields(name, sub.label, [['id', data.id, sub.key], ['name', data.name, sub.name], ['status', data.status, sub.status]]);
}

/**
 * Moves the local sandbox's clock, and the model with it: reviews complete, ACH payments settle,
 * idempotency keys lapse (each the sandbox's inferred timing).
 */
function moveClock(m: JustifiModel, r: Real, ms: number): void {
  r.clock!.advance(ms);
  r.note(`sandbox clock +${ms < day ? `${ms / minute} minute` : `${ms / day} days`}`);
  m.now += ms;
  for (const sub of m.accounts) if (sub.status === 'submitted' && sub.submittedAt! + reviewTime <= m.now) sub.status = 'enabled';
  for (const p of m.payments) if (p.kind === 'bank_account' && p.status === 'pending' && p.createdAt + achSettlement <= m.now) p.status = 'succeeded';
  m.writes = m.writes.filter((w) => m.now - w.at < keyWindow);
}

type Then = 'nothing' | 'onboard' | 'enable';
/** After creating a sub account: nothing, an onboarding entry, or (locally) the entry and its review, so its scope takes payments. */
const then: fc.Arbitrary<Then> = fc.oneof(fc.constant('nothing' as const), fc.constant('onboard' as const), { weight: 2, arbitrary: fc.constant('enable' as const) });

/**
 * "Create an onboarding entry … This will change the sub account's status to submitted"; with
 * `wait`, against the local sandbox, its clock then passes the review and the account is enabled.
 */
async function onboard(m: JustifiModel, r: Real, sub: AccountModel, wait: boolean): Promise<void> {
  const outcome = await r.call('onboarding.create', [sub.key, onboarding]);
  expectOk(documented, outcome, 200);
  expectFields(documented, `the onboarding entry of ${sub.label}`, [['account_id', record(outcome.data).account_id, sub.key]]);
  sub.status = 'submitted';
  sub.submittedAt = m.now;
  if (!wait || !r.clock) return;
  moveClock(m, r, reviewTime);
  const read = await r.call('subAccounts.get', [sub.key]);
  expectOk(sharedRules.statusMoves, read, 200);
  expectSubAccount(m, sharedRules.statusMoves, read.data, sub);
}

const steps = (t: Then) => (t === 'nothing' ? '' : t === 'onboard' ? ', onboard it' : ', onboard it and wait for the review');

export const accountCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'create a sub account (and onboard it)',
    write: true,
    weight: 4,
    arbitrary: fc.record({ duplicate: fc.option(fc.nat(), { freq: 5 }), then }).map((p) =>
      command(p, {
        describe: (q) => `createSubAccount(${q.duplicate === null ? `new name${steps(q.then)}` : 'a name in use'})`,
        check: (m, q) => m.accounts.length < 4 && (q.duplicate === null || m.accounts.length > 1),
        async run(m, r, q, say) {
          const taken = q.duplicate === null ? undefined : pick(m.accounts.slice(1), q.duplicate);
          say(taken ? `createSubAccount(the name of ${taken.label})` : `createSubAccount(${steps(q.then).slice(2)})`);
          const name = taken?.name ?? r.unique('Stateful Shop');
          const outcome = await r.call('subAccounts.create', [{ name }]);
          if (taken) {
            // "the name must be unique in your platform"; Forbidden: "creating a duplicate record where one already exists"
            expectError(documented, outcome, { status: 403, code: local(m) ? 'not_authorized' : undefined });
            return;
          }
          expectOk(documented, outcome, 201);
          const data = record(outcome.data);
          const sub: AccountModel = { key: String(data.id), label: `sub#${m.accounts.length}`, id: String(data.id), status: 'created', name, created: createdBy('subAccounts.create', outcome, {}) };
          m.accounts.push(sub);
          expectSubAccount(m, documented, outcome.data, sub);
          learnPlatform(m, data.platform_account_id);
          const described = say(`createSubAccount(${steps(q.then).slice(2)}) → ${sub.label}`);
          if (q.then !== 'nothing') await onboard(m, r, sub, q.then === 'enable');
          return described;
        },
      }),
    ),
  },
  {
    name: 'onboard a sub account',
    write: true,
    arbitrary: fc.record({ sub: fc.nat(), wait: fc.boolean() }).map((p) =>
      command(p, {
        describe: (q) => `onboard(sub account${q.wait ? ', wait for the review' : ''})`,
        check: (m) => m.accounts.some((a) => a.status === 'created'),
        async run(m, r, q, say) {
          const sub = pick(m.accounts.filter((a) => a.status === 'created'), q.sub);
          say(`onboard(${sub.label}${q.wait ? ', wait for the review' : ''})`);
          await onboard(m, r, sub, q.wait);
        },
      }),
    ),
  },
  {
    name: 'advance the sandbox clock',
    write: true,
    weight: 2,
    localOnly: 'moves the local sandbox’s clock (review, settlement and authorisation times)',
    arbitrary: fc.record({ ms: fc.constantFrom(minute, 8 * day) }).map((p) =>
      command(p, {
        describe: (q) => `advanceClock(${q.ms === minute ? '1 minute' : '8 days'})`,
        check: (m) => !m.external,
        async run(m, r, q) {
          moveClock(m, r, q.ms);
        },
      }),
    ),
  },
];
