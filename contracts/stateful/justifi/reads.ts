/**
 * Reads: walk every page of a list with a small `limit` and compare it with the model (each of the
 * account's objects exactly once, nothing of another account), and get one object by id. Against
 * an external target, whose accounts hold objects the model never saw, a walk checks what it can
 * (no object twice; this sequence's objects present) and remembers what it saw for the gets.
 */
import fc from 'fast-check';
import { expectOk, rule, sharedRules } from '../core/rules.js';
import type { CommandSpec, Real } from '../core/types.js';
import { command, expectFields, record } from './commands.js';
import { type AccountKey, type AccountModel, type JustifiModel, methodId, pick, platform, scoped } from './model.js';
import { expectIntent } from './intents.js';
import { expectMethod } from './methods.js';
import { expectPayment, expectRefund } from './payments.js';
import { expectSubAccount } from './accounts.js';
import { expectDispute } from './disputes.js';

const resources = ['payments', 'paymentMethods', 'paymentIntents', 'refunds', 'subAccounts', 'disputes'] as const;
export type Resource = (typeof resources)[number];

/** A model object of one resource: its id, label and account, and how to check an answer against it. */
interface Known {
  id: string;
  label: string;
  account: AccountKey;
  expect(m: JustifiModel, name: string, item: unknown): void;
}

function known(m: JustifiModel, resource: Resource): Known[] {
  switch (resource) {
    case 'payments':
      return m.payments.map((p) => ({ id: p.id, label: p.label, account: p.account, expect: (model, name, item) => expectPayment(model, name, item, p) }));
    case 'paymentMethods':
      return m.methods.map((pm) => ({ id: pm.id, label: pm.label, account: pm.account, expect: (_, name, item) => expectMethod(name, item, pm) }));
    case 'paymentIntents':
      return m.intents.map((i) => ({ id: i.id, label: i.label, account: i.account, expect: (model, name, item) => expectIntent(model, name, item, i) }));
    case 'refunds':
      return m.refunds.map((re) => ({ id: re.id, label: re.label, account: re.account, expect: (_, name, item) => expectRefund(name, item, re) }));
    case 'disputes':
      return m.disputes.map((d) => ({ id: d.id, label: d.label, account: d.account, expect: (model, name, item) => expectDispute(model, name, item, d) }));
    case 'subAccounts':
      // Sub accounts are the platform's: listed without a Sub-Account header.
      return m.accounts.slice(1).map((a) => ({ id: a.key, label: a.label, account: platform, expect: (model, name, item) => expectSubAccount(model, name, item, a) }));
  }
}

const idOf = (resource: Resource, item: Record<string, unknown>) => (resource === 'paymentMethods' ? methodId(item) : String(item.id));
/** Against an external target a walk stops after this many objects (a real account may hold thousands). */
const externalMax = 25;

/**
 * Walks every page of one resource's list in `acct` and compares it with the model: each of the
 * account's objects exactly once, nothing of another account, and locally nothing the model does not
 * expect (the objects it expects without knowing their ids are adopted). Returns the description.
 */
