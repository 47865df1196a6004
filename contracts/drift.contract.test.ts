/**
 * Drift detection, demonstrated: a Prism mock of a *drifted copy* of each spec (a response field
 * renamed, an enum value changed, as a server might ship without telling anyone) is checked by the
 * same conformance checks, judged by the real spec. The suite must fail and name the operation and
 * the drift.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { apis } from '../scripts/lib/apis.js';
import { deref, type JsonObject, listOperations, loadBundle } from '../scripts/lib/spec-model.js';
import { positiveChecks } from './support/checks.js';
import { type Harness, justifiHarness, paymentsHarness } from './support/harness.js';
import { startPrism, type PrismServer } from './support/prism.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'payments-sdk-drift-'));
const servers: PrismServer[] = [];

/** Applies `change` to every example of the operation's 200 JSON response, in a copy of the bundle. */
function driftedCopy(apiName: string, operationId: string, change: (data: JsonObject) => void): string {
  const copy = structuredClone(loadBundle(apis.find((a) => a.name === apiName)!));
  const op = listOperations(copy).find((o) => o.operationId === operationId)!;
  const media = (deref(copy, (op.operation.responses as JsonObject)['200']).content as JsonObject)['application/json'] as JsonObject;
  const examples = Object.values((media.examples ?? {}) as JsonObject).map((e) => deref(copy, e).value as JsonObject);
  if (media.example) examples.push(media.example as JsonObject);
  expect(examples.length).toBeGreaterThan(0);
  for (const example of examples) change(example);
  const file = path.join(dir, `${apiName}-drifted.yaml`);
  writeFileSync(file, stringify(copy));
  return file;
}

async function driftedHarness(file: string, make: (url: string, external: boolean) => Harness): Promise<Harness> {
  // Without --errors: the drifted server answers its drifted examples, as a real one would.
  const prism = await startPrism(file, { errors: false });
  servers.push(prism);
  return make(prism.url, false);
}

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a server that drifts from the spec is caught', () => {
  let justifi: Harness;
  let payments: Harness;
  beforeAll(async () => {
    // JustiFi renames `amount` to `amount_cents` in the payment it returns.
    const justifiFile = driftedCopy('justifi-v1', 'getPayment', (envelope) => {
      const data = envelope.data as JsonObject;
      data.amount_cents = data.amount;
      delete data.amount;
    });
    // The Payments API starts answering a payment-intent status the spec does not list.
    const paymentsFile = driftedCopy('payments-v1.3', 'getPaymentIntent', (intent) => {
      intent.status = 'on_hold';
    });
    [justifi, payments] = await Promise.all([driftedHarness(justifiFile, justifiHarness), driftedHarness(paymentsFile, paymentsHarness)]);
  }, 60_000);

  it('a renamed response field fails conformance for getPayment, naming the field', async () => {
    const model = justifi.operations.find((o) => o.operationId === 'getPayment')!;
    const result = await positiveChecks(justifi, model);
    expect(result.positive.failure).toBeUndefined();
    expect(result.conformance.failure).toContain('getPayment');
    expect(result.conformance.failure).toContain('check "conformance" failed');
    expect(result.conformance.failure).toMatch(/must have required property 'amount'/);
    expect(result.conformance.failure).toContain('reproduce: curl');
  });

  it('a changed enum value fails conformance for getPaymentIntent, naming the value rule', async () => {
    const model = payments.operations.find((o) => o.operationId === 'getPaymentIntent')!;
    const result = await positiveChecks(payments, model);
    expect(result.conformance.failure).toContain('getPaymentIntent');
    expect(result.conformance.failure).toMatch(/\/status must be equal to one of the allowed values/);
  });

  it('operations the drift does not touch still pass against the same drifted server', async () => {
    const model = justifi.operations.find((o) => o.operationId === 'listDisputes')!;
    const result = await positiveChecks(justifi, model);
    expect(result.positive.failure).toBeUndefined();
    expect(result.conformance.failure).toBeUndefined();
  });
});
