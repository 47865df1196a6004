/**
 * The x-sdk-method lint (redocly.yaml): a spec edit that forgets a name, reuses one or misspells
 * one fails `redocly lint` with a one-line reason naming the rule, and webhook operations (events,
 * not SDK methods) need no name. One copy of the Payments spec carries one edit per case, each in
 * its own file, and is linted once with the real CLI; every problem must sit in the edited file,
 * and there must be no other, so each failure is the doing of its edit.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiEntryIn, apis, fromRoot } from '../../scripts/lib/apis.js';
import { lintSpec } from '../../scripts/lib/codegen.js';

const api = apis.find((a) => a.name === 'payments-v1.3')!;
const root = mkdtempSync(path.join(os.tmpdir(), 'sdk-lint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// An extra entry in the spec's own webhooks map: an event carrying an operationId but no x-sdk-method.
const webhook = `webhooks:
  paymentIntentUpdated:
    post:
      operationId: listPayouts
      summary: Payment intent updated
      description: Sent when a payment intent changes.
      tags:
        - Payment Intents
      security: []
      responses:
        '200':
          description: Received
      x-inferred: true`;

/** file → [text to replace, replacement]. */
const edits: Record<string, [string | RegExp, string]> = {
  'paths/disputes@{id}.yaml': [/^\s*x-sdk-method: disputes\.get\n/m, ''],
  'paths/payouts@{id}.yaml': ['x-sdk-method: payouts.get', 'x-sdk-method: payouts.list'],
  'paths/ledger@balances.yaml': ['x-sdk-method: balances.get', 'x-sdk-method: Balances.get'],
  'paths/transactions@{id}.yaml': ['x-sdk-method: transactions.get', 'x-sdk-method: transactions.get_one'],
  'paths/refunds@{id}.yaml': ['x-sdk-method: refunds.get', 'x-sdk-method: refunds'],
  'openapi.yaml': [/^webhooks:$/m, webhook],
};

/** Problems of a stylish report by file (the file's path relative to the copy): `rule  message`. */
function problemsByFile(report: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let file = '';
  for (const line of report.split('\n')) {
    const header = /^(\S.*\.yaml):$/.exec(line);
    if (header) file = path.relative(path.dirname(apiEntryIn(root, api).spec), path.resolve(fromRoot('.'), header[1]!));
    const problem = /^\s+\d+:\d+\s+error\s+(.*)$/.exec(line);
    if (problem) (out[file] ??= []).push(problem[1]!.trim());
  }
  return out;
}

let problems: Record<string, string[]>;
let ok: boolean;
beforeAll(() => {
  const copy = apiEntryIn(root, api);
  const dir = path.dirname(copy.spec);
  cpSync(path.dirname(fromRoot(api.spec)), dir, { recursive: true });
  for (const [file, [from, to]] of Object.entries(edits)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`the edit to ${file} changed nothing`);
    writeFileSync(path.join(dir, file), edited);
  }
  const result = lintSpec(copy);
  ok = result.ok;
  problems = problemsByFile(result.report);
}, 60_000);

describe('x-sdk-method lint', () => {
  it('fails the edited spec, and only in the edited files', () => {
    expect(ok).toBe(false);
    expect(Object.keys(problems).sort()).toEqual(Object.keys(edits).sort());
  });

  it('an operation without x-sdk-method fails with a one-line reason', () => {
    expect(problems['paths/disputes@{id}.yaml']).toEqual(['rule/x-sdk-method-defined  Every operation needs `x-sdk-method: <namespace>.<method>` (the SDK method generated for it).']);
  });

  it('two operations sharing one x-sdk-method fail, naming the operation that has it first', () => {
    expect(problems['paths/payouts@{id}.yaml']).toEqual(['sdk/x-sdk-method-unique  x-sdk-method `payouts.list` is already the SDK method of listPayouts: every operation needs its own.']);
  });

  it('a name that is not <namespace>.<method> in camelCase letters fails (capital, underscore, no method)', () => {
    const message = 'rule/x-sdk-method-name  `x-sdk-method` must be `<namespace>.<method>`, both camelCase letters (^[a-z][A-Za-z]*\\.[a-z][A-Za-z]*$), e.g. `payments.refund`.';
    for (const file of ['paths/ledger@balances.yaml', 'paths/transactions@{id}.yaml', 'paths/refunds@{id}.yaml']) expect(problems[file], file).toEqual([message]);
  });

  it('asks nothing of webhook operations, which are events rather than SDK methods', () => {
    // The webhook reuses an operationId on purpose: the one problem reported there proves the linter visits it.
    expect(problems['openapi.yaml']).toEqual([expect.stringMatching(/^operation-operationId-unique /)]);
  });
});