export async function walk(m: JustifiModel, r: Real, resource: Resource, acct: AccountModel, limit: number): Promise<string> {
  const listed = await r.list(`${resource}.list`, [{ limit }], { ...(resource === 'subAccounts' ? {} : scoped(acct.key)), ...(m.external ? { max: externalMax } : {}) });
  expectOk(sharedRules.listedOnce, listed);
  const items = listed.items.map(record);
  const ids = items.map((item) => idOf(resource, item));
  const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
  rule(sharedRules.listedOnce, twice.length === 0, () => `${twice.join(', ')} listed more than once over ${listed.pages} pages`);
  const all = known(m, resource);
  const mine = all.filter((k) => k.account === acct.key);
  const complete = !m.external || items.length < externalMax;
  const missing = complete ? mine.filter((k) => !ids.includes(k.id)) : [];
  rule(sharedRules.listedOnce, missing.length === 0, () => `${missing.map((k) => `${k.label} (${k.id})`).join(', ')} missing from the walk of ${resource} in ${acct.label} (${items.length} items over ${listed.pages} pages)`);
  const elsewhere = all.filter((k) => k.account !== acct.key && ids.includes(k.id));
  rule(sharedRules.scoped, elsewhere.length === 0, () => `${elsewhere.map((k) => `${k.label} of ${k.account}`).join(', ')} listed in ${acct.label}`);
  for (const k of mine) {
    const item = items.find((i) => idOf(resource, i) === k.id);
    if (item) k.expect(m, sharedRules.retrievable, item);
  }
  const strangers = items.filter((item) => !all.some((k) => k.id === idOf(resource, item)));
  const described = `list ${resource}(${acct.label}, limit ${limit}) → ${items.length} over ${listed.pages} pages`;
  if (m.external) {
    for (const item of strangers) if (m.seen.length < 20 && !m.seen.some((s) => s.id === idOf(resource, item))) m.seen.push({ resource, id: idOf(resource, item), data: item });
    return described;
  }
  // Locally the account is fresh: every other object is one the model expects without knowing its id.
  const waiting = m.unseen.filter((u) => u.resource === resource && u.account === acct.key);
  const unexplained: string[] = [];
  for (const item of strangers) {
    const match = waiting.find((u) => u.matches(item));
    if (!match) {
      unexplained.push(idOf(resource, item));
      continue;
    }
    waiting.splice(waiting.indexOf(match), 1);
    m.unseen.splice(m.unseen.indexOf(match), 1);
    match.adopt(m, item);
  }
  rule(sharedRules.listedOnce, unexplained.length === 0, () => `${unexplained.join(', ')} listed in ${acct.label}, but the model knows no such ${resource} object`);
  rule(sharedRules.listedOnce, waiting.length === 0, () => `${waiting.map((u) => u.what).join('; ')}: missing from the walk of ${resource} in ${acct.label} (${items.length} items over ${listed.pages} pages)`);
  return described;
}

export const readCommands: CommandSpec<JustifiModel>[] = [
  {
    name: 'list (walk every page, limit 1–5)',
    write: false,
    weight: 6,
    arbitrary: fc.record({ resource: fc.constantFrom(...resources), account: fc.nat(), limit: fc.integer({ min: 1, max: 5 }) }).map((p) =>
      command(p, {
        describe: (q) => `list ${q.resource}(limit ${q.limit})`,
        async run(m, r, q, say) {
          const acct = q.resource === 'subAccounts' ? m.accounts[0]! : pick(m.accounts, q.account);
          say(`list ${q.resource}(${acct.label}, limit ${q.limit})`);
          return say(await walk(m, r, q.resource, acct, q.limit));
        },
      }),
    ),
  },
  {
    name: 'get every refund made (refunds.get)',
    write: false,
    arbitrary: fc.constant(null).map((p) =>
      command(p, {
        describe: () => 'get every refund',
        check: (m) => m.refunds.length > 0,
        async run(m, r, _q, say) {
          say(`get every refund (${m.refunds.map((re) => re.label).join(', ')})`);
          for (const re of m.refunds) {
            const outcome = await r.call('refunds.get', [re.id]);
            expectOk(sharedRules.retrievable, outcome, 200);
            expectRefund(sharedRules.retrievable, outcome.data, re);
          }
        },
      }),
    ),
  },
  {
    name: 'get an object by id',
    write: false,
    weight: 4,
    arbitrary: fc.record({ resource: fc.constantFrom(...resources), n: fc.nat() }).map((p) =>
      command(p, {
        describe: (q) => `get ${q.resource}`,
        check: (m, q) => known(m as JustifiModel, q.resource).length > 0 || m.seen.some((s) => s.resource === q.resource),
        async run(m, r, q, say) {
          const pool = [...known(m, q.resource).map((k) => ({ k, seen: undefined })), ...m.seen.filter((s) => s.resource === q.resource).map((seen) => ({ k: undefined, seen }))];
          const { k, seen } = pick(pool, q.n);
          const id = k?.id ?? seen!.id;
          say(`get ${q.resource}(${k?.label ?? id})`);
          const outcome = await r.call(`${q.resource}.get`, [id]);
          expectOk(sharedRules.retrievable, outcome, 200);
          if (k) k.expect(m, sharedRules.retrievable, outcome.data);
          else {
            const data = record(outcome.data);
            expectFields(sharedRules.retrievable, `${q.resource} ${id} as listed`, [['id', idOf(q.resource, data), id], ['amount', data.amount, seen!.data.amount], ['created_at', data.created_at, seen!.data.created_at]]);
          }
        },
      }),
    ),
  },
];
